// A school's pupils on roll by any filter, and "include in data" (issue 4, items 3 and 6).
//   GET  /api/v1/schools/{school}/pupils[?year=4&class=4A&sen=K&...&include_in_data=yes|no]
//   POST /api/v1/schools/{school}/pupils/inclusion  {upns: [...], include_in_data: true|false}
// A school's pupil records, added, edited (one or many), archived and returned to roll by hand
// (issue 7, the Pupils screen):
//   GET  /api/v1/schools/{school}/pupil-records[?year=4&class=4A|?archived=yes]
//   POST /api/v1/schools/{school}/pupil-records              {upn, surname, ...}
//   PUT  /api/v1/schools/{school}/pupil-records              {pupils: [{upn, changes: {class: "5A"}}]}
//   GET  /api/v1/schools/{school}/pupil-records/{upn}
//   PUT  /api/v1/schools/{school}/pupil-records/{upn}        {class: "5A", fsm: true}
//   POST /api/v1/schools/{school}/pupil-records/{upn}/archive  {date_left: "2026-07-22"}
//   POST /api/v1/schools/{school}/pupil-records/{upn}/return
//   PUT  /api/v1/schools/{school}/pupil-records/{upn}/date-left  {date_left: "2026-07-21"}  (a leaver's, corrected)
#include "http/routes/tracking_scope.hpp"

#include "domain/pupil_fields.hpp"
#include "services/pupils/pupil_inclusion.hpp"
#include "services/pupils/pupil_list_json.hpp"
#include "services/pupils/pupil_records.hpp"

#include <Poco/JSON/Array.h>

#include <functional>
#include <set>

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
    asked.note((included ? "included " : "excluded ") + std::to_string(changed) + " of " + std::to_string(upns.size()) +
               " pupils " + (included ? "in" : "from") + " the data");
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("changed", changed);
    body.set("excluded_pupils", services::excluded_pupils(database->session(), school, {}));
    reply.json(body);
}

// A field's JSON value as the service reads typed text: true/false as Y/N, whole numbers as digits,
// null as blank.
services::pupil_fields fields_in(const json_object &given) {
    services::pupil_fields fields;
    for (const auto &[name, value] : given.raw()) {
        const std::string where = given.path().empty() ? name : given.path() + "." + name;
        if (value.isEmpty()) fields[name] = "";
        else if (value.isBoolean()) fields[name] = value.extract<bool>() ? "Y" : "N";
        else if (value.isString()) fields[name] = value.toString();
        else if (value.isInteger()) fields[name] = value.toString();
        else throw invalid(where, where + " must be text, a whole number, true or false, not " + json_type_name(value) + ".");
    }
    return fields;
}

std::string upn_in_path(const request &asked) { return asked.path_parameter("upn"); }

std::string name_of(const domain::pupil &p) { return p.forename + " " + p.surname + " (" + p.upn + ")"; }

// The service's refusals as the API's: a wrong field 422 naming it (`where` places it in the body),
// a UPN the school does not have 404.
template <typename Change>
auto refusing_wrong_fields(Change change, const std::function<std::string(const services::pupil_field_error &)> &where) {
    try {
        return change();
    } catch (const services::pupil_field_error &refused) {
        throw invalid(where(refused), refused.what());
    } catch (const services::pupil_not_found &missing) {
        throw not_found("upn", missing.what());
    }
}

std::string field_itself(const services::pupil_field_error &refused) { return refused.field(); }

Poco::JSON::Object record_reply(soci::session &session, const store::school &school, const domain::pupil &p) {
    Poco::JSON::Object body = services::pupil_form_json(session, school);
    body.set("pupil", services::pupil_record_json(school, p));
    return body;
}

void list_records(const api_services &services, const request &asked, response &reply) {
    const auto database = services.database();
    const store::school school = school_in_path(database->session(), asked);
    const auto archived = asked.query("archived");
    if (archived && *archived != "yes" && *archived != "no")
        throw invalid("archived", "archived takes yes (the leavers) or no (the pupils on roll), not \"" + *archived + "\".");
    const bool leavers = archived && *archived == "yes";
    std::set<std::string> chosen;
    if (!leavers)
        for (const auto &p : services::filtered_pupils(database->session(), school, filter_in_query(asked))) chosen.insert(p.upn);
    Poco::JSON::Array pupils;
    for (const auto &stored : store::load_pupils(database->session(), school.id, store::which_pupils::all))
        if (leavers ? stored.pupil.archived : chosen.contains(stored.pupil.upn))
            pupils.add(services::pupil_record_json(school, stored.pupil));
    Poco::JSON::Object body = services::pupil_form_json(database->session(), school);
    body.set("pupils", pupils);
    reply.json(body);
}

void show_record(const api_services &services, const request &asked, response &reply) {
    const auto database = services.database();
    const store::school school = school_in_path(database->session(), asked);
    const auto found = services::find_pupil(database->session(), school, upn_in_path(asked));
    if (!found) throw not_found("upn", "No pupil of " + school.name + " has the UPN " + upn_in_path(asked) + ", on roll or archived.");
    reply.json(record_reply(database->session(), school, found->pupil));
}

void add_record(const api_services &services, const request &asked, response &reply) {
    const auto database = services.database();
    const store::school school = school_in_path(database->session(), asked);
    const auto fields = fields_in(asked.json_body());
    const auto added = refusing_wrong_fields([&] { return services::add_pupil(*database, school, fields, recorder_of(asked).who); }, field_itself);
    asked.note("added the pupil " + name_of(added.pupil));
    reply.json(record_reply(database->session(), school, added.pupil), status::HTTP_CREATED);
}

