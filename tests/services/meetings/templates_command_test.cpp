#include "cli_runner.hpp"
#include "school_fixture.hpp"

#include <gmock/gmock.h>

namespace waymark {
namespace {

using ::testing::HasSubstr;
using testing::run_cli;
using testing::single_spaced;

class templates_command_test : public testing::school_test {
protected:
    testing::cli_result run(std::vector<std::string> words) {
        words.insert(words.end(), {"--db", connection()});
        return run_cli(words);
    }
};

TEST_P(templates_command_test, add_list_the_current_questions_and_edit) {
    EXPECT_EQ(run({"templates", "add", "--type", "pupil", "--question", "General comments", "--sort", "7", "--from", "2025-09-01"}).out,
              "Added pupil question 1.\n");
    run({"templates", "add", "--type", "pupil", "--question", "Old question", "--sort", "1", "--from", "2024-09-01", "--to",
         "2025-08-31"});
    run({"templates", "add", "--type", "cohort", "--question", "TEST QUESTION 1", "--sort", "1", "--from", "2025-09-01"});
    const auto current = run({"templates", "list", "--type", "pupil", "--on", "2026-03-02"});
    EXPECT_THAT(single_spaced(current.out), HasSubstr("1 pupil 7 General comments 2025-09-01"));
    EXPECT_THAT(current.out, ::testing::Not(HasSubstr("Old question")));
    EXPECT_THAT(run({"templates", "list"}).out, HasSubstr("TEST QUESTION 1"));
    const auto edited = run({"templates", "edit", "2", "--to", "none", "--question", "Renewed question", "--json"});
    EXPECT_THAT(edited.out, HasSubstr("\"live_to\": null"));
    EXPECT_THAT(edited.out, HasSubstr("\"question\": \"Renewed question\""));
    EXPECT_EQ(run({"templates", "delete", "3"}).status, 0);
    EXPECT_THAT(run({"templates", "list", "--type", "cohort"}).out, HasSubstr("No discussion-area questions"));
}

TEST_P(templates_command_test, refusals_name_what_to_fix) {
    const auto no_type = run({"templates", "add", "--question", "Q", "--sort", "1", "--from", "2025-09-01"});
    EXPECT_EQ(no_type.status, 2);
    EXPECT_THAT(no_type.err, HasSubstr("--type pupil or --type cohort"));
    EXPECT_THAT(run({"templates", "list", "--on", "2026-01-01"}).err, HasSubstr("add --type pupil or --type cohort"));
    EXPECT_THAT(run({"templates", "add", "--type", "pupil", "--question", "Q", "--sort", "1", "--from", "1/9/2025"}).err,
                HasSubstr("--from takes a date as YYYY-MM-DD, not '1/9/2025'."));
    EXPECT_THAT(run({"templates", "edit", "5", "--sort", "2"}).err, HasSubstr("There is no discussion-area template 5"));
}

WAYMARK_ON_EVERY_DATABASE(templates_command_test);

}  // namespace
}  // namespace waymark
