// Targets, their trajectories and flags, and predictions of a school (services/targets/targets.hpp,
// trajectories.hpp, target_validation.hpp, predictions.hpp), as `waymark targets` and `waymark
// predict` offer them. Predictions are a resource of their own, never mixed into targets.
//   GET  /api/v1/schools/{school}/targets[?upn=&subject=&as_of=&history=yes]
//   PUT  /api/v1/schools/{school}/targets            {targets: [{upn, subject, horizon?, grade, scheme?}]}
//   GET  /api/v1/schools/{school}/trajectories[?upn=&subject=]
//   GET  /api/v1/schools/{school}/target-flags[?upn=&class=]
//   GET  /api/v1/schools/{school}/predictions[?upn=&subject=]
//   POST /api/v1/schools/{school}/predictions        {subject, history?: school|authority, upn?}
#include "http/routes/tracking_input.hpp"
#include "http/routes/tracking_scope.hpp"

#include "plugin_host/target_plugins.hpp"
#include "services/targets/predictions.hpp"
#include "services/targets/target_validation.hpp"
#include "services/targets/targets.hpp"
#include "services/targets/targets_json.hpp"
#include "services/meetings/tracking_records_json.hpp"
#include "services/targets/trajectories.hpp"

namespace waymark::http {
namespace {

const std::string school_root = api_base + "/schools/{school}";

services::target_horizon horizon_in(const json_object &entry) {
    const auto text = entry.optional_string("horizon");
    if (!text) return services::target_horizon::end_of_key_stage;
    const auto horizon = services::parse_target_horizon(*text);
    if (!horizon)
        throw invalid(entry.path() + ".horizon", "horizon must be end_of_year or end_of_key_stage, not \"" + *text + "\".");
    return *horizon;
}

std::vector<services::target_change> changes_in(const json_object &body) {
    std::vector<services::target_change> changes;
    for (const auto &entry : body.required_object_array("targets"))
        changes.push_back({{entry.required_string("upn"), entry.required_string("subject"), horizon_in(entry)},
                           entry.required_string("grade"), entry.optional_string("scheme").value_or("")});
    if (changes.empty()) throw invalid("targets", "targets must hold at least one target.");
    return changes;
}

// The loaded plugin of a kind, or 503 saying none is: the routes that need one cannot answer.
template <class Find>
auto plugin_or_unavailable(Find find) {
    try {
        return find();
    } catch (const plugins::plugin_error &missing) {
        throw api_error(status::HTTP_SERVICE_UNAVAILABLE, "unavailable", std::nullopt, missing.what());
    }
}

// The school's target policy names who may set targets; a signed-in user outside it is refused
// with the reason (the local user is whoever runs the server, as on the command line).
void refuse_outside_who_may_set(soci::session &session, const store::school &school, const request &asked) {
    if (asked.who().every_school) return;
    const auto refusal = services::outside_who_may_set(services::read_target_policy(session, school), school,
                                                       domain::role_name(asked.who().role), asked.who().id);
    if (refusal) throw api_error(status::HTTP_FORBIDDEN, "forbidden", std::nullopt, *refusal);
}

}  // namespace

void add_targets_routes(router &routes, const api_services &api) {
    routes.add("GET", school_root + "/targets", permission::read_school, [&api](const request &asked, response &reply) {
        services::target_query query{asked.query("upn"), asked.query("subject"), as_of_in_query(asked),
                                     asked.query("history").value_or("no") == "yes"};
        reply.json(services::json_array(in_school(api, asked, [&](auto &database, const auto &school) {
                                            return services::list_targets(database.session(), school, query);
                                        }),
                                        services::target_json));
    });
    routes.add("PUT", school_root + "/targets", permission::write_tracking, [&api](const request &asked, response &reply) {
        const auto changes = changes_in(asked.json_body());
        const auto validator = api.registry.plugins_of_kind(WAYMARK_KIND_VALIDATOR).empty()
                                   ? std::nullopt
                                   : std::optional<plugins::validator>(plugins::find_validator(api.registry));
        const auto set = in_school(api, asked, [&](auto &database, const auto &school) {
            refuse_outside_who_may_set(database.session(), school, asked);
            return services::set_targets(database, school, scheme_library_of(api), changes, recorder_of(asked),
                                         validator ? &*validator : nullptr);
        });
        asked.note("set " + std::to_string(changes.size()) + (changes.size() == 1 ? " target" : " targets"));
        reply.json(services::json_array(set, services::target_json));
    });
    routes.add("GET", school_root + "/trajectories", permission::read_school, [&api](const request &asked, response &reply) {
        const auto plotter = plugin_or_unavailable([&] { return plugins::find_trajectory(api.registry); });
        const services::trajectory_query query{asked.query("upn"), asked.query("subject")};
        reply.json(services::json_array(in_school(api, asked, [&](auto &database, const auto &school) {
                                            return services::school_trajectories(database.session(), school,
                                                                                 scheme_library_of(api), plotter, query);
                                        }),
                                        services::trajectory_json));
    });
    routes.add("GET", school_root + "/target-flags", permission::read_school, [&api](const request &asked, response &reply) {
        const services::flag_query query{asked.query("upn"), asked.query("class")};
        reply.json(services::json_array(in_school(api, asked, [&](auto &database, const auto &school) {
                                            return services::list_target_flags(database.session(), school, query);
                                        }),
                                        services::target_flag_json));
    });
    routes.add("GET", school_root + "/predictions", permission::read_school, [&api](const request &asked, response &reply) {
        reply.json(services::json_array(in_school(api, asked, [&](auto &database, const auto &school) {
                                            return services::list_predictions(database.session(), school, asked.query("upn"),
                                                                              asked.query("subject"));
                                        }),
                                        services::prediction_json));
    });
    routes.add("POST", school_root + "/predictions", permission::write_tracking, [&api](const request &asked, response &reply) {
        const json_object body = asked.json_body();
        const std::string subject = body.required_string("subject");
        const std::string scope_text = body.optional_string("history").value_or("school");
        const auto scope = services::parse_history_scope(scope_text);
        if (!scope) throw invalid("history", "history must be school or authority, not \"" + scope_text + "\".");
        const auto upn = body.optional_string("upn");
        const auto predictor = plugin_or_unavailable([&] { return plugins::find_predictor(api.registry); });
        const auto made = in_school(api, asked, [&](auto &database, const auto &school) {
            return services::make_predictions(database, school, scheme_library_of(api), predictor, subject, *scope, upn,
                                              recorder_of(asked));
        });
        asked.note("predicted " + subject + " for " + (upn ? *upn : std::string("every pupil")) + " from the " + scope_text +
                   "'s history: " + std::to_string(made.size()) + (made.size() == 1 ? " prediction" : " predictions"));
        reply.json(services::json_array(made, services::prediction_json), status::HTTP_CREATED);
    });
}

}  // namespace waymark::http
