// A pupil's interventions, which follow the child to any school of the database (services/meetings/interventions.hpp).
//   GET  /api/v1/schools/{school}/pupils/{upn}/interventions
//   POST /api/v1/schools/{school}/pupils/{upn}/interventions
//   GET  /api/v1/schools/{school}/interventions/{id}
//   PUT  /api/v1/schools/{school}/interventions/{id}
//   DELETE /api/v1/schools/{school}/interventions/{id}
#include "http/routes/tracking_input.hpp"

#include "services/meetings/tracking_records_json.hpp"

namespace waymark::http {
namespace {

// POST and PUT take the whole intervention.
services::intervention_spec intervention_in(const json_object &body) {
    services::intervention_spec spec;
    const std::string year = body.required_string("academic_year");
    const auto parsed = domain::parse_academic_year(year);
    if (!parsed) throw invalid("academic_year", "academic_year must be written like 2025/2026, not \"" + year + "\".");
    spec.year = *parsed;
    spec.assessment = body.required_string("assessment");
    spec.subject = body.required_string("subject");
    spec.description = body.required_string("description");
    spec.started_on = optional_date(body, "started_on");
    spec.ended_on = optional_date(body, "ended_on");
    spec.cost_pence = body.optional_integer("cost_pence", 0, INT64_MAX);
    return spec;
}

}  // namespace

void add_interventions_routes(router &routes, const api_services &api) {
    const std::string pupil_path = api_base + "/schools/{school}/pupils/{upn}/interventions";
    const std::string one_path = api_base + "/schools/{school}/interventions/{id}";
    routes.add("GET", pupil_path, permission::read_school, [&api](const request &asked, response &reply) {
        reply.json(services::json_array(in_school(api, asked, [&](auto &database, const auto &school) {
                                            return services::pupil_interventions(database.session(), school,
                                                                                 asked.path_parameter("upn"));
                                        }),
                                        services::intervention_json));
    });
    routes.add("POST", pupil_path, permission::write_judgements, [&api](const request &asked, response &reply) {
        const auto spec = intervention_in(asked.json_body());
        const auto added = in_school(api, asked, [&](auto &database, const auto &school) {
            check_teaches(database.session(), school, asked, {&asked.path_parameter("upn"), 1});
            return services::add_intervention(database, school, asked.path_parameter("upn"), spec, asked.who().id);
        });
        asked.note("added the " + spec.subject + " intervention \"" + spec.description + "\" for " + added.pupil_name + " (" +
                   added.upn + ")");
        reply.json(services::intervention_json(added), status::HTTP_CREATED);
    });
    add_read_route(routes, one_path, "intervention", api, services::find_intervention, services::intervention_json);
    routes.add("PUT", one_path, permission::write_judgements, [&api](const request &asked, response &reply) {
        const long long id = record_id_in_path(asked, "intervention");
        const auto spec = intervention_in(asked.json_body());
        const auto changed = in_school(api, asked, [&](auto &database, const auto &school) {
            const std::string upn = services::find_intervention(database.session(), school, id).upn;
            check_teaches(database.session(), school, asked, {&upn, 1});
            return services::update_intervention(database, school, id, spec);
        });
        asked.note("changed intervention " + std::to_string(id) + " (\"" + spec.description + "\") of " + changed.pupil_name + " (" +
                   changed.upn + ")");
        reply.json(services::intervention_json(changed));
    });
    add_delete_route(routes, one_path, permission::write_judgements, "intervention", api, services::delete_intervention,
                     [](soci::session &session, const store::school &school, long long id) {
                         return services::find_intervention(session, school, id).upn;
                     });
}

}  // namespace waymark::http
