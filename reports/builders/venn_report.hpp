// The Venn report (seed 000): reading, writing and maths on track (or above) as three sets, with all
// seven regions and the pupils in none, each with its count, percentage and the pupils behind it.
// The regions hold the pupils judged in all three subjects; a pupil without a judgement in any of
// them is counted apart, with their list (issue 17). The three on-track rates are over every pupil,
// a missing judgement counting as not on track, so the diagram reads against the summary table.
#pragma once

#include "reports/builders/assessment_cohort.hpp"

namespace waymark::reports {

document build_venn_report(const assessment_cohort &cohort);

}  // namespace waymark::reports
