// A pupil's progress meetings at the school (services/meetings/pupil_meetings.hpp): standards filled from the
// data and answers to the school's current pupil questions, each keeping the question's text.
//   GET  /api/v1/schools/{school}/pupils/{upn}/meetings
//   POST /api/v1/schools/{school}/pupils/{upn}/meetings
//   GET  /api/v1/schools/{school}/pupil-meetings/{id}
//   PUT  /api/v1/schools/{school}/pupil-meetings/{id}
//   DELETE /api/v1/schools/{school}/pupil-meetings/{id}
#include "http/routes/tracking_input.hpp"

#include "services/meetings/tracking_records_json.hpp"

namespace waymark::http {

void add_pupil_meetings_routes(router &routes, const api_services &api) {
    const std::string pupil_path = api_base + "/schools/{school}/pupils/{upn}/meetings";
    const std::string one_path = api_base + "/schools/{school}/pupil-meetings/{id}";
    routes.add("GET", pupil_path, permission::read_school, [&api](const request &asked, response &reply) {
        reply.json(services::json_array(in_school(api, asked, [&](auto &database, const auto &school) {
                                            return services::pupil_meetings(database.session(), school,
                                                                            asked.path_parameter("upn"));
                                        }),
                                        services::pupil_meeting_json));
    });
    routes.add("POST", pupil_path, permission::write_judgements, [&api](const request &asked, response &reply) {
        const json_object body = asked.json_body();
        const services::pupil_meeting_spec spec{body.required_string("teacher"), required_date(body, "held_on"),
                                                body.optional_string("assessment"), answers_in(body)};
        const auto added = in_school(api, asked, [&](auto &database, const auto &school) {
            check_teaches(database.session(), school, asked, {&asked.path_parameter("upn"), 1});
            return services::add_pupil_meeting(database, school, asked.path_parameter("upn"), spec, asked.who().id);
        });
        asked.note("added the pupil progress meeting of " + added.pupil_name + " (" + added.upn + "), held " +
                   domain::format_iso_date(added.held_on) + " by " + added.teacher);
        reply.json(services::pupil_meeting_json(added), status::HTTP_CREATED);
    });
    add_read_route(routes, one_path, "pupil progress meeting", api, services::find_pupil_meeting, services::pupil_meeting_json);
    routes.add("PUT", one_path, permission::write_judgements, [&api](const request &asked, response &reply) {
        const long long id = record_id_in_path(asked, "pupil progress meeting");
        const json_object body = asked.json_body();
        const services::pupil_meeting_edit edit{body.optional_string("teacher"), optional_date(body, "held_on"), answers_in(body)};
        const auto changed = in_school(api, asked, [&](auto &database, const auto &school) {
            const std::string upn = services::find_pupil_meeting(database.session(), school, id).upn;
            check_teaches(database.session(), school, asked, {&upn, 1});
            return services::edit_pupil_meeting(database, school, id, edit);
        });
        asked.note("changed " + fields_sent(body) + " of the pupil progress meeting " + std::to_string(id) + " of " +
                   changed.pupil_name + " (" + changed.upn + ")");
        reply.json(services::pupil_meeting_json(changed));
    });
    add_delete_route(routes, one_path, permission::write_judgements, "pupil progress meeting", api,
                     services::delete_pupil_meeting, [](soci::session &session, const store::school &school, long long id) {
                         return services::find_pupil_meeting(session, school, id).upn;
                     });
}

}  // namespace waymark::http
