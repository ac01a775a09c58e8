// The Full report (seed 000 "How do I generate the Full Report tracking table?"): per subject the
// number and percentage of pupils at each grade, on track or above, with no judgement, and the
// number of pupils; every figure drills down to the pupils behind it, alphabetical, with their
// judgements. Subjects judged in the same scheme share a table; a scheme with more than eight
// grades (LEP points, APP sublevels) is counted by band against its expectation instead, since a
// column per point would be unreadable.
#pragma once

#include "reports/builders/assessment_cohort.hpp"

namespace waymark::reports {

document build_full_report(const assessment_cohort &cohort, const services::scheme_library &schemes);

}  // namespace waymark::reports
