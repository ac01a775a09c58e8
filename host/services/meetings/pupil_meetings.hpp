// Pupil progress meetings (seed 000 "How do I add, delete, or edit a Pupil Progress Meeting?"): the
// teacher, the date, the pupil's previous and current standards in reading, writing and maths filled
// from the data, and answers to the school's pupil questions live on the day. Unlike interventions
// they stay with the school: "any Pupil Progress Meetings added will remain frozen and will not
// transfer with the child's records", so they hang off the school's own pupil row. The standards and
// the question texts are copied when the meeting is made, so later judgements or template edits
// never change a saved meeting.
#pragma once

#include "domain/calendar.hpp"
#include "services/meetings/meeting_answers.hpp"
#include "store/database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace waymark::services {

// A pupil's judgement codes in the core subjects ("" = none).
struct core_standards {
    std::string reading;
    std::string writing;
    std::string maths;
    bool operator==(const core_standards &) const = default;
};

struct pupil_meeting_spec {
    std::string teacher;  // at most 100 characters
    domain::date held_on{};
    // The assessment the current standards come from, in the academic year of `held_on`; none = the
    // school's latest assessment on or before the day.
    std::optional<std::string> assessment;
    std::vector<answer_input> answers;
};

struct pupil_meeting {
    long long id = 0;
    std::string upn;
    std::string pupil_name;
    std::string teacher;
    domain::date held_on{};
    std::string assessment;           // "" when the school had none by then
    std::string previous_assessment;  // "" when none came before it that academic year
    core_standards previous;
    core_standards current;
    std::vector<meeting_answer> answers;  // every question live on the day, answered or not
    std::string recorded_by;
    std::string recorded_at;
    bool operator==(const pupil_meeting &) const = default;
};

// What an edit changes; answers are matched to the meeting's saved questions by template.
struct pupil_meeting_edit {
    std::optional<std::string> teacher;
    std::optional<domain::date> held_on;
    std::vector<answer_input> answers;
};

// For the school's pupil on roll; tracking_error (nothing stored) for an empty teacher, an unknown
// assessment or an answer to a question not live on the day; record_not_found for the UPN.
pupil_meeting add_pupil_meeting(store::database &db, const store::school &school, const std::string &upn,
                                const pupil_meeting_spec &spec, const std::string &by);
// The meeting add_pupil_meeting would save, not saved (id 0, no recorder): the printable form of a
// meeting about to be held, with the standards from the data and the questions live on the day.
pupil_meeting draft_pupil_meeting(soci::session &session, const store::school &school, const std::string &upn,
                                  const pupil_meeting_spec &spec);
// The school's meetings with its pupil (on roll or left), by date.
std::vector<pupil_meeting> pupil_meetings(soci::session &session, const store::school &school, const std::string &upn);
// Every meeting the school held with any of its pupils, by date: what a report over a whole school reads.
std::vector<pupil_meeting> school_pupil_meetings(soci::session &session, const store::school &school);
pupil_meeting find_pupil_meeting(soci::session &session, const store::school &school, long long id);
pupil_meeting edit_pupil_meeting(store::database &db, const store::school &school, long long id, const pupil_meeting_edit &edit);
void delete_pupil_meeting(store::database &db, const store::school &school, long long id);

// The judgements of one pupil in reading, writing and maths in an assessment, as recorded now.
core_standards standards_in(soci::session &session, const assessment &which, long long pupil_id);

}  // namespace waymark::services
