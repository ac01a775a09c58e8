// The Venn report (seed 000): reading, writing and maths on track (or above) as three sets, with all
// seven regions and the pupils in none, each with its count, percentage and the pupils behind it. A
// pupil without a judgement in a subject is not on track in it. The three on-track rates are listed
// too, so the diagram reads against the summary table.
#pragma once

#include "reports/builders/assessment_cohort.hpp"

namespace waymark::reports {

document build_venn_report(const assessment_cohort &cohort);

}  // namespace waymark::reports
