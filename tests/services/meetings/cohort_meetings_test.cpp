#include "services/meetings/cohort_meetings.hpp"

#include "meeting_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace waymark {
namespace {

using ::testing::HasSubstr;
using namespace std::chrono;
using services::band_outcome;
using services::meeting_type;

class cohort_meetings_test : public testing::meeting_test {
protected:
    void SetUp() override {
        meeting_test::SetUp();
        if (IsSkipped()) return;
        add_year4(1, 3, "4A");
        add_year4(10, 2, "4B");
        add_autumn_and_spring();
        judge(autumn_, "reading", {{1, "below"}, {2, "towards"}, {3, "on track"}, {10, "on track"}});
        judge(spring_, "reading", {{1, "towards"}, {2, "on track"}, {3, "on track"}});
        concerns_ = add_question(meeting_type::cohort, "Which areas are causing concern?", 1);
        actions_ = add_question(meeting_type::cohort, "What actions have you taken since the last meeting?", 2);
    }

    services::cohort_meeting_spec class_4a() {
        services::cohort_meeting_spec spec;
        spec.year_group = 4;
        spec.class_name = "4A";
        spec.assessment = "Spring 1";
        spec.teacher = "Vera Duckworth";
        spec.held_on = 2026y / March / 2d;
        spec.extra_subjects = {"science"};
        spec.answers = {{concerns_.id, "maths", "Fractions", "Daily fluency"}};
        spec.barriers = {{testing::test_upn(1), "Attendance", "Meet parents"}};
        spec.targeted_support = "Pupil02 could reach on track in writing with a weekly group.";
        spec.specific_groups = "Disadvantaged boys";
        return spec;
    }

    std::vector<band_outcome> outcomes_in(const services::cohort_meeting &meeting, const std::string &subject) {
        std::vector<band_outcome> found;
        for (const auto &each : meeting.outcomes)
            if (each.subject == subject) found.push_back(each);
        return found;
    }

    int stored_meetings() { return count_rows("wm_cohort_meetings"); }

