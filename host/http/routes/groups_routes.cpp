// A school's stored groups of pupils (issue 4, item 6), which any pupil list or statistic can be
// filtered by (?group=NAME). {group} is the group's name, percent-encoded.
//   GET    /api/v1/schools/{school}/groups
//   POST   /api/v1/schools/{school}/groups                        {name}
//   GET    /api/v1/schools/{school}/groups/{group}
//   POST   /api/v1/schools/{school}/groups/{group}/members        {upns: [...]}
//   DELETE /api/v1/schools/{school}/groups/{group}/members/{upn}
#include "http/routes/tracking_scope.hpp"

#include "services/pupils/pupil_groups.hpp"
#include "services/pupils/pupil_list_json.hpp"

#include <algorithm>

namespace waymark::http {

namespace {

services::pupil_group group_in_path(soci::session &session, const store::school &school, const request &asked) {
    const std::string &name = asked.path_parameter("group");
    auto groups = services::list_groups(session, school);
    const auto found = std::find_if(groups.begin(), groups.end(), [&](const auto &g) { return g.name == name; });
    if (found == groups.end())
        throw not_found(std::nullopt, "There is no group \"" + name + "\" at " + school.name + "; GET " + api_base +
                                          "/schools/" + store::laestab(school) + "/groups lists them.");
    return std::move(*found);
}

void create_group(const api_services &services, const request &asked, response &reply) {
    const auto database = services.database();
    const store::school school = school_in_path(database->session(), asked);
    const std::string name = asked.json_body().required_string("name");
    reply.json(services::group_json(services::create_group(*database, school, name, recorder_of(asked).who)),
               status::HTTP_CREATED);
    asked.note("created the group " + name);
}

void show_group(const api_services &services, const request &asked, response &reply) {
    const auto database = services.database();
    const store::school school = school_in_path(database->session(), asked);
    const auto group = group_in_path(database->session(), school, asked);
    const auto members = services::group_members(database->session(), school, group.name);
    const auto excluded = std::count_if(members.begin(), members.end(), [](const auto &p) { return !p.included; });
    auto body = services::pupil_list_json(members, "group \"" + group.name + "\"", static_cast<int>(excluded));
    body.set("group", services::group_json(group));
    reply.json(body);
}

void add_members(const api_services &services, const request &asked, response &reply) {
    const auto database = services.database();
    const store::school school = school_in_path(database->session(), asked);
    const auto group = group_in_path(database->session(), school, asked);
    const auto upns = asked.json_body().required_string_array("upns");
    if (upns.empty()) throw invalid("upns", "upns must name at least one pupil by UPN.");
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    const auto added = services::add_to_group(*database, school, group.name, upns, recorder_of(asked).who);
    asked.note("added " + std::to_string(added) + " of " + std::to_string(upns.size()) + " pupils to the group " + group.name);
    body.set("added", added);
    body.set("group", services::group_json(group_in_path(database->session(), school, asked)));
    reply.json(body);
}

void remove_member(const api_services &services, const request &asked, response &reply) {
    const auto database = services.database();
    const store::school school = school_in_path(database->session(), asked);
    const auto group = group_in_path(database->session(), school, asked);
    const std::string upn = pupil_in_path(database->session(), school, asked);
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    const auto removed = services::remove_from_group(*database, school, group.name, {&upn, 1});
    asked.note((removed == 0 ? "found " + upn + " not in" : "removed " + upn + " from") + std::string(" the group ") + group.name);
    body.set("removed", removed);
    body.set("group", services::group_json(group_in_path(database->session(), school, asked)));
    reply.json(body);
}

void list_groups(const api_services &services, const request &asked, response &reply) {
    const auto database = services.database();
    reply.json(services::group_list_json(services::list_groups(database->session(), school_in_path(database->session(), asked))));
}

}  // namespace

void add_groups_routes(router &routes, const api_services &services) {
    add_tracking_route(routes, "GET", school_path + "/groups", permission::read_school, list_groups, services);
    add_tracking_route(routes, "POST", school_path + "/groups", permission::write_tracking, create_group, services);
    add_tracking_route(routes, "GET", school_path + "/groups/{group}", permission::read_school, show_group, services);
    add_tracking_route(routes, "POST", school_path + "/groups/{group}/members", permission::write_tracking, add_members, services);
    add_tracking_route(routes, "DELETE", school_path + "/groups/{group}/members/{upn}", permission::write_tracking, remove_member,
                       services);
}

}  // namespace waymark::http
