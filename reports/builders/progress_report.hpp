// Progress reports (issue 6, report 6; seeds 001 and 003) for schemes that measure progress (the
// scheme plugin's optional progress interface: LEP points, APP sublevels): per subject, each pupil's
// progress from one assessment to a later one in points and the scheme's steps against what the
// scheme expects, banded below, at or above expected; the progression summary (regressed, no
// progress, below, at and above expected, counts and %); and the key measures of seed 003 (below,
// within and beyond age-related expectation and average points at the later assessment; not making,
// making and exceeding expected progress and average steps). A subject judged in a scheme without
// progress (the four-band scheme) gets a sentence saying so instead of figures. When the school has
// targets in force for the pupils, attainment against them (seed 004 D.1, D.3): per subject, how many
// are above, on and below their notional trajectory at the later assessment's term (or their target
// itself, for end-of-year targets and schemes without progress), pupils named; otherwise a sentence
// saying no targets are set.
#pragma once

#include "plugin_host/target_plugins.hpp"
#include "reports/builders/assessment_cohort.hpp"

namespace waymark::reports {

// `cohort` is the later assessment's (load_assessment_cohort with it as the scope's assessment);
// `from` the earlier assessment, in the same or an earlier academic year.
document build_progress_report(soci::session &session, const services::scheme_library &schemes,
                               const assessment_cohort &cohort, const services::assessment &from,
                               const plugins::trajectory *plotter = nullptr);

}  // namespace waymark::reports
