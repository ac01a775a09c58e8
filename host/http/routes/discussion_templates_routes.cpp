// The school's discussion-area templates: the questions of its pupil and cohort progress meetings
// (services/meetings/discussion_templates.hpp). ?on=DATE lists the current questions, those live that day.
//   GET  /api/v1/schools/{school}/discussion-templates[?type=pupil|cohort][&on=YYYY-MM-DD]
//   POST /api/v1/schools/{school}/discussion-templates
//   GET  /api/v1/schools/{school}/discussion-templates/{id}
//   PUT  /api/v1/schools/{school}/discussion-templates/{id}
//   DELETE /api/v1/schools/{school}/discussion-templates/{id}
#include "http/routes/tracking_input.hpp"

#include "services/meetings/tracking_records_json.hpp"

#include <climits>

namespace waymark::http {
namespace {

services::meeting_type type_named(const std::string &text, const std::string &field) {
    const auto type = services::parse_meeting_type(text);
    if (!type) throw invalid(field, field + " must be \"pupil\" or \"cohort\", not \"" + text + "\".");
    return *type;
}

}  // namespace

void add_discussion_templates_routes(router &routes, const api_services &api) {
    const std::string all_path = api_base + "/schools/{school}/discussion-templates";
    const std::string one_path = all_path + "/{id}";
    routes.add("GET", all_path, permission::read_school, [&api](const request &asked, response &reply) {
        const auto type_text = asked.query("type");
        const auto type = type_text ? std::optional(type_named(*type_text, "type")) : std::nullopt;
        const auto on_text = asked.query("on");
        const auto on = on_text ? domain::parse_iso_date(*on_text) : std::nullopt;
        if (on_text && !on) throw invalid("on", "on must be a date written YYYY-MM-DD, not \"" + *on_text + "\".");
        if (on && !type) throw invalid("type", "Give type=pupil or type=cohort with on: the current questions are of one type.");
        const auto templates = in_school(api, asked, [&](auto &database, const auto &school) {
            return on ? services::current_questions(database.session(), school, *type, *on)
                      : services::list_templates(database.session(), school, type);
        });
        reply.json(services::json_array(templates, services::template_json));
    });
    routes.add("POST", all_path, permission::write_tracking, [&api](const request &asked, response &reply) {
        const json_object body = asked.json_body();
        services::discussion_template spec;
        spec.type = type_named(body.required_string("type"), "type");
        spec.question = body.required_string("question");
        spec.sort_order = static_cast<int>(body.required_integer("sort_order", INT_MIN, INT_MAX));
        spec.live_from = required_date(body, "live_from");
        spec.live_to = optional_date(body, "live_to");
        const auto made = in_school(api, asked, [&](auto &database, const auto &school) {
            return services::add_template(database, school, spec);
        });
        asked.note("added the discussion-area question \"" + spec.question + "\" (" + std::to_string(made.id) + ")");
        reply.json(services::template_json(made), status::HTTP_CREATED);
    });
    add_read_route(routes, one_path, "discussion-area template", api, services::find_template, services::template_json);
    routes.add("PUT", one_path, permission::write_tracking, [&api](const request &asked, response &reply) {
        const long long id = record_id_in_path(asked, "discussion-area template");
        const json_object body = asked.json_body();
        services::template_edit edit;
        edit.question = body.optional_string("question");
        const auto order = body.optional_integer("sort_order", INT_MIN, INT_MAX);
        if (order) edit.sort_order = static_cast<int>(*order);
        edit.live_from = optional_date(body, "live_from");
        edit.live_to = date_change(body, "live_to");
        reply.json(services::template_json(in_school(api, asked, [&](auto &database, const auto &school) {
            const auto type = body.optional_string("type");
            if (type && type_named(*type, "type") != services::find_template(database.session(), school, id).type)
                throw invalid("type", "A template's type is fixed when it is made; add a new template of the other type instead.");
            return services::edit_template(database, school, id, edit);
        })));
        asked.note("changed " + fields_sent(body) + " of discussion-area template " + std::to_string(id));
    });
    add_delete_route(routes, one_path, permission::write_tracking, "discussion-area template", api, services::delete_template);
}

}  // namespace waymark::http
