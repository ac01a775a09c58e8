#include "services/meetings/pupil_meetings.hpp"

#include "meeting_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace waymark {
namespace {

using ::testing::HasSubstr;
using namespace std::chrono;
using services::meeting_type;

class pupil_meetings_test : public testing::meeting_test {
protected:
    void SetUp() override {
        if (!set_up_4a_and_both_assessments(2)) return;
        judge(autumn_, "reading", {{1, "towards"}});
        judge(autumn_, "maths", {{1, "below"}});
        judge(spring_, "reading", {{1, "on track"}});
        judge(spring_, "writing", {{1, "towards"}});
        judge(spring_, "maths", {{1, "towards"}});
        concerns_ = add_question(meeting_type::pupil, "Has this child recently been identified as causing concerns?", 1);
        barriers_ = add_question(meeting_type::pupil, "What are the barriers to their learning and how will these be overcome?", 2);
    }

    services::pupil_meeting_spec meeting_on(domain::date day) {
        return {"Joe Bloggs", day, std::nullopt, {{barriers_.id, "", "Phonics gaps", "Daily reading with TA"}}};
    }

    int stored_meetings() { return count_rows("wm_pupil_meetings"); }

    services::discussion_template concerns_, barriers_;
};

TEST_P(pupil_meetings_test, fills_previous_and_current_standards_from_the_data_and_asks_the_current_questions) {
    const auto meeting = services::add_pupil_meeting(db(), school_, testing::test_upn(1), meeting_on(2026y / March / 2d), "mrs.khan");
    EXPECT_EQ(meeting.teacher, "Joe Bloggs");
    EXPECT_EQ(meeting.held_on, 2026y / March / 2d);
    EXPECT_EQ(meeting.assessment, "Spring 1");
    EXPECT_EQ(meeting.previous_assessment, "Autumn 2");
    EXPECT_EQ(meeting.previous, (services::core_standards{"T", "", "B"}));
    EXPECT_EQ(meeting.current, (services::core_standards{"OT", "T", "T"}));
    EXPECT_EQ(meeting.answers,
              (std::vector<services::meeting_answer>{{concerns_.id, "", concerns_.question, "", ""},
                                                     {barriers_.id, "", barriers_.question, "Phonics gaps", "Daily reading with TA"}}));
    EXPECT_EQ(services::pupil_meetings(db().session(), school_, testing::test_upn(1)), std::vector{meeting});
    EXPECT_TRUE(services::pupil_meetings(db().session(), school_, testing::test_upn(2)).empty());
}

TEST_P(pupil_meetings_test, a_meeting_before_any_later_assessment_uses_the_one_then_and_has_no_previous) {
    auto spec = meeting_on(2026y / January / 5d);
    const auto meeting = services::add_pupil_meeting(db(), school_, testing::test_upn(1), spec, "mrs.khan");
    EXPECT_EQ(meeting.assessment, "Autumn 2");
    EXPECT_EQ(meeting.previous_assessment, "");
    EXPECT_EQ(meeting.previous, services::core_standards{});
    EXPECT_EQ(meeting.current, (services::core_standards{"T", "", "B"}));
}

TEST_P(pupil_meetings_test, a_saved_meeting_keeps_its_question_text_when_the_template_is_edited_or_deleted) {
    const auto meeting = services::add_pupil_meeting(db(), school_, testing::test_upn(1), meeting_on(2026y / March / 2d), "mrs.khan");
    services::template_edit reworded;
    reworded.question = "Barriers to learning";
    services::edit_template(db(), school_, barriers_.id, reworded);
    services::delete_template(db(), school_, concerns_.id);
    const auto saved = services::find_pupil_meeting(db().session(), school_, meeting.id);
    EXPECT_EQ(saved, meeting);
    // An edit answers the saved question, whose text stays as it was.
    services::pupil_meeting_edit edit;
    edit.teacher = "Vera Duckworth";
    edit.answers = {{concerns_.id, "", "Yes, since the autumn", ""}};
    const auto edited = services::edit_pupil_meeting(db(), school_, meeting.id, edit);
    EXPECT_EQ(edited.teacher, "Vera Duckworth");
    EXPECT_EQ(edited.answers.front().question, "Has this child recently been identified as causing concerns?");
    EXPECT_EQ(edited.answers.front().notes, "Yes, since the autumn");
    EXPECT_EQ(edited.answers.back(), meeting.answers.back());
    // A new meeting asks the questions as they are now.
    const auto later = services::add_pupil_meeting(db(), school_, testing::test_upn(1), meeting_on(2026y / March / 9d), "mrs.khan");
    ASSERT_EQ(later.answers.size(), 1U);
    EXPECT_EQ(later.answers.front().question, "Barriers to learning");
}

TEST_P(pupil_meetings_test, refuses_bad_input_naming_it_and_stores_nothing) {
    auto no_teacher = meeting_on(2026y / March / 2d);
    no_teacher.teacher = "";
    EXPECT_THAT([&] { services::add_pupil_meeting(db(), school_, testing::test_upn(1), no_teacher, "x"); },
                ::testing::ThrowsMessage<services::tracking_error>(HasSubstr("teacher is required")));
    auto stray_answer = meeting_on(2026y / March / 2d);
    stray_answer.answers.push_back({barriers_.id + 100, "", "notes", ""});
    EXPECT_THAT([&] { services::add_pupil_meeting(db(), school_, testing::test_upn(1), stray_answer, "x"); },
                ::testing::ThrowsMessage<services::tracking_error>(
                    HasSubstr("template " + std::to_string(barriers_.id + 100) + " matches no question of this meeting")));
    auto unknown_assessment = meeting_on(2026y / March / 2d);
    unknown_assessment.assessment = "Summer 1";
    EXPECT_THAT([&] { services::add_pupil_meeting(db(), school_, testing::test_upn(1), unknown_assessment, "x"); },
                ::testing::ThrowsMessage<services::tracking_error>(HasSubstr("No assessment named \"Summer 1\"")));
    EXPECT_THROW(services::add_pupil_meeting(db(), school_, testing::test_upn(50), meeting_on(2026y / March / 2d), "x"),
                 services::record_not_found);
    EXPECT_EQ(stored_meetings(), 0);
}

TEST_P(pupil_meetings_test, stay_with_the_school_when_the_pupil_moves_and_can_be_deleted) {
    const auto meeting = services::add_pupil_meeting(db(), school_, testing::test_upn(1), meeting_on(2026y / March / 2d), "mrs.khan");
    const auto other = add_school({0, "801", "3001", "", "Brookfield Junior", "PR2 3CD", {2025}});
    db().transaction("moving the pupil", [&](soci::session &session) {
        session << "UPDATE wm_pupils SET archived = 1 WHERE school_id = :s", soci::use(school_.id, "s");
        store::insert_pupils(session, other.id, std::vector<domain::pupil>{testing::year4_pupil(1, "")});
    });
    EXPECT_TRUE(services::pupil_meetings(db().session(), other, testing::test_upn(1)).empty());
    EXPECT_THROW(services::find_pupil_meeting(db().session(), other, meeting.id), services::record_not_found);
    EXPECT_EQ(services::pupil_meetings(db().session(), school_, testing::test_upn(1)), std::vector{meeting});
    services::delete_pupil_meeting(db(), school_, meeting.id);
    EXPECT_EQ(stored_meetings(), 0);
}

TEST_P(pupil_meetings_test, a_draft_is_the_meeting_saving_would_store_and_stores_nothing) {
    const auto draft = services::draft_pupil_meeting(db().session(), school_, testing::test_upn(1), meeting_on(2026y / March / 2d));
    EXPECT_EQ(draft.id, 0);
    EXPECT_EQ(stored_meetings(), 0);
    auto saved = services::add_pupil_meeting(db(), school_, testing::test_upn(1), meeting_on(2026y / March / 2d), "mrs.khan");
    saved.id = 0;
    saved.recorded_by = saved.recorded_at = "";
    EXPECT_EQ(draft, saved);
}

TEST_P(pupil_meetings_test, the_schools_meetings_with_all_its_pupils_by_date) {
    const auto later = services::add_pupil_meeting(db(), school_, testing::test_upn(1), meeting_on(2026y / March / 2d), "mrs.khan");
    const auto earlier = services::add_pupil_meeting(db(), school_, testing::test_upn(2), meeting_on(2026y / January / 5d), "mrs.khan");
    EXPECT_EQ(services::school_pupil_meetings(db().session(), school_), (std::vector{earlier, later}));
}

WAYMARK_ON_EVERY_DATABASE(pupil_meetings_test);

}  // namespace
}  // namespace waymark
