// Interventions, discussion-area templates and progress meetings as JSON: the one shape each
// `waymark interventions|templates|meetings ... --json` prints and the API returns. Dates are ISO
// 'YYYY-MM-DD', academic years "2025/2026", absent optional values null, costs in whole pence.
#pragma once

#include "services/meetings/cohort_meetings.hpp"
#include "services/meetings/interventions.hpp"
#include "services/meetings/pupil_meetings.hpp"

#include "services/record_json.hpp"  // json_array, for the lists of these

namespace waymark::services {

// {id, upn, pupil, school, academic_year, assessment, subject, description, started_on, ended_on,
//  cost_pence, recorded_by, recorded_at}
Poco::JSON::Object intervention_json(const intervention &record);
// {id, type, question, sort_order, live_from, live_to}
Poco::JSON::Object template_json(const discussion_template &record);
// {id, upn, pupil, teacher, held_on, assessment, previous_assessment,
//  standards: {previous: {reading, writing, maths}, current: {...}}, answers: [...], recorded_by, recorded_at}
Poco::JSON::Object pupil_meeting_json(const pupil_meeting &record);
// {id, year_group, class, assessment, previous_assessment, teacher, held_on, pupils,
//  outcomes: [{subject, band, percent, previous_percent}], answers: [...], barriers: [{upn, pupil,
//  barrier, next_steps}], targeted_support, specific_groups, recorded_by, recorded_at}
Poco::JSON::Object cohort_meeting_json(const cohort_meeting &record);

}  // namespace waymark::services
