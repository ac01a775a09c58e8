// The discussion answers of a progress meeting, pupil or cohort alike: each keeps the question text it
// was answered against (copied from the template when the meeting was made), so a later edit or
// deletion of the template leaves every saved meeting as it was.
#pragma once

#include "domain/calendar.hpp"
#include "services/meetings/discussion_templates.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace waymark::services {

struct meeting_answer {
    std::optional<long long> template_id;  // the template the question came from
    std::string subject;   // wm_subjects.code for a cohort meeting's discussion area, "" for a pupil meeting
    std::string question;  // as it read when the meeting was made
    std::string notes;
    std::string next_steps;  // "Agreed next steps if applicable"
    bool operator==(const meeting_answer &) const = default;
};

// An answer as a teacher gives it: to the question from `template_id` (in `subject`'s discussion
// area for a cohort meeting).
struct answer_input {
    long long template_id = 0;
    std::string subject;
    std::string notes;
    std::string next_steps;
};

// The questions of a new meeting: the school's current questions of the type on the day, once per
// subject (or once, subject "", for a pupil meeting), with `given` filled in. An answer to a question
// the meeting does not have is a tracking_error naming the template and the day.
std::vector<meeting_answer> new_meeting_answers(soci::session &session, const store::school &school, meeting_type type,
                                                domain::date day, std::span<const std::string> subjects,
                                                std::span<const answer_input> given);

// Fills `given` into a saved meeting's answers, matched by template and subject; the question text
// stays as saved. An answer to a question the meeting does not have is a tracking_error.
void update_answers(std::vector<meeting_answer> &saved, std::span<const answer_input> given);

// Which kind of meeting answers belong to (wm_meeting_answers holds both).
enum class answer_table { pupil_meeting, cohort_meeting };

// Replaces a meeting's stored answers (inside the caller's transaction).
void store_answers(soci::session &session, answer_table table, long long meeting_id, std::span<const meeting_answer> answers);
std::vector<meeting_answer> load_answers(soci::session &session, answer_table table, long long meeting_id);

}  // namespace waymark::services
