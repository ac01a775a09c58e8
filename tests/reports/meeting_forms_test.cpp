// The meeting forms on SQLite and PostgreSQL: a saved pupil meeting printed with its question texts
// and answers (and writing lines for a question left unanswered), a blank pupil form with the
// standards from the data, a saved cohort meeting's figures, discussion and barriers, a blank cohort
// form at the year group's latest assessment, and the sentences for what does not exist.
#include "reports/builders/meeting_forms.hpp"

#include "document_texts.hpp"
#include "meeting_fixture.hpp"
#include "services/meetings/cohort_meetings.hpp"
#include "services/meetings/pupil_meetings.hpp"
#include "services/tracking/tracking_records.hpp"

namespace waymark::testing {
namespace {

using namespace std::chrono;
using services::meeting_type;

class meeting_forms_test : public meeting_test {
protected:
    void SetUp() override {
        if (!set_up_4a_and_both_assessments(3)) return;
        judge(autumn_, "reading", {{1, "B"}, {2, "T"}});
        judge(spring_, "reading", {{1, "T"}, {2, "OT"}, {3, "OT"}});
        well_ = add_question(meeting_type::pupil, "What is going well?", 1);
        add_question(meeting_type::pupil, "What are the barriers?", 2);
        concerns_ = add_question(meeting_type::cohort, "Which areas are causing concern?", 1);
    }

    reports::meeting_form_scope scope(std::string as_of = "2026-03-02T23:59:59Z") {
        return {school_, std::move(as_of), "2026-03-05T10:00:00Z"};
    }

    template <typename Block>
    static std::vector<const Block *> all(const reports::document &doc) {
        std::vector<const Block *> found;
        for (const auto &block : doc.blocks)
            if (const auto *b = std::get_if<Block>(&block)) found.push_back(b);
        return found;
    }

    // "label: answer | answer" per field, or "label: N lines" for a blank one.
    static std::vector<std::string> fields(const reports::form &f) {
        std::vector<std::string> out;
        for (const auto &field : f.fields) {
            std::string line = field.label + ":";
            if (field.answers.empty()) line += " " + std::to_string(field.lines) + " lines";
            for (std::size_t i = 0; i < field.answers.size(); ++i) line += (i ? " | " : " ") + field.answers[i];
            out.push_back(line);
        }
        return out;
    }

