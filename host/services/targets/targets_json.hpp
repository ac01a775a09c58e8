// Targets, policies, trajectories, flags and predictions as JSON: the one shape each `waymark
// targets ... --json` / `waymark predict --json` prints. Academic years "2025/2026", absent values null.
#pragma once

#include "services/targets/predictions.hpp"
#include "services/targets/target_validation.hpp"
#include "services/targets/targets.hpp"
#include "services/targets/trajectories.hpp"

#include "services/record_json.hpp"  // json_array, for the lists of these

namespace waymark::services {

// {id, upn, subject, horizon, academic_year, grade, scheme, cleared, set_by, set_at, supersedes}
Poco::JSON::Object target_json(const target_record &record);
// {who_may_set, window_from, window_to, rate_points, rate_terms, rate_per_term, rounding, term_weights,
//  changed_by, changed_at}
Poco::JSON::Object target_policy_json(const target_policy &policy);
// {upn, subject, scheme, notional: true, available, unavailable, baseline: {grade, academic_year, term},
//  target, rounding, weighting, plugin, terms: [{academic_year, nc_year, term, points, grade, attained,
//  position, gap}]}
Poco::JSON::Object trajectory_json(const pupil_trajectory &line);
// {target_id, upn, subject, horizon, target, code, severity, sentence, raised_at}
Poco::JSON::Object target_flag_json(const target_flag_record &flag);
// {upn, subject, academic_year, scheme, predictor, sufficient, likely, percent_expected, percent_higher,
//  based_on, history, note, made_at}
Poco::JSON::Object prediction_json(const prediction_record &record);

}  // namespace waymark::services
