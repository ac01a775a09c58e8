#include "cli_runner.hpp"
#include "meeting_fixture.hpp"

#include <gmock/gmock.h>

namespace waymark {
namespace {

using ::testing::HasSubstr;
using services::meeting_type;
using testing::run_cli;
using testing::single_spaced;

class meetings_command_test : public testing::meeting_test {
protected:
    void SetUp() override {
        if (!set_up_4a_and_both_assessments(2)) return;
        judge(autumn_, "reading", {{1, "towards"}});
        judge(spring_, "reading", {{1, "on track"}, {2, "below"}});
        add_question(meeting_type::pupil, "What are the barriers?", 1);
        add_question(meeting_type::cohort, "Which areas are causing concern?", 1);
    }
    testing::cli_result run(std::vector<std::string> words) {
        words.insert(words.end(), {"--db", connection(), "--as", "mrs.khan"});
        return run_cli(words);
    }
};

TEST_P(meetings_command_test, a_pupil_meeting_with_its_standards_and_answers) {
    const auto made = run({"meetings", "pupil", "add", testing::test_upn(1), "--teacher", "Joe Bloggs", "--date", "2026-03-02",
                           "1=Phonics gaps|Daily reading"});
    ASSERT_EQ(made.status, 0) << made.err;
    const auto text = single_spaced(made.out);
    EXPECT_THAT(text, HasSubstr("Pupil progress meeting 1: Sam Pupil01 (" + testing::test_upn(1) + "), Joe Bloggs, 2026-03-02"));
    EXPECT_THAT(text, HasSubstr("Previous (Autumn 2) T"));
    EXPECT_THAT(text, HasSubstr("Current (Spring 1) OT"));
    EXPECT_THAT(text, HasSubstr("What are the barriers? Phonics gaps Daily reading"));
    EXPECT_THAT(single_spaced(run({"meetings", "pupil", "list", testing::test_upn(1)}).out), HasSubstr("1 Joe Bloggs 2026-03-02 Spring 1"));
    EXPECT_THAT(run({"meetings", "pupil", "show", "1", "--json"}).out, HasSubstr("\"question\": \"What are the barriers?\""));
}

TEST_P(meetings_command_test, a_cohort_meeting_with_percentages_answers_and_barriers) {
    const auto made = run({"meetings", "cohort", "add", "--year", "4", "--class", "4A", "--assessment", "Spring 1", "--teacher",
                           "Vera Duckworth", "--date", "2026-03-02", "--subjects", "science", "2@maths=Fractions|Fluency",
                           testing::test_upn(2) + "=Attendance|Meet parents", "--support", "Weekly group"});
    ASSERT_EQ(made.status, 0) << made.err;
    const auto text = single_spaced(made.out);
    EXPECT_THAT(text, HasSubstr("Cohort progress meeting 1: year 4, class 4A, Spring 1, Vera Duckworth, 2026-03-02 (2 pupils)"));
    EXPECT_THAT(text, HasSubstr("reading Below 50 0"));
    EXPECT_THAT(text, HasSubstr("reading Towards 0 50"));
    EXPECT_THAT(text, HasSubstr("maths Which areas are causing concern? Fractions Fluency"));
    EXPECT_THAT(text, HasSubstr("Sam Pupil02 (" + testing::test_upn(2) + ") Attendance Meet parents"));
    EXPECT_THAT(text, HasSubstr("Targeted support: Weekly group"));
    EXPECT_THAT(single_spaced(run({"meetings", "cohort", "list"}).out), HasSubstr("1 4 4A Spring 1 Vera Duckworth 2026-03-02"));
}

TEST_P(meetings_command_test, bad_words_are_refused_and_nothing_is_stored) {
    const auto stray = run({"meetings", "pupil", "add", testing::test_upn(1), "--teacher", "Joe", "--date", "2026-03-02", "notes"});
    EXPECT_EQ(stray.status, 2);
    EXPECT_THAT(stray.err, HasSubstr("'notes' is neither an answer"));
    const auto barrier = run({"meetings", "pupil", "add", testing::test_upn(1), "--teacher", "Joe", "--date", "2026-03-02",
                              testing::test_upn(1) + "=x"});
    EXPECT_THAT(barrier.err, HasSubstr("A pupil meeting takes answers"));
    const auto unknown_question = run({"meetings", "pupil", "add", testing::test_upn(1), "--teacher", "Joe", "--date", "2026-03-02",
                                       "9=x"});
    EXPECT_EQ(unknown_question.status, 1);
    EXPECT_THAT(unknown_question.err, HasSubstr("template 9 matches no question of this meeting"));
    EXPECT_EQ(run({"meetings", "class", "list"}).status, 2);
    EXPECT_EQ(count_rows("wm_pupil_meetings"), 0);
    EXPECT_EQ(count_rows("wm_cohort_meetings"), 0);
}

WAYMARK_ON_EVERY_DATABASE(meetings_command_test);

}  // namespace
}  // namespace waymark
