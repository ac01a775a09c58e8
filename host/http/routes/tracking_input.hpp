// What the intervention, template and meeting routes share: their records' ids in paths, the dates
// and answers in their bodies, and the one translation of a service's refusal into the API's error
// (an id or UPN the school does not have: 404; input to correct: 422), so nothing is written.
#pragma once

#include "http/api.hpp"
#include "http/api_error.hpp"
#include "http/json_body.hpp"
#include "http/request.hpp"
#include "http/router.hpp"
#include "http/routes/school_scope.hpp"

#include "domain/calendar.hpp"
#include "services/meetings/meeting_answers.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::http {

// The path's {id} as a record id; 404 naming `what` ("intervention") when it is not a whole number.
long long record_id_in_path(const request &asked, std::string_view what);

// A 'YYYY-MM-DD' string field; 422 naming the field otherwise.
domain::date required_date(const json_object &body, std::string_view name);
std::optional<domain::date> optional_date(const json_object &body, std::string_view name);
// A nullable date field as an edit gives it: absent = keep, null = remove, a date = set.
std::optional<std::optional<domain::date>> date_change(const json_object &body, std::string_view name);

// An optional array of strings; 422 naming the element that is not a string.
std::vector<std::string> optional_strings(const json_object &body, std::string_view name);

// "teacher, held_on": the fields an edit sent, as the audit log's summary names what it changed.
std::string fields_sent(const json_object &body);

// The optional "answers" array: [{template_id, subject (cohort meetings), notes, next_steps}].
std::vector<services::answer_input> answers_in(const json_object &body);

// Runs a service call; its record_not_found becomes 404 and its tracking_error 422 with the
// service's sentence.
template <class Call>
auto refusals_as_api_errors(Call &&call) {
    try {
        return call();
    } catch (const services::record_not_found &e) {
        throw not_found(std::nullopt, e.what());
    } catch (const services::tracking_error &e) {
        throw api_error(status::HTTP_UNPROCESSABLE_ENTITY, "invalid", std::nullopt, e.what());
    }
}

// Leases a connection, finds the path's school and runs call(database, school) with the service's
// refusals as API errors.
template <class Call>
auto in_school(const api_services &api, const request &asked, Call &&call) {
    const auto database = api.database();
    const store::school school = school_in_path(database->session(), asked);
    return refusals_as_api_errors([&] { return call(*database, school); });
}

// GET `path` (ending in {id}): the record `what` names ("intervention"), found by
// find(session, school, id) and written by to_json; 404 for an id the school does not have.
template <class Find, class ToJson>
void add_read_route(router &routes, const std::string &path, std::string what, const api_services &api, Find find,
                    ToJson to_json) {
    routes.add("GET", path, permission::read_school,
               [&api, what = std::move(what), find, to_json](const request &asked, response &reply) {
                   const long long id = record_id_in_path(asked, what);
                   reply.json(to_json(in_school(api, asked, [&](auto &database, const auto &school) {
                       return find(database.session(), school, id);
                   })));
               });
}

// DELETE `path` (ending in {id}): remove(database, school, id) deletes the record `what` names
// ("intervention"); 200 {"deleted": id}, 404 for an id the school does not have. A record of one
// pupil gives `pupil_of` (its UPN), so a teacher deletes only their classes' pupils' records.
using pupil_of_record = std::function<std::string(soci::session &, const store::school &, long long)>;
void add_delete_route(router &routes, const std::string &path, permission needed, std::string what, const api_services &api,
                      std::function<void(store::database &, const store::school &, long long)> remove,
                      pupil_of_record pupil_of = nullptr);

}  // namespace waymark::http
