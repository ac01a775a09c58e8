// Targets (seed 004 B.1): the outcome a school agrees for a pupil in a subject, at the end of this
// year or of the key stage, in the subject's scheme. Never overwritten: setting, revising and
// clearing each add a row naming who and when, superseding the latest, so the targets as of any
// past instant and each target's history can be read back. A school's target policy says when
// targets may change (outside its window a change is refused with the reason) and holds the
// figures trajectories and validation use: the minimum rate of progress, how a trajectory that
// falls between grades is shown, and term weights.
#pragma once

#include "plugin_host/target_plugins.hpp"
#include "services/tracking/assessments.hpp"
#include "services/tracking/judgements.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::services {

enum class target_horizon { end_of_year, end_of_key_stage };
std::string_view target_horizon_name(target_horizon horizon);  // "end_of_year", "end_of_key_stage"
// Also "year" and "key_stage"/"ks", any case.
std::optional<target_horizon> parse_target_horizon(std::string_view name);

enum class trajectory_rounding { nearest, pair };
std::string_view trajectory_rounding_name(trajectory_rounding rounding);  // "nearest", "pair"
std::optional<trajectory_rounding> parse_trajectory_rounding(std::string_view name);

struct target_policy {
    std::string who_may_set;                 // roles, as the school writes them; "" = not restricted
    std::optional<domain::date> window_from;  // targets may change from this day...
    std::optional<domain::date> window_to;    // ...to this day, both included; none = any day
    int rate_points = 0;  // the school's minimum progress: rate_points over rate_terms terms
    int rate_terms = 0;   // (12 over 12: two levels across KS2; 7 over 3: 7 LEP points a year); 0 = none
    trajectory_rounding rounding = trajectory_rounding::nearest;
    std::vector<double> term_weights;  // Autumn, Spring, Summer; empty = even terms
    std::string changed_by;
    std::string changed_at;

    double rate_per_term() const { return rate_terms > 0 ? static_cast<double>(rate_points) / rate_terms : 0.0; }
};

// The school's policy; the default (no window, no rate, nearest, even terms) when it has set none.
target_policy read_target_policy(soci::session &session, const store::school &school);
// Replaces the school's policy. Throws tracking_error naming the field for a window that ends before
// it starts, a rate with points but no terms (or the reverse), or weights that are not three numbers
// of zero or more with at least one above zero.
target_policy save_target_policy(store::database &db, const store::school &school, target_policy policy,
                                 const recorder &by);
// "3,2,2" -> {3, 2, 2}; tracking_error for anything else.
std::vector<double> parse_term_weights(std::string_view text);
std::string format_term_weights(std::span<const double> weights);

struct target_address {
    std::string upn;
    std::string subject;  // wm_subjects code
    target_horizon horizon = target_horizon::end_of_key_stage;
};

struct target_change {
    target_address target;
    std::string grade;      // the teacher's input, read by the scheme ("4b", "4B", "62")
    std::string scheme_id;  // "" = the scheme the school's latest assessment judges the subject in
};

struct target_record {
    long long id = 0;
    long long school_id = 0;
    long long pupil_id = 0;
    target_address target;
    int academic_year = 0;   // the year whose end the target is for
    std::string grade_code;  // "" when cleared
    std::string scheme_id;
    bool cleared = false;
    std::string set_by;
    std::string set_at;
    std::optional<long long> supersedes;
};

// Sets or revises targets, all in one transaction or none. Each is checked first: the change's day
// inside the policy's window, the pupil on roll, the subject known, the grade one of the scheme's.
// Throws tracking_error naming the pupil and subject (or the window) otherwise. With a validator,
// the changed pupils' targets are validated in the same transaction (target_validation.hpp).
std::vector<target_record> set_targets(store::database &db, const store::school &school, const scheme_library &schemes,
                                       std::span<const target_change> changes, const recorder &by,
                                       const plugins::validator *validator = nullptr);
// Clears a target (a new cleared row); tracking_error when it has none, or outside the window. With a
// validator, the pupil's flags are brought up to date (the cleared target's go).
target_record clear_target(store::database &db, const store::school &school, const scheme_library &schemes,
                           const target_address &target, const recorder &by, const plugins::validator *validator = nullptr);

// What set_targets would refuse about one change, as its sentence, or nothing; for imports that list
// every problem. Does not check the window (that is one sentence for the whole file).
std::optional<std::string> target_problem(soci::session &session, const store::school &school,
                                          const scheme_library &schemes, const target_change &change);
// The policy's refusal of a change made at `instant` ('YYYY-MM-DDTHH:MM:SSZ'), or nothing.
std::optional<std::string> outside_window(const target_policy &policy, const store::school &school,
                                          const std::string &instant);
// The policy's refusal of a change by a signed-in user (their role, as domain::role_name gives it,
// and user name), or nothing. who_may_set lists roles or user names, separated by commas ("leader,
// administrator", "Leaders and j.smith"; case, plurals and spaces for underscores do not matter);
// an empty one refuses nobody. A list naming no role or user (free text such as "headteacher")
// refuses everyone signed in, with the text, so the school rewrites it in role names.
std::optional<std::string> outside_who_may_set(const target_policy &policy, const store::school &school,
                                               std::string_view role, std::string_view username);

struct target_query {
    std::optional<std::string> upn;
    std::optional<std::string> subject;
    std::string as_of;     // "" = now; else 'YYYY-MM-DDTHH:MM:SSZ'
    bool history = false;  // every row, superseded and cleared ones too, oldest first
};

// The school's targets in force as of the query's instant (cleared ones left out), ordered by UPN,
// subject and horizon; or with `history`, every row.
std::vector<target_record> list_targets(soci::session &session, const store::school &school, const target_query &query);

// Every school's targets in force now, unordered: what an authority-wide revalidation checks.
std::vector<target_record> targets_in_force_everywhere(soci::session &session);

}  // namespace waymark::services
