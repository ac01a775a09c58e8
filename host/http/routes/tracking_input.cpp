#include "http/routes/tracking_input.hpp"

#include "domain/whole_number.hpp"

#include <Poco/JSON/Array.h>

#include <cstdint>

namespace waymark::http {

long long record_id_in_path(const request &asked, std::string_view what) {
    const std::string &text = asked.path_parameter("id");
    const auto id = domain::parse_whole_number(text, 1);
    if (!id) throw not_found(std::nullopt, "There is no " + std::string(what) + " " + text + "; ids are whole numbers.");
    return *id;
}

std::optional<domain::date> optional_date(const json_object &body, std::string_view name) {
    const auto text = body.optional_string(name);
    if (!text) return std::nullopt;
    const auto day = domain::parse_iso_date(*text);
    const std::string field = body.path().empty() ? std::string(name) : body.path() + "." + std::string(name);
    if (!day) throw invalid(field, field + " must be a date written YYYY-MM-DD, not \"" + *text + "\".");
    return day;
}

domain::date required_date(const json_object &body, std::string_view name) {
    body.required_string(name);  // 422 "is required" or the wrong type, named
    return *optional_date(body, name);
}

std::optional<std::optional<domain::date>> date_change(const json_object &body, std::string_view name) {
    if (!body.raw().has(std::string(name))) return std::nullopt;
    return std::optional<std::optional<domain::date>>(optional_date(body, name));
}

std::vector<std::string> optional_strings(const json_object &body, std::string_view name) {
    std::vector<std::string> strings;
    if (!body.has(name)) return strings;
    const std::string field = body.path().empty() ? std::string(name) : body.path() + "." + std::string(name);
    const Poco::Dynamic::Var given = body.raw().get(std::string(name));
    const auto array = given.type() == typeid(Poco::JSON::Array::Ptr) ? given.extract<Poco::JSON::Array::Ptr>() : nullptr;
    if (!array) throw invalid(field, field + " must be an array of strings, not " + json_type_name(given) + ".");
    for (std::size_t i = 0; i < array->size(); ++i) {
        const Poco::Dynamic::Var element = array->get(static_cast<unsigned>(i));
        if (!element.isString())
            throw invalid(field + "[" + std::to_string(i) + "]", field + "[" + std::to_string(i) + "] must be a string, not " +
                                                                  json_type_name(element) + ".");
        strings.push_back(element.toString());
    }
    return strings;
}

std::string fields_sent(const json_object &body) {
    std::string names;
    for (const auto &name : body.raw().getNames()) names += (names.empty() ? "" : ", ") + name;
    return names.empty() ? "nothing" : names;
}

std::vector<services::answer_input> answers_in(const json_object &body) {
    std::vector<services::answer_input> answers;
    if (!body.has("answers")) return answers;
    for (const auto &answer : body.required_object_array("answers")) {
        answers.push_back({answer.required_integer("template_id", 1, INT64_MAX), answer.optional_string("subject").value_or(""),
                           answer.optional_string("notes").value_or(""), answer.optional_string("next_steps").value_or("")});
    }
    return answers;
}

void add_delete_route(router &routes, const std::string &path, permission needed, std::string what, const api_services &api,
                      std::function<void(store::database &, const store::school &, long long)> remove,
                      pupil_of_record pupil_of) {
    routes.add("DELETE", path, needed,
               [&api, what = std::move(what), remove = std::move(remove), pupil_of = std::move(pupil_of)](const request &asked,
                                                                                                          response &reply) {
                   const long long id = record_id_in_path(asked, what);
                   in_school(api, asked, [&](auto &database, const auto &school) {
                       if (pupil_of) {
                           const std::string upn = pupil_of(database.session(), school, id);
                           check_teaches(database.session(), school, asked, {&upn, 1});
                       }
                       remove(database, school, id);
                       return 0;
                   });
                   asked.note("deleted the " + what + " " + std::to_string(id));
                   Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
                   body.set("deleted", id);
                   reply.json(body);
               });
}

}  // namespace waymark::http
