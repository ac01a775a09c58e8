#include "http/routes/tracking_scope.hpp"

#include "domain/whole_number.hpp"

#include "services/tracking/class_grid.hpp"
#include "services/pupils/pupil_filter.hpp"

#include <functional>

namespace waymark::http {

services::scheme_library scheme_library_of(const api_services &services) { return services::scheme_library(services.schemes); }

services::recorder recorder_of(const request &asked) { return {asked.who().id, ""}; }

services::assessment assessment_in_path(soci::session &session, const store::school &school, const request &asked) {
    const std::string &id_text = asked.path_parameter("assessment");
    if (const auto id = domain::parse_whole_number(id_text)) {
        if (auto found = services::find_assessment_by_id(session, school.id, *id)) return std::move(*found);
    }
    throw not_found(std::nullopt, "There is no assessment " + id_text + " at " + school.name + "; GET " + api_base +
                                      "/schools/" + store::laestab(school) + "/assessments lists them with their ids.");
}

std::string pupil_in_path(soci::session &session, const store::school &school, const request &asked) {
    const std::string &upn = asked.path_parameter("upn");
    try {
        services::on_roll_pupil_ids(session, school, {&upn, 1});
    } catch (const services::filter_error &) {
        throw not_found(std::nullopt, "No pupil on roll at " + school.name + " has UPN " + upn + "; GET " + api_base +
                                          "/schools/" + store::laestab(school) + "/pupils lists them.");
    }
    return upn;
}

namespace {

// A filter read by name, a refusal named after the parameter being read.
services::pupil_filter filter_named(const std::function<std::optional<std::string>(std::string_view)> &value) {
    std::string reading;
    try {
        return services::parse_pupil_filter([&](std::string_view name) {
            reading = name;
            return value(name);
        });
    } catch (const services::filter_error &refused) {
        throw invalid(reading, query_message(refused));
    }
}

}  // namespace

services::pupil_filter filter_in_query(const request &asked) {
    return filter_named([&](std::string_view name) { return asked.query(name); });
}

services::pupil_filter filter_in_body(const json_object &given) {
    return filter_named([&](std::string_view name) -> std::optional<std::string> {
        if (!given.has(name)) return std::nullopt;
        const Poco::Dynamic::Var value = given.raw().get(std::string(name));
        if (value.isBoolean()) return value.extract<bool>() ? "yes" : "no";
        if (value.isInteger()) return std::to_string(value.convert<long long>());
        if (value.isString()) return value.extract<std::string>();
        throw invalid(std::string(name), std::string(name) + " takes text, a whole number or true/false, not " +
                                             json_type_name(value) + ".");
    });
}

std::string as_of_in_query(const request &asked) {
    const auto given = asked.query("as_of");
    if (!given) return "";
    const auto instant = services::as_of_instant(*given);
    if (!instant) throw invalid("as_of", "as_of takes YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, not \"" + *given + "\".");
    return *instant;
}

std::string query_message(const services::filter_error &error) {
    std::string message = error.what();
    if (message.starts_with("--as-of")) return "as_of" + message.substr(7);
    if (message.starts_with("--")) message.erase(0, 2);  // the CLI's option is this API's parameter
    return message;
}

std::string filter_error_field(const services::filter_error &error) {
    const std::string_view message = error.what();
    if (message.starts_with("No class")) return "class";
    if (message.starts_with("No group")) return "group";
    return "as_of";
}

api_error unprocessable(const std::string &message) {
    return {status::HTTP_UNPROCESSABLE_ENTITY, "invalid", std::nullopt, message};
}

namespace {

handler refusing_bad_input(handler run) {
    return [run = std::move(run)](const request &asked, response &reply) {
        try {
            run(asked, reply);
        } catch (const services::tracking_error &refused) {
            throw unprocessable(refused.what());
        } catch (const services::filter_error &refused) {
            throw unprocessable(refused.what());
        }
    };
}

}  // namespace

void add_tracking_route(router &routes, const std::string &method, const std::string &path, permission needed,
                        tracking_handler run, const api_services &services) {
    routes.add(method, path, needed,
               refusing_bad_input([&services, run](const request &asked, response &reply) { run(services, asked, reply); }));
}

}  // namespace waymark::http