    services::discussion_template well_, concerns_;
};

TEST_P(meeting_forms_test, a_saved_pupil_meeting_prints_as_saved_with_lines_for_what_was_not_answered) {
    const auto saved = services::add_pupil_meeting(db(), school_, test_upn(1),
                                                   {"Mr Patel", 2026y / February / 20d, std::nullopt,
                                                    {{well_.id, "", "Reads every night", "Book band 9"}}},
                                                   "mrs.khan");
    const auto doc = reports::saved_pupil_meeting_form(db().session(), *schemes_, scope(), saved.id);
    EXPECT_EQ(doc.title, "Pupil progress meeting: Sam Pupil01, 20/02/2026");
    EXPECT_EQ(doc.kind, "pupil_meeting");
    const auto details = all<reports::key_values>(doc).at(0)->items;
    EXPECT_EQ(details.at(1).value, "Mr Patel");
    const auto &standards = *all<reports::table>(doc).at(0);
    EXPECT_EQ(standards.columns[1].label, "Previous: Autumn 2");
    EXPECT_EQ(standards.columns[2].label, "Current: Spring 1");
    EXPECT_EQ(texts(standards.rows), (std::vector<std::vector<std::string>>{
                                         {"Reading", "Below", "Towards"}, {"Writing", "", ""}, {"Mathematics", "", ""}}));
    EXPECT_EQ(standards.rows[0][2].cell_band->code, "T");
    EXPECT_EQ(doc.schemes, (std::vector<std::string>{"Lancashire four-band"}));
    EXPECT_EQ(fields(*all<reports::form>(doc).at(0)),
              (std::vector<std::string>{"What is going well?: Reads every night | Book band 9", "What are the barriers?: 5 lines"}));
    EXPECT_NO_THROW(reports::validate(doc));
}

TEST_P(meeting_forms_test, a_blank_pupil_form_fills_the_standards_from_the_data_and_leaves_lines) {
    const auto doc = reports::blank_pupil_meeting_form(db().session(), *schemes_, scope(), test_upn(2));
    EXPECT_EQ(doc.title, "Pupil progress meeting: Sam Pupil02");
    EXPECT_EQ(doc.filters, (std::vector<std::string>{"UPN " + test_upn(2), "Questions live on 02/03/2026"}));
    EXPECT_EQ(texts(all<reports::table>(doc).at(0)->rows)[0], (std::vector<std::string>{"Reading", "Towards", "On track"}));
    EXPECT_EQ(fields(*all<reports::form>(doc).at(0)),
              (std::vector<std::string>{"What is going well?: 5 lines", "What are the barriers?: 5 lines"}));
    EXPECT_NO_THROW(reports::validate(doc));
}

TEST_P(meeting_forms_test, a_saved_cohort_meeting_prints_its_figures_discussion_and_barriers) {
    services::cohort_meeting_spec spec;
    spec.year_group = 4;
    spec.assessment = "Spring 1";
    spec.teacher = "Vera Duckworth";
    spec.held_on = 2026y / March / 2d;
    spec.answers = {{concerns_.id, "maths", "Fractions", "Daily fluency"}};
    spec.barriers = {{test_upn(1), "Attendance", "Meet parents"}};
    spec.targeted_support = "Weekly writing group";
    const auto saved = services::add_cohort_meeting(db(), school_, *schemes_, spec, "mrs.khan");
    const auto doc = reports::saved_cohort_meeting_form(db().session(), *schemes_, scope(), saved.id);
    EXPECT_EQ(doc.title, "Cohort progress meeting: Year 4, 02/03/2026");
    const auto &outcomes = *all<reports::table>(doc).at(0);
    EXPECT_EQ(texts(outcomes.rows).at(0), (std::vector<std::string>{"Reading", "Below", "33%", "0%"}));
    EXPECT_EQ(texts(outcomes.rows).at(2), (std::vector<std::string>{"", "On track", "0%", "67%"}));
    EXPECT_EQ(outcomes.rows[2][1].cell_band->code, "OT");
    const auto forms = all<reports::form>(doc);
    ASSERT_EQ(forms.size(), 5u);  // reading, writing, maths, barriers, support
    EXPECT_EQ(forms[2]->title, "Discussion: Mathematics");
    EXPECT_EQ(fields(*forms[2]), (std::vector<std::string>{"Which areas are causing concern?: Fractions | Daily fluency"}));
    EXPECT_EQ(fields(*forms[3]), (std::vector<std::string>{"Sam Pupil01: Attendance | Meet parents"}));
    EXPECT_EQ(fields(*forms[4]), (std::vector<std::string>{"Targeted support: Weekly writing group", "Specific groups: "}));
    EXPECT_NO_THROW(reports::validate(doc));
}

TEST_P(meeting_forms_test, a_blank_cohort_form_uses_the_year_groups_latest_assessment_and_stores_nothing) {
    const auto doc = reports::blank_cohort_meeting_form(db().session(), *schemes_, scope(), 4, std::string("4A"));
    EXPECT_EQ(doc.title, "Cohort progress meeting: Year 4, class 4A");
    EXPECT_EQ(doc.filters.at(1), "Current assessment: Spring 1");
    EXPECT_EQ(texts(all<reports::table>(doc).at(0)->rows).at(2), (std::vector<std::string>{"", "On track", "0%", "67%"}));
    const auto forms = all<reports::form>(doc);
    EXPECT_EQ(fields(*forms[0]), (std::vector<std::string>{"Which areas are causing concern?: 5 lines"}));
    EXPECT_EQ(forms[3]->fields.size(), 6u) << "lines for six pupils' barriers";
    EXPECT_EQ(count_rows("wm_cohort_meetings"), 0);
    // Before the spring assessment the form is the autumn one's.
    const auto autumn = reports::blank_cohort_meeting_form(db().session(), *schemes_, scope("2026-01-10T12:00:00Z"), 4, std::nullopt);
    EXPECT_EQ(autumn.filters.at(1), "Current assessment: Autumn 2");
    EXPECT_NO_THROW(reports::validate(doc));
}

TEST_P(meeting_forms_test, what_does_not_exist_is_named) {
    EXPECT_THROW(reports::saved_pupil_meeting_form(db().session(), *schemes_, scope(), 999), services::record_not_found);
    EXPECT_THROW(reports::blank_pupil_meeting_form(db().session(), *schemes_, scope(), test_upn(99)), services::record_not_found);
    try {
        reports::blank_cohort_meeting_form(db().session(), *schemes_, scope(), 6, std::nullopt);
        FAIL() << "a year group no assessment covers was accepted";
    } catch (const services::tracking_error &error) {
        EXPECT_EQ(std::string(error.what()), "No assessment of " + school_.name +
                                                 " dated on or before 02/03/2026 covers Year 6, so there are no figures for its form yet.");
    }
}

WAYMARK_ON_EVERY_DATABASE(meeting_forms_test);

}  // namespace
}  // namespace waymark::testing
