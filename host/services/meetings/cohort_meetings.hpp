// Cohort (year or class) progress meetings (seed 000 "How do I generate a Year/Class (Cohort)
// Progress Meeting Form?"): for a year group, optionally one class, and an assessment, the % of the
// cohort in each band of reading, writing and maths now and at the previous assessment of the year,
// "rounded to whole percentages ... based on the number of children in the cohort"; discussion areas
// per subject answering the school's cohort questions; barriers to learning per pupil; targeted
// support and specific groups as free text. The figures and question texts are copied when the
// meeting is made, so later judgements or template edits never change a saved meeting.
#pragma once

#include "domain/calendar.hpp"
#include "services/meetings/meeting_answers.hpp"
#include "store/database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace waymark::services {

// One band of one core subject: its label and whole percentages of the cohort.
struct band_outcome {
    std::string subject;  // "reading", "writing", "maths"
    std::string band;     // the scheme's label: "Below", "On track", ...
    int percent_now = 0;
    std::optional<int> percent_previous;  // none without a previous assessment judging the subject
    bool operator==(const band_outcome &) const = default;
};

struct barrier_input {
    std::string upn;
    std::string barrier;     // "Barrier to learning and proposed support"
    std::string next_steps;  // "Agreed next steps if applicable"
};

struct pupil_barrier {
    std::string upn;
    std::string pupil_name;
    std::string barrier;
    std::string next_steps;
    bool operator==(const pupil_barrier &) const = default;
};

struct cohort_meeting_spec {
    int year_group = 0;                     // NC year, 0 = Reception
    std::optional<std::string> class_name;  // none = the whole year group
    std::string assessment;                 // found by name (find_assessment: the latest year using it)
    std::string teacher;
    domain::date held_on{};
    // Discussion areas besides reading, writing and maths (wm_subjects codes, the seed's "Add").
    std::vector<std::string> extra_subjects;
    std::vector<answer_input> answers;
    std::vector<barrier_input> barriers;
    std::string targeted_support;
    std::string specific_groups;
};

struct cohort_meeting {
    long long id = 0;
    int year_group = 0;
    std::string class_name;  // "" = the whole year group
    std::string assessment;
    std::string previous_assessment;  // "" when none came before it that academic year
    std::string teacher;
    domain::date held_on{};
    int pupils = 0;  // in the cohort the percentages are of (included pupils)
    std::vector<band_outcome> outcomes;
    std::vector<meeting_answer> answers;  // per subject, the cohort questions live on the day
    std::vector<pupil_barrier> barriers;
    std::string targeted_support;
    std::string specific_groups;
    std::string recorded_by;
    std::string recorded_at;
    bool operator==(const cohort_meeting &) const = default;
};

// What an edit changes; empty fields keep their value, barriers given replace the list.
struct cohort_meeting_edit {
    std::optional<std::string> teacher;
    std::optional<domain::date> held_on;
    std::vector<answer_input> answers;
    std::optional<std::vector<barrier_input>> barriers;
    std::optional<std::string> targeted_support;
    std::optional<std::string> specific_groups;
};

// tracking_error (nothing stored) for an unknown assessment, class or subject, a year group the
// assessment does not cover, an empty teacher, an answer to no question of the meeting or over-long
// text; record_not_found for a barrier's UPN not on roll.
cohort_meeting add_cohort_meeting(store::database &db, const store::school &school, const scheme_library &schemes,
                                  const cohort_meeting_spec &spec, const std::string &by);
// The meeting add_cohort_meeting would save, not saved (id 0, no barriers, no recorder): the
// printable form of a meeting about to be held, with the cohort's figures and the questions live on
// the day. The same refusals, bar the checks on texts it does not store.
cohort_meeting draft_cohort_meeting(soci::session &session, const store::school &school, const scheme_library &schemes,
                                    const cohort_meeting_spec &spec);
// The school's cohort meetings by date.
std::vector<cohort_meeting> cohort_meetings(soci::session &session, const store::school &school);
cohort_meeting find_cohort_meeting(soci::session &session, const store::school &school, long long id);
cohort_meeting edit_cohort_meeting(store::database &db, const store::school &school, long long id, const cohort_meeting_edit &edit);
void delete_cohort_meeting(store::database &db, const store::school &school, long long id);

}  // namespace waymark::services
