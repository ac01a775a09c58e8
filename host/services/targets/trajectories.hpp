// Notional trajectories (seed 004 B.3) and attainment against them (D.1). For each pupil's
// end-of-key-stage target, a line from the baseline (the pupil's earliest judgement of the subject in
// the target's scheme: the KS1 result for a KS2 pupil whose school recorded it) to the target, one
// progress target per term, drawn by the loaded trajectory plugin. Terms are weighted by the school's
// policy, else by the scheme's own expected progress a term (LEP's 3/2/2), else evenly. Each term's
// points become a grade: the nearest (a tie goes to the lower grade) or the pair ("4a/4b") the line
// falls between, as the policy says. Where the pupil was judged in that term, the judgement is above,
// on or below the line, with the gap in grades (one sublevel, or more). Always "notional".
#pragma once

#include "plugin_host/target_plugins.hpp"
#include "services/targets/targets.hpp"

#include <optional>
#include <string>
#include <vector>

namespace waymark::services {

struct trajectory_term {
    int academic_year = 0;
    int nc_year = 0;
    domain::term term = domain::term::autumn;
    double points = 0.0;
    std::string grade;  // "2a", or "2a/2b" in pair mode between grades (higher first)
    std::optional<std::string> attained;  // the pupil's judgement at that review, if any
    std::string position;                 // "above", "on", "below"; "" without a judgement
    int gap = 0;                          // grades between the judgement and the line (0 when on)
};

struct pupil_trajectory {
    std::string upn;
    std::string subject;
    std::string scheme_id;
    // One sentence when there is no trajectory (a scheme without progress, no baseline); else "".
    std::string unavailable;
    std::string baseline_grade;
    int baseline_year = 0;
    domain::term baseline_term = domain::term::summer;
    std::string target_grade;
    trajectory_rounding rounding = trajectory_rounding::nearest;
    std::string weighting;  // "school policy", "scheme's expected progress" or "even"
    std::string plugin_id;
    std::vector<trajectory_term> terms;
};

struct trajectory_query {
    std::optional<std::string> upn;
    std::optional<std::string> subject;
};

// One trajectory per current end-of-key-stage target matching the query, ordered as list_targets.
std::vector<pupil_trajectory> school_trajectories(soci::session &session, const store::school &school,
                                                  const scheme_library &schemes, const plugins::trajectory &plotter,
                                                  const trajectory_query &query);

// The grade `points` falls on: the nearest of the scheme's pointed grades, or the pair it lies
// between ("4a/4b"). Exposed for the validator's labels and the tests.
std::string grade_on_line(const plugins::scheme &scheme, double points, trajectory_rounding rounding);

}  // namespace waymark::services
