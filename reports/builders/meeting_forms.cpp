#include "reports/builders/meeting_forms.hpp"

#include "reports/builders/assessment_cohort.hpp"
#include "services/meetings/cohort_meetings.hpp"
#include "services/meetings/pupil_meetings.hpp"
#include "services/tracking/tracking_records.hpp"

#include <algorithm>

namespace waymark::reports {
namespace {

constexpr int blank_answer_lines = 5;
constexpr int blank_barrier_rows = 6;
const char *const blank_value = "____________________";

document form_frame(const meeting_form_scope &scope, std::string kind, std::string title, std::string counts) {
    document doc;
    doc.title = std::move(title);
    doc.school = scope.school.name;
    doc.kind = std::move(kind);
    doc.counts = std::move(counts);
    doc.generated = scope.generated;
    doc.as_of = as_of_day(scope.as_of, scope.generated);
    return doc;
}

domain::date form_day(const meeting_form_scope &scope) { return *domain::parse_iso_date(as_of_day(scope.as_of, scope.generated)); }

// The assessment a meeting names: the latest of that name dated on or before the meeting (the one it
// was made from), else any of that name; none when it named none.
std::optional<services::assessment> named_assessment(soci::session &session, const store::school &school,
                                                     const std::string &name, domain::date held_on) {
    std::optional<services::assessment> found;
    if (name.empty()) return found;
    for (auto &each : services::list_assessments(session, school.id)) {
        if (each.name != name) continue;
        const bool by_then = each.assessed_on <= held_on;
        const bool better = !found || (by_then && (found->assessed_on > held_on || found->assessed_on < each.assessed_on));
        if (better) found = std::move(each);
    }
    return found;
}

void add_scheme(document &doc, const std::string &name) {
    if (std::find(doc.schemes.begin(), doc.schemes.end(), name) == doc.schemes.end()) doc.schemes.push_back(name);
}

// A judgement code as a banded cell in the subject's scheme of the assessment ("" stays blank).
cell grade_cell(document &doc, const services::scheme_library &schemes, const std::optional<services::assessment> &which,
                const std::string &subject, const std::string &code) {
    const services::assessment_subject *judged = which ? which->subject(subject) : nullptr;
    if (code.empty() || judged == nullptr) return text_cell(code);
    const plugins::scheme &scheme = schemes.get(judged->scheme_id);
    add_scheme(doc, scheme.descriptor().name);
    const auto grade = scheme.find_code(code);
    if (!grade) return text_cell(code);
    const plugins::grade_info &info = scheme.grades()[*grade];
    cell c = text_cell(info.label);
    c.cell_band = band{info.code, info.label, info.colour_rgb};
    return c;
}

// The questions with their answers, or writing lines where a question was not answered.
form answers_form(std::string title, const std::vector<services::meeting_answer> &answers, const std::string &subject) {
    form f{std::move(title), {"Notes", "Agreed next steps"}, {}};
    for (const auto &answer : answers) {
        if (answer.subject != subject) continue;
        form_field field{answer.question, {}, blank_answer_lines};
        if (!answer.notes.empty() || !answer.next_steps.empty()) field = {answer.question, {answer.notes, answer.next_steps}, 1};
        f.fields.push_back(std::move(field));
    }
    return f;
}

// Teacher and date: printed when saved, lines to write on when blank.
void add_meeting_details(document &doc, std::vector<key_value> details, const std::string &teacher, bool saved,
                         domain::date held_on) {
    details.push_back({"Teacher", saved ? teacher : blank_value});
    details.push_back({"Date of meeting", saved ? domain::format_uk_date(held_on) : blank_value});
    doc.blocks.emplace_back(key_values{std::move(details)});
}

document pupil_form(soci::session &session, const services::scheme_library &schemes, const meeting_form_scope &scope,
                    const services::pupil_meeting &meeting) {
    const bool saved = meeting.id != 0;
    document doc = form_frame(scope, "pupil_meeting",
                              "Pupil progress meeting: " + meeting.pupil_name + (saved ? ", " + domain::format_uk_date(meeting.held_on) : ""),
                              saved ? "A saved pupil progress meeting: the pupil's reading, writing and maths judgements at the "
                                      "previous and current assessment as they were when it was saved, and the school's questions "
                                      "with the answers given."
                                    : "A blank pupil progress meeting form: the pupil's reading, writing and maths judgements at the "
                                      "previous and current assessment as recorded now, and the school's pupil questions live on the "
                                      "day, with space for the answers.");
    doc.filters.push_back("UPN " + meeting.upn);
    if (saved) {
        doc.filters.push_back("Meeting " + std::to_string(meeting.id) + ", saved by " + meeting.recorded_by + " on " +
                              domain::format_uk_date(*domain::parse_iso_date(meeting.recorded_at.substr(0, 10))));
        doc.as_of = meeting.recorded_at.substr(0, 10);
    } else {
        doc.filters.push_back("Questions live on " + domain::format_uk_date(meeting.held_on));
    }
    doc.blocks.emplace_back(heading{meeting.pupil_name, 1});
    add_meeting_details(doc, {{"UPN", meeting.upn}}, meeting.teacher, saved, meeting.held_on);

    const auto current = named_assessment(session, scope.school, meeting.assessment, meeting.held_on);
    const auto previous = named_assessment(session, scope.school, meeting.previous_assessment, meeting.held_on);
    table standards;
    standards.title = "Standards in reading, writing and maths";
    standards.columns = {{"Subject", column_type::text, 1.4},
                         {meeting.previous_assessment.empty() ? "Previous assessment (none this year)" : "Previous: " + meeting.previous_assessment,
                          column_type::grade, 1.5},
                         {meeting.assessment.empty() ? "Current assessment (none yet)" : "Current: " + meeting.assessment,
                          column_type::grade, 1.5}};
    const std::array<std::tuple<const char *, const char *, std::string, std::string>, 3> subjects{
        {{"reading", "Reading", meeting.previous.reading, meeting.current.reading},
         {"writing", "Writing", meeting.previous.writing, meeting.current.writing},
         {"maths", "Mathematics", meeting.previous.maths, meeting.current.maths}}};
    for (const auto &[code, name, before, now] : subjects) {
        standards.rows.push_back({text_cell(name), grade_cell(doc, schemes, previous, code, before), grade_cell(doc, schemes, current, code, now)});
    }
    doc.blocks.emplace_back(std::move(standards));
    form discussion = answers_form("Discussion", meeting.answers, "");
    if (discussion.fields.empty()) {
        doc.blocks.emplace_back(paragraph{"The school had no pupil progress meeting questions live on " +
                                              domain::format_uk_date(meeting.held_on) + " (waymark templates adds them).", false});
    } else {
        doc.blocks.emplace_back(std::move(discussion));
    }
    return doc;
}

std::string cohort_name(const services::cohort_meeting &meeting) {
    return year_name(meeting.year_group) + (meeting.class_name.empty() ? "" : ", class " + meeting.class_name);
}

document cohort_form(soci::session &session, const services::scheme_library &schemes, const meeting_form_scope &scope,
                     const services::cohort_meeting &meeting) {
    const bool saved = meeting.id != 0;
    document doc = form_frame(scope, "cohort_meeting",
                              "Cohort progress meeting: " + cohort_name(meeting) + (saved ? ", " + domain::format_uk_date(meeting.held_on) : ""),
                              "The percentage of the cohort's " + std::to_string(meeting.pupils) +
                                  " pupils included in data in each band of reading, writing and maths, rounded to whole "
                                  "percentages, at the previous and current assessment" +
                                  (saved ? " as saved with the meeting" : " as recorded now") +
                                  "; the school's cohort questions per subject; barriers to learning per pupil.");
    services::pupil_filter cohort;
    cohort.year_group = meeting.year_group;
    if (!meeting.class_name.empty()) cohort.class_name = meeting.class_name;
    doc.filters.push_back(cohort_name(meeting));
    doc.filters.push_back("Current assessment: " + meeting.assessment);
    doc.filters.push_back("Previous assessment: " + (meeting.previous_assessment.empty() ? "none this year" : meeting.previous_assessment));
    if (saved) {
        doc.filters.push_back("Meeting " + std::to_string(meeting.id) + ", saved by " + meeting.recorded_by);
        doc.as_of = meeting.recorded_at.substr(0, 10);
    }
    doc.excluded_pupils = services::excluded_pupils(session, scope.school, cohort);
    doc.blocks.emplace_back(heading{cohort_name(meeting), 1});
    add_meeting_details(doc, {{"Pupils in the cohort", std::to_string(meeting.pupils)}}, meeting.teacher, saved, meeting.held_on);

    const auto current = named_assessment(session, scope.school, meeting.assessment, meeting.held_on);
    const auto names = services::subject_names(session);
    const auto subject_name = [&](const std::string &code) {
        const auto found = names.find(code);
        return found == names.end() ? code : found->second;
    };
    table outcomes;
    outcomes.title = "Outcomes: % of the cohort in each band";
    outcomes.columns = {{"Subject", column_type::text, 1.4},
                        {"Band", column_type::grade, 1.4},
                        {meeting.previous_assessment.empty() ? "Previous assessment (none this year)" : "Previous: " + meeting.previous_assessment,
                         column_type::percent, 1.3},
                        {"Now: " + meeting.assessment, column_type::percent, 1.3}};
    std::string last_subject;
    for (const auto &outcome : meeting.outcomes) {
        cell band_cell = text_cell(outcome.band);
        if (const services::assessment_subject *judged = current ? current->subject(outcome.subject) : nullptr) {
            const plugins::scheme &scheme = schemes.get(judged->scheme_id);
            add_scheme(doc, scheme.descriptor().name);
            for (const auto &grade : scheme.grades())
                if (grade.label == outcome.band) band_cell.cell_band = band{grade.code, grade.label, grade.colour_rgb};
        }
        const auto percent_cell = [](std::optional<int> percent) {
            cell c = text_cell(percent ? std::to_string(*percent) + "%" : "");
            if (percent) c.value = *percent;
            return c;
        };
        outcomes.rows.push_back({text_cell(outcome.subject == last_subject ? "" : subject_name(outcome.subject)), band_cell,
                                 percent_cell(outcome.percent_previous), percent_cell(outcome.percent_now)});
        last_subject = outcome.subject;
    }
    if (outcomes.rows.empty()) doc.blocks.emplace_back(paragraph{"The assessment judges none of reading, writing and maths.", false});
    else doc.blocks.emplace_back(std::move(outcomes));

    std::vector<std::string> subjects;
    for (const auto &answer : meeting.answers)
        if (std::find(subjects.begin(), subjects.end(), answer.subject) == subjects.end()) subjects.push_back(answer.subject);
    if (subjects.empty())
        doc.blocks.emplace_back(paragraph{"The school had no cohort progress meeting questions live on " +
                                              domain::format_uk_date(meeting.held_on) + " (waymark templates adds them).", false});
    for (const auto &subject : subjects) doc.blocks.emplace_back(answers_form("Discussion: " + subject_name(subject), meeting.answers, subject));

    form barriers{"Barriers to learning", {"Barrier to learning and proposed support", "Agreed next steps"}, {}};
    for (const auto &each : meeting.barriers) barriers.fields.push_back({each.pupil_name, {each.barrier, each.next_steps}, 1});
    if (!saved)
        for (int i = 1; i <= blank_barrier_rows; ++i) barriers.fields.push_back({"Pupil:", {}, blank_answer_lines});
    if (!barriers.fields.empty()) doc.blocks.emplace_back(std::move(barriers));
    form support{"Support", {}, {}};
    const auto add_text = [&](const char *label, const std::string &text) {
        if (saved) support.fields.push_back({label, {text}, 1});
        else support.fields.push_back({label, {}, blank_answer_lines + 1});
    };
    add_text("Targeted support", meeting.targeted_support);
    add_text("Specific groups", meeting.specific_groups);
    doc.blocks.emplace_back(std::move(support));
    return doc;
}

}  // namespace

document saved_pupil_meeting_form(soci::session &session, const services::scheme_library &schemes,
                                  const meeting_form_scope &scope, long long meeting_id) {
    return pupil_form(session, schemes, scope, services::find_pupil_meeting(session, scope.school, meeting_id));
}

document blank_pupil_meeting_form(soci::session &session, const services::scheme_library &schemes,
                                  const meeting_form_scope &scope, const std::string &upn) {
    const services::pupil_meeting_spec spec{"", form_day(scope), std::nullopt, {}};
    return pupil_form(session, schemes, scope, services::draft_pupil_meeting(session, scope.school, upn, spec));
}

document saved_cohort_meeting_form(soci::session &session, const services::scheme_library &schemes,
                                   const meeting_form_scope &scope, long long meeting_id) {
    return cohort_form(session, schemes, scope, services::find_cohort_meeting(session, scope.school, meeting_id));
}

document blank_cohort_meeting_form(soci::session &session, const services::scheme_library &schemes,
                                   const meeting_form_scope &scope, int year_group, const std::optional<std::string> &class_name) {
    const domain::date day = form_day(scope);
    std::optional<services::assessment> latest;
    for (auto &each : services::list_assessments(session, scope.school.id)) {
        const bool covers = std::find(each.year_groups.begin(), each.year_groups.end(), year_group) != each.year_groups.end();
        if (covers && each.assessed_on <= day && (!latest || latest->assessed_on <= each.assessed_on)) latest = std::move(each);
    }
    if (!latest)
        throw services::tracking_error("No assessment of " + scope.school.name + " dated on or before " + domain::format_uk_date(day) +
                                       " covers " + year_name(year_group) + ", so there are no figures for its form yet.");
    services::cohort_meeting_spec spec;
    spec.year_group = year_group;
    spec.class_name = class_name;
    spec.assessment = latest->name;
    spec.held_on = day;
    return cohort_form(session, schemes, scope, services::draft_cohort_meeting(session, scope.school, schemes, spec));
}

}  // namespace waymark::reports
