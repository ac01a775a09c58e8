// The school's cohort (year or class) progress meetings (services/meetings/cohort_meetings.hpp): band
// percentages now and at the previous assessment, discussion areas per subject, barriers per pupil.
//   GET  /api/v1/schools/{school}/cohort-meetings
//   POST /api/v1/schools/{school}/cohort-meetings
//   GET  /api/v1/schools/{school}/cohort-meetings/{id}
//   PUT  /api/v1/schools/{school}/cohort-meetings/{id}
//   DELETE /api/v1/schools/{school}/cohort-meetings/{id}
#include "http/routes/tracking_input.hpp"
#include "http/routes/tracking_scope.hpp"

#include "services/meetings/tracking_records_json.hpp"

namespace waymark::http {
namespace {

std::vector<services::barrier_input> barriers_in(const json_object &body) {
    std::vector<services::barrier_input> barriers;
    for (const auto &barrier : body.required_object_array("barriers")) {
        barriers.push_back({barrier.required_string("upn"), barrier.optional_string("barrier").value_or(""),
                            barrier.optional_string("next_steps").value_or("")});
    }
    return barriers;
}

}  // namespace

void add_cohort_meetings_routes(router &routes, const api_services &api) {
    const std::string all_path = api_base + "/schools/{school}/cohort-meetings";
    const std::string one_path = all_path + "/{id}";
    routes.add("GET", all_path, permission::read_school, [&api](const request &asked, response &reply) {
        const auto meetings = in_school(api, asked, [](auto &database, const auto &school) {
            return services::cohort_meetings(database.session(), school);
        });
        reply.json(services::json_array(meetings, services::cohort_meeting_json));
    });
    routes.add("POST", all_path, permission::write_tracking, [&api](const request &asked, response &reply) {
        const json_object body = asked.json_body();
        services::cohort_meeting_spec spec;
        spec.year_group = static_cast<int>(body.required_integer("year_group", 0, 11));
        spec.class_name = body.optional_string("class");
        spec.assessment = body.required_string("assessment");
        spec.teacher = body.required_string("teacher");
        spec.held_on = required_date(body, "held_on");
        spec.extra_subjects = optional_strings(body, "extra_subjects");
        spec.answers = answers_in(body);
        if (body.has("barriers")) spec.barriers = barriers_in(body);
        spec.targeted_support = body.optional_string("targeted_support").value_or("");
        spec.specific_groups = body.optional_string("specific_groups").value_or("");
        // Band percentages need the schemes the assessment's subjects are judged against.
        const services::scheme_library schemes = scheme_library_of(api);
        reply.json(services::cohort_meeting_json(in_school(api, asked, [&](auto &database, const auto &school) {
                       return services::add_cohort_meeting(database, school, schemes, spec, asked.who().id);
                   })),
                   status::HTTP_CREATED);
        asked.note("added a cohort progress meeting of Year " + std::to_string(spec.year_group) +
                   (spec.class_name ? " class " + *spec.class_name : std::string()) + " under " + spec.assessment + ", held " +
                   domain::format_iso_date(spec.held_on));
    });
    add_read_route(routes, one_path, "cohort progress meeting", api, services::find_cohort_meeting, services::cohort_meeting_json);
    routes.add("PUT", one_path, permission::write_tracking, [&api](const request &asked, response &reply) {
        const long long id = record_id_in_path(asked, "cohort progress meeting");
        const json_object body = asked.json_body();
        services::cohort_meeting_edit edit;
        edit.teacher = body.optional_string("teacher");
        edit.held_on = optional_date(body, "held_on");
        edit.answers = answers_in(body);
        if (body.has("barriers")) edit.barriers = barriers_in(body);
        edit.targeted_support = body.optional_string("targeted_support");
        edit.specific_groups = body.optional_string("specific_groups");
        reply.json(services::cohort_meeting_json(in_school(api, asked, [&](auto &database, const auto &school) {
            return services::edit_cohort_meeting(database, school, id, edit);
        })));
        asked.note("changed " + fields_sent(body) + " of cohort progress meeting " + std::to_string(id));
    });
    add_delete_route(routes, one_path, permission::write_tracking, "cohort progress meeting", api, services::delete_cohort_meeting);
}

}  // namespace waymark::http
