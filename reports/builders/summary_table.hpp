// The summary table (seed 002: "a summary table that pulls all key data together in one place"): for
// each year group and each pupil characteristic group, the pupils counted, their prior attainment
// (GLD at the end of Reception; reading, writing and maths all at the expected standard or above at
// the end of KS1), the share on track or above in reading, writing, maths and all three, and the
// average of each test-score column, on one portrait page. Groups of fewer than
// `smallest_meaningful_group` pupils are marked: one pupil moves their percentages by more than 16
// points, so they are not statistically meaningful. It reads the same cohort as the full report and
// the Venn, so the figures cannot disagree with them.
#pragma once

#include "reports/builders/assessment_cohort.hpp"

namespace waymark::reports {

inline constexpr int smallest_meaningful_group = 6;

document build_summary_table(soci::session &session, const assessment_cohort &cohort);

}  // namespace waymark::reports
