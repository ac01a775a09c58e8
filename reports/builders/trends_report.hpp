// Trends over time (seed 004 D.4): the share of pupils on track or above in each subject, term by term
// across academic years, as a table and a line chart. Each term counts every year group in its latest
// assessment of that term (dated on or before the as-of day), so half-termly assessments are not
// counted twice; the filter is applied in each term's own academic year (--year 4 is each year's
// Year 4). Figures come from services::summarise, as the summary rows under an assessment do, over
// the pupils on roll now: pupils who have left are not in any term.
#pragma once

#include "reports/builders/assessment_cohort.hpp"

namespace waymark::reports {

// scope.assessment is ignored; scope.filter.academic_year, when given, keeps that year's terms only.
document build_trends_report(soci::session &session, const services::scheme_library &schemes, const report_scope &scope);

}  // namespace waymark::reports