void edit_record(const api_services &services, const request &asked, response &reply) {
    const auto database = services.database();
    const store::school school = school_in_path(database->session(), asked);
    const services::pupil_edit edit{upn_in_path(asked), fields_in(asked.json_body())};
    if (edit.fields.empty()) throw unprocessable("Send at least one field to change, e.g. {\"class\": \"5A\"}.");
    const auto changed = refusing_wrong_fields([&] { return services::edit_pupil(*database, school, edit, recorder_of(asked).who); }, field_itself);
    std::string names;
    for (const auto &[name, value] : edit.fields) names += (names.empty() ? "" : ", ") + name;
    asked.note("changed " + names + " of " + name_of(changed.pupil));
    reply.json(record_reply(database->session(), school, changed.pupil));
}

void edit_records(const api_services &services, const request &asked, response &reply) {
    const auto database = services.database();
    const store::school school = school_in_path(database->session(), asked);
    std::vector<services::pupil_edit> edits;
    for (const auto &row : asked.json_body().required_object_array("pupils"))
        edits.push_back({row.required_string("upn"), fields_in(row.required_object("changes"))});
    if (edits.empty()) throw invalid("pupils", "pupils must list at least one pupil to change.");
    // A refusal names the row it is about, as the page numbers its rows: pupils[3].class.
    const auto row_field = [&](const services::pupil_field_error &refused) {
        for (std::size_t i = 0; i < edits.size(); ++i) {
            std::string upn;
            (void)domain::read_upn_field(edits[i].upn, upn);
            if (upn == refused.upn()) return "pupils[" + std::to_string(i) + "].changes." + refused.field();
        }
        return refused.field();
    };
    const auto changed = refusing_wrong_fields([&] { return services::edit_pupils(*database, school, edits, recorder_of(asked).who); }, row_field);
    asked.note("changed " + std::to_string(changed) + " of " + std::to_string(edits.size()) + " pupils in one save");
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("changed", static_cast<int>(changed));
    reply.json(body);
}

// {date_left: "2026-07-22"} (or 22/07/2026).
domain::date date_left_in(const request &asked) {
    const std::string typed = asked.json_body().required_string("date_left");
    const auto left = domain::parse_iso_date(typed) ? domain::parse_iso_date(typed) : domain::parse_uk_date(typed);
    if (!left) throw invalid("date_left", "date_left \"" + typed + "\" is not a date; write yyyy-mm-dd or dd/mm/yyyy.");
    return *left;
}

void archive_record(const api_services &services, const request &asked, response &reply) {
    const auto database = services.database();
    const store::school school = school_in_path(database->session(), asked);
    const domain::date left = date_left_in(asked);
    const auto archived = refusing_wrong_fields([&] { return services::archive_pupil(*database, school, upn_in_path(asked), left); }, field_itself);
    asked.note("archived the leaver " + name_of(archived.pupil) + ", left " + domain::format_iso_date(left));
    reply.json(record_reply(database->session(), school, archived.pupil));
}

void correct_leavers_date(const api_services &services, const request &asked, response &reply) {
    const auto database = services.database();
    const store::school school = school_in_path(database->session(), asked);
    const domain::date left = date_left_in(asked);
    const std::optional<domain::date> was = [&] {
        const auto found = services::find_pupil(database->session(), school, upn_in_path(asked));
        return found ? found->pupil.date_left : std::nullopt;
    }();
    const auto corrected = refusing_wrong_fields([&] { return services::correct_date_left(*database, school, upn_in_path(asked), left); }, field_itself);
    asked.note("corrected the date left of " + name_of(corrected.pupil) + " to " + domain::format_iso_date(left) +
               (was ? " (was " + domain::format_iso_date(*was) + ")" : std::string()));
    reply.json(record_reply(database->session(), school, corrected.pupil));
}

void return_record(const api_services &services, const request &asked, response &reply) {
    const auto database = services.database();
    const store::school school = school_in_path(database->session(), asked);
    const auto back = refusing_wrong_fields([&] { return services::return_to_roll(*database, school, upn_in_path(asked)); }, field_itself);
    asked.note("returned " + name_of(back.pupil) + " to roll");
    reply.json(record_reply(database->session(), school, back.pupil));
}

}  // namespace

void add_pupils_routes(router &routes, const api_services &services) {
    add_tracking_route(routes, "GET", school_path + "/pupils", permission::read_school, list_pupils, services);
    add_tracking_route(routes, "POST", school_path + "/pupils/inclusion", permission::write_tracking, change_inclusion, services);
    add_tracking_route(routes, "GET", school_path + "/pupil-records", permission::read_school, list_records, services);
    add_tracking_route(routes, "POST", school_path + "/pupil-records", permission::write_tracking, add_record, services);
    add_tracking_route(routes, "PUT", school_path + "/pupil-records", permission::write_tracking, edit_records, services);
    add_tracking_route(routes, "GET", school_path + "/pupil-records/{upn}", permission::read_school, show_record, services);
    add_tracking_route(routes, "PUT", school_path + "/pupil-records/{upn}", permission::write_tracking, edit_record, services);
    add_tracking_route(routes, "POST", school_path + "/pupil-records/{upn}/archive", permission::write_tracking, archive_record, services);
    add_tracking_route(routes, "POST", school_path + "/pupil-records/{upn}/return", permission::write_tracking, return_record, services);
    add_tracking_route(routes, "PUT", school_path + "/pupil-records/{upn}/date-left", permission::write_tracking, correct_leavers_date, services);
}

}  // namespace waymark::http
