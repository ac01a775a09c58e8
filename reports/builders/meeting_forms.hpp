// The progress meeting forms (issue 6, report 5; seed 000 "Pupil Progress Meeting" and "Year/Class
// (Cohort) Progress Meeting Form") as printable documents: a saved meeting printed as it was saved,
// with its question texts, standards or cohort figures and answers; or a blank form for a meeting
// about to be held, with the school's questions live on the day and the standards or figures filled
// from the data (services' draft_*_meeting, the very meeting saving would store), and writing lines
// where the answers go.
#pragma once

#include "reports/document.hpp"
#include "services/tracking/class_grid.hpp"
#include "store/schools.hpp"

#include <soci/soci.h>

#include <optional>
#include <string>

namespace waymark::reports {

struct meeting_form_scope {
    store::school school;
    std::string as_of;      // a blank form's day: 'YYYY-MM-DDTHH:MM:SSZ', "" = today
    std::string generated;  // 'YYYY-MM-DDTHH:MM:SSZ'
};

// Throw services::record_not_found for an id or UPN the school does not have, and
// services::tracking_error (a year group no assessment covers, an unknown class) with the sentence.
document saved_pupil_meeting_form(soci::session &session, const services::scheme_library &schemes,
                                  const meeting_form_scope &scope, long long meeting_id);
document blank_pupil_meeting_form(soci::session &session, const services::scheme_library &schemes,
                                  const meeting_form_scope &scope, const std::string &upn);
document saved_cohort_meeting_form(soci::session &session, const services::scheme_library &schemes,
                                   const meeting_form_scope &scope, long long meeting_id);
// For a year group (optionally one class), at its latest assessment dated on or before the day.
document blank_cohort_meeting_form(soci::session &session, const services::scheme_library &schemes,
                                   const meeting_form_scope &scope, int year_group, const std::optional<std::string> &class_name);

}  // namespace waymark::reports
