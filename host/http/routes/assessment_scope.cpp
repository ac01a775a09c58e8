#include "http/routes/assessment_scope.hpp"

#include "services/summary_statistics.hpp"

#include <charconv>

namespace waymark::http {

services::assessment assessment_in_path(soci::session &session, const store::school &school, const request &asked) {
    const std::string &text = asked.path_parameter("assessment");
    long long id = 0;
    const auto [end, problem] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (problem == std::errc() && end == text.data() + text.size()) {
        for (auto &which : services::list_assessments(session, school.id))
            if (which.id == id) return which;
    }
    throw not_found(std::nullopt, school.name + " has no assessment with id " + text +
                                      "; {assessment} is the id of one of the school's assessments.");
}

services::pupil_filter filter_in_query(const request &asked) {
    std::string last_given;  // the parser stops at the first bad value: the last one it was given
    try {
        return services::parse_pupil_filter([&](std::string_view name) {
            auto value = asked.query(name);
            if (value) last_given = name;
            return value;
        });
    } catch (const services::filter_error &error) {
        throw invalid(last_given, query_message(error));
    }
}

std::string query_message(const services::filter_error &error) {
    std::string message = error.what();
    if (message.starts_with("--as-of")) return "as_of" + message.substr(7);
    if (message.starts_with("--")) message.erase(0, 2);
    return message;
}

std::string filter_error_field(const services::filter_error &error) {
    const std::string_view message = error.what();
    if (message.starts_with("No class")) return "class";
    if (message.starts_with("No group")) return "group";
    return "as_of";
}

std::string as_of_in_query(const request &asked) { return services::instant_of(asked.query("as_of").value_or("")); }

}  // namespace waymark::http
