// A school's pupils on roll by any filter, and "include in data" (issue 4, items 3 and 6).
//   GET  /api/v1/schools/{school}/pupils[?year=4&class=4A&sen=K&...&include_in_data=yes|no]
//   POST /api/v1/schools/{school}/pupils/inclusion  {upns: [...], include_in_data: true|false}
#include "http/routes/tracking_scope.hpp"

#include "services/pupil_inclusion.hpp"
#include "services/pupil_list_json.hpp"

namespace waymark::http {

namespace {

services::inclusion inclusion_in_query(const request &asked) {
    const auto given = asked.query("include_in_data");
    if (!given) return services::inclusion::all;
    if (*given == "yes") return services::inclusion::included;
    if (*given == "no") return services::inclusion::excluded;
    throw invalid("include_in_data", "include_in_data takes yes or no (leave it out for both), not \"" + *given + "\".");
}

void list_pupils(const api_services &services, const request &asked, response &reply) {
    const auto database = services.database();
    const store::school school = school_in_path(database->session(), asked);
    const services::pupil_filter filter = filter_in_query(asked);
    const auto which = inclusion_in_query(asked);
    const auto pupils = services::filtered_pupils(database->session(), school, filter, which);
    reply.json(services::pupil_list_json(pupils, filter.describe(),
                                         services::excluded_pupils(database->session(), school, filter)));
}

void change_inclusion(const api_services &services, const request &asked, response &reply) {
    const auto database = services.database();
    const store::school school = school_in_path(database->session(), asked);
    const json_object given = asked.json_body();
    const auto upns = given.required_string_array("upns");
    if (upns.empty()) throw invalid("upns", "upns must name at least one pupil by UPN.");
    const bool included = given.required_bool("include_in_data");
    const auto changed = services::set_included(*database, school, upns, included, recorder_of(asked).who);
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("changed", changed);
    body.set("excluded_pupils", services::excluded_pupils(database->session(), school, {}));
    reply.json(body);
}

}  // namespace

void add_pupils_routes(router &routes, const api_services &services) {
    add_tracking_route(routes, "GET", school_path + "/pupils", permission::read_school, list_pupils, services);
    add_tracking_route(routes, "POST", school_path + "/pupils/inclusion", permission::write_tracking, change_inclusion, services);
}

}  // namespace waymark::http