    services::discussion_template concerns_, actions_;
};

TEST_P(cohort_meetings_test, whole_percentages_per_band_now_and_at_the_previous_assessment) {
    const auto meeting = services::add_cohort_meeting(db(), school_, *schemes_, class_4a(), "mrs.khan");
    EXPECT_EQ(meeting.pupils, 3);
    EXPECT_EQ(meeting.assessment, "Spring 1");
    EXPECT_EQ(meeting.previous_assessment, "Autumn 2");
    EXPECT_EQ(outcomes_in(meeting, "reading"), (std::vector<band_outcome>{{"reading", "Below", 0, 33},
                                                                          {"reading", "Towards", 33, 33},
                                                                          {"reading", "On track", 67, 33},
                                                                          {"reading", "Deeper learning", 0, 0}}));
    EXPECT_EQ(outcomes_in(meeting, "writing").front(), (band_outcome{"writing", "Below", 0, 0}));
    EXPECT_EQ(outcomes_in(meeting, "maths").size(), 4U);
    EXPECT_EQ(services::find_cohort_meeting(db().session(), school_, meeting.id), meeting);
}

TEST_P(cohort_meetings_test, the_whole_year_group_and_no_previous_assessment_in_the_autumn) {
    auto spec = class_4a();
    spec.class_name.reset();
    spec.assessment = "Autumn 2";
    spec.held_on = 2025y / December / 10d;
    const auto meeting = services::add_cohort_meeting(db(), school_, *schemes_, spec, "mrs.khan");
    EXPECT_EQ(meeting.pupils, 5);
    EXPECT_EQ(meeting.class_name, "");
    EXPECT_EQ(meeting.previous_assessment, "");
    EXPECT_EQ(outcomes_in(meeting, "reading"), (std::vector<band_outcome>{{"reading", "Below", 20, std::nullopt},
                                                                          {"reading", "Towards", 20, std::nullopt},
                                                                          {"reading", "On track", 40, std::nullopt},
                                                                          {"reading", "Deeper learning", 0, std::nullopt}}));
}

TEST_P(cohort_meetings_test, discussion_areas_per_subject_barriers_per_pupil_and_the_free_text) {
    const auto meeting = services::add_cohort_meeting(db(), school_, *schemes_, class_4a(), "mrs.khan");
    ASSERT_EQ(meeting.answers.size(), 8U);  // two questions in each of reading, writing, maths and science
    EXPECT_EQ(meeting.answers[0], (services::meeting_answer{concerns_.id, "reading", concerns_.question, "", ""}));
    EXPECT_EQ(meeting.answers[4], (services::meeting_answer{concerns_.id, "maths", concerns_.question, "Fractions", "Daily fluency"}));
    EXPECT_EQ(meeting.answers[7].subject, "science");
    EXPECT_EQ(meeting.barriers,
              (std::vector<services::pupil_barrier>{{testing::test_upn(1), "Sam Pupil01", "Attendance", "Meet parents"}}));
    EXPECT_EQ(meeting.specific_groups, "Disadvantaged boys");
    EXPECT_EQ(services::cohort_meetings(db().session(), school_), std::vector{meeting});
}

TEST_P(cohort_meetings_test, keeps_its_question_text_when_a_template_changes_and_edits_answer_the_saved_questions) {
    const auto meeting = services::add_cohort_meeting(db(), school_, *schemes_, class_4a(), "mrs.khan");
    services::template_edit reworded;
    reworded.question = "Areas of concern";
    services::edit_template(db(), school_, concerns_.id, reworded);
    services::delete_template(db(), school_, actions_.id);
    EXPECT_EQ(services::find_cohort_meeting(db().session(), school_, meeting.id), meeting);
    services::cohort_meeting_edit edit;
    edit.answers = {{actions_.id, "writing", "Modelled writing", ""}};
    edit.barriers = std::vector<services::barrier_input>{};
    edit.targeted_support = "None this term";
    const auto edited = services::edit_cohort_meeting(db(), school_, meeting.id, edit);
    EXPECT_EQ(edited.answers[3], (services::meeting_answer{actions_.id, "writing", actions_.question, "Modelled writing", ""}));
    EXPECT_EQ(edited.answers[0].question, "Which areas are causing concern?");
    EXPECT_TRUE(edited.barriers.empty());
    EXPECT_EQ(edited.targeted_support, "None this term");
    EXPECT_EQ(edited.outcomes, meeting.outcomes);
}

TEST_P(cohort_meetings_test, refuses_bad_input_naming_it_and_stores_nothing) {
    auto year5 = class_4a();
    year5.year_group = 5;
    auto unknown_class = class_4a();
    unknown_class.class_name = "5Z";
    auto unknown_subject = class_4a();
    unknown_subject.extra_subjects = {"astrology"};
    const std::pair<services::cohort_meeting_spec, std::string> cases[] = {
        {year5, "does not cover year group 5"},
        {unknown_class, "There is no class \"5Z\""},
        {unknown_subject, "There is no subject \"astrology\""}};
    for (const auto &[spec, message] : cases) {
        EXPECT_THAT([&] { services::add_cohort_meeting(db(), school_, *schemes_, spec, "x"); },
                    ::testing::ThrowsMessage<services::tracking_error>(HasSubstr(message)));
    }
    auto unknown_pupil = class_4a();
    unknown_pupil.barriers.push_back({testing::test_upn(77), "", ""});
    EXPECT_THROW(services::add_cohort_meeting(db(), school_, *schemes_, unknown_pupil, "x"), services::record_not_found);
    EXPECT_EQ(stored_meetings(), 0);
    EXPECT_THROW(services::find_cohort_meeting(db().session(), school_, 1), services::record_not_found);
}

TEST_P(cohort_meetings_test, delete_removes_the_meeting_and_everything_in_it) {
    const auto meeting = services::add_cohort_meeting(db(), school_, *schemes_, class_4a(), "mrs.khan");
    services::delete_cohort_meeting(db(), school_, meeting.id);
    EXPECT_EQ(stored_meetings(), 0);
    EXPECT_THROW(services::delete_cohort_meeting(db(), school_, meeting.id), services::record_not_found);
}

TEST_P(cohort_meetings_test, a_draft_has_the_figures_and_questions_saving_would_store_and_stores_nothing) {
    auto spec = class_4a();
    spec.barriers.clear();
    const auto draft = services::draft_cohort_meeting(db().session(), school_, *schemes_, spec);
    EXPECT_EQ(draft.id, 0);
    EXPECT_EQ(stored_meetings(), 0);
    auto saved = services::add_cohort_meeting(db(), school_, *schemes_, spec, "mrs.khan");
    saved.id = 0;
    saved.recorded_by = saved.recorded_at = "";
    EXPECT_EQ(draft, saved);
}

WAYMARK_ON_EVERY_DATABASE(cohort_meetings_test);

}  // namespace
}  // namespace waymark
