// Targets as reports show them (issue 6: the pupil profile's targets, the progress report's
// attainment against trajectory and targets; seed 004 D.1): each target in force with, for an
// end-of-key-stage target, its notional trajectory from the trajectory plugin, and where a judgement
// stands against it at a review. Read through the targets and trajectories services only.
#pragma once

#include "reports/document.hpp"
#include "services/targets/trajectories.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace waymark::reports {

struct target_standing {
    services::target_record target;
    // End-of-key-stage targets, when a trajectory plugin is loaded (its `unavailable` says why a
    // target has no line); nothing for end-of-year targets.
    std::optional<services::pupil_trajectory> trajectory;
};

// The school's targets in force as of `as_of` ("" = now), by UPN, subject then horizon; one pupil's
// when `upn` is given. Trajectories are drawn from today's targets, so one is attached only when its
// target grade is the one in force then. `plotter` may be null (no trajectory plugin loaded).
std::map<std::string, std::vector<target_standing>> load_target_standings(soci::session &session, const store::school &school,
                                                                          const services::scheme_library &schemes,
                                                                          const plugins::trajectory *plotter,
                                                                          const std::optional<std::string> &upn, const std::string &as_of);

enum class against_target { above, on, below, not_judged };

// Where a judgement stands at a review (academic year and term): against the trajectory's line for
// that term when the target has one, else against the target grade itself (same scheme only).
struct target_position {
    against_target where = against_target::not_judged;
    std::string judged;     // the judgement's grade code, "" without one
    std::string line;       // the notional trajectory's grade that term, "" without a line
    int gap = 0;            // grades between the judgement and the line or target
    bool by_trajectory = false;
};

// `judged_code` is the pupil's judgement in the target's scheme at that review ("" = none). On a
// trajectory the service's own reading of the term is used when it has one.
target_position position_at(const target_standing &standing, const plugins::scheme &scheme, int academic_year, domain::term term,
                            const std::string &judged_code);

// A trajectory term's own reading: its line, and the review's judgement against it if there was one.
target_position term_position(const services::trajectory_term &term);

// Seed 004 D.3's "target L4+" and "target L5+": where the target stands against what its scheme
// expects at the end of the year it is for (the summer term, the pupil then `nc_year_now` + the years
// between). Neither when the scheme sets no expectation then.
struct target_ambition {
    bool at_expected_or_above = false;
    bool above_expected = false;  // the higher standard
};
target_ambition target_against_expected(const services::target_record &target, const plugins::scheme &scheme, int nc_year_now,
                                        int academic_year_now);

// "Above by 1 grade", "On", "Below by 2 grades", "Not judged"; against the target when not by trajectory
// ("Above target by 1 grade", "At target").
std::string position_text(const target_position &position);
// Seed 003's colours for the position: below red, on green, above blue; none when not judged. Its
// label is position_text(), so a cell showing that text carries no extra code tag.
std::optional<band> position_band(const target_position &position);

// "End of key stage (2028/2029)", "End of year (2025/2026)".
std::string target_horizon_text(const services::target_record &target);
// The target's grade as a cell, labelled and coloured by its scheme.
cell target_grade_cell(const services::target_record &target, const services::scheme_library &schemes);

}  // namespace waymark::reports
