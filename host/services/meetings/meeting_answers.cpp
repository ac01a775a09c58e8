#include "services/meetings/meeting_answers.hpp"

#include "store/fetch_rows.hpp"

#include <algorithm>

namespace waymark::services {
namespace {

constexpr std::size_t answer_limit = 2000;

// The column of wm_meeting_answers naming the meeting, the other kind's being null.
std::string meeting_column(answer_table table) {
    return table == answer_table::pupil_meeting ? "pupil_meeting_id" : "cohort_meeting_id";
}

std::string where_asked(const answer_input &answer) {
    return "template " + std::to_string(answer.template_id) + (answer.subject.empty() ? "" : " in " + answer.subject);
}

void fill(std::vector<meeting_answer> &answers, std::span<const answer_input> given, const std::string &missing_reason) {
    for (const auto &answer : given) {
        const auto asked = std::find_if(answers.begin(), answers.end(), [&](const meeting_answer &each) {
            return each.template_id == answer.template_id && each.subject == answer.subject;
        });
        if (asked == answers.end())
            throw tracking_error("The answer to " + where_asked(answer) + " matches no question of this meeting" +
                                 missing_reason + ".");
        asked->notes = checked_text("notes to " + where_asked(answer), answer.notes, answer_limit, false);
        asked->next_steps = checked_text("next steps for " + where_asked(answer), answer.next_steps, answer_limit, false);
    }
}

}  // namespace

std::vector<meeting_answer> new_meeting_answers(soci::session &session, const store::school &school, meeting_type type,
                                                domain::date day, std::span<const std::string> subjects,
                                                std::span<const answer_input> given) {
    const std::vector<std::string> pupil_area{""};
    const auto areas = type == meeting_type::pupil ? std::span<const std::string>(pupil_area) : subjects;
    std::vector<meeting_answer> answers;
    const auto questions = current_questions(session, school, type, day);
    for (const auto &subject : areas) {
        for (const auto &question : questions) answers.push_back({question.id, subject, question.question, "", ""});
    }
    fill(answers, given, " (the " + std::string(meeting_type_name(type)) + " questions live on " +
                             domain::format_iso_date(day) + " are listed by waymark templates list --type " +
                             std::string(meeting_type_name(type)) + " --on " + domain::format_iso_date(day) + ")");
    return answers;
}

void update_answers(std::vector<meeting_answer> &saved, std::span<const answer_input> given) {
    fill(saved, given, " (it keeps the questions it was made with)");
}

void store_answers(soci::session &session, answer_table table, long long meeting_id, std::span<const meeting_answer> answers) {
    session << "DELETE FROM wm_meeting_answers WHERE " + meeting_column(table) + " = :m", soci::use(meeting_id, "m");
    int position = 0;
    for (const auto &answer : answers) {
        ++position;
        const long long template_id = answer.template_id.value_or(0);
        soci::indicator has_template = answer.template_id ? soci::i_ok : soci::i_null;
        const std::string &subject = answer.subject;
        session << "INSERT INTO wm_meeting_answers (" + meeting_column(table) +
                       ", subject_id, position, template_id, question, notes, next_steps) "
                       "VALUES (:m, (SELECT id FROM wm_subjects WHERE code = :c), :p, :t, :q, :n, :x)",
            soci::use(meeting_id, "m"), soci::use(subject, "c"), soci::use(position, "p"),
            soci::use(template_id, has_template, "t"), soci::use(answer.question, "q"), soci::use(answer.notes, "n"),
            soci::use(answer.next_steps, "x");
    }
}

std::vector<meeting_answer> load_answers(soci::session &session, answer_table table, long long meeting_id) {
    std::vector<long long> templates;
    std::vector<std::string> subjects, questions, notes, next_steps;
    store::size_for_fetch(templates, subjects, questions, notes, next_steps);
    soci::statement rows =
        (session.prepare << "SELECT COALESCE(a.template_id, 0), COALESCE(s.code, ''), a.question, a.notes, a.next_steps "
                                "FROM wm_meeting_answers a LEFT JOIN wm_subjects s ON s.id = a.subject_id WHERE a." +
                                meeting_column(table) + " = :m ORDER BY a.position",
         soci::into(templates), soci::into(subjects), soci::into(questions), soci::into(notes), soci::into(next_steps),
         soci::use(meeting_id, "m"));
    std::vector<meeting_answer> answers;
    store::fetch_rows(rows, [&](std::size_t i) {
        answers.push_back({templates[i] == 0 ? std::nullopt : std::optional<long long>(templates[i]), subjects[i],
                           questions[i], notes[i], next_steps[i]});
    }, templates, subjects, questions, notes, next_steps);
    return answers;
}

}  // namespace waymark::services
