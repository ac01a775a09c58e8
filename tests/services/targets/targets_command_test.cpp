#include "cli_runner.hpp"
#include "target_fixture.hpp"

#include <gmock/gmock.h>

namespace waymark {
namespace {

using ::testing::HasSubstr;
using testing::run_cli;
using testing::single_spaced;
using testing::test_upn;

class targets_command_test : public testing::target_test {
protected:
    void SetUp() override {
        target_test::SetUp();
        if (IsSkipped()) return;
        judge(add_ks1_assessment(), 1, "maths", "2a", "2024-06-25T09:00:00Z");
    }
    testing::cli_result run(std::vector<std::string> words) {
        words.insert(words.end(), {"--db", connection(), "--as", "mr.patel"});
        return run_cli(words);
    }
};

TEST_P(targets_command_test, set_list_flags_and_trajectory) {
    const auto set = run({"targets", "set", test_upn(1), "maths", "2c"});
    ASSERT_EQ(set.status, 0) << set.err;
    EXPECT_EQ(set.out, "Target 2c set for " + test_upn(1) + " in maths.\n");
    EXPECT_THAT(single_spaced(run({"targets", "list"}).out),
                HasSubstr(test_upn(1) + " maths end_of_key_stage 2027/2028 2c org.waymark.app-sublevels mr.patel"));
    EXPECT_THAT(run({"targets", "flags"}).out, HasSubstr("Target 2c is below the pupil's prior key-stage result 2a"));
    EXPECT_EQ(run({"targets", "flags", "--every-school"}).out, "Validated the targets of every school in the database: 1 flag raised.\n");
    ASSERT_EQ(run({"targets", "set", test_upn(1), "maths", "4a"}).status, 0);
    EXPECT_EQ(run({"targets", "flags"}).out, "No target is flagged.\n");
    const auto line = run({"targets", "trajectory", "--upn", test_upn(1)});
    EXPECT_THAT(line.out, HasSubstr(test_upn(1) + " maths: notional trajectory from 2a (Summer 2023/2024) to 4a; nearest grade"));
    EXPECT_THAT(run({"targets", "list", "--history", "--json"}).out, HasSubstr("\"grade\": \"2c\""));
    EXPECT_THAT(run({"targets", "trajectory", "--json"}).out, HasSubstr("\"notional\": true"));
}

TEST_P(targets_command_test, policy_window_refuses_a_change_and_import_lists_bad_lines) {
    const auto policy = run({"targets", "policy", "--window-to", "2020-10-31", "--rate-points", "12", "--rate-terms", "12"});
    ASSERT_EQ(policy.status, 0) << policy.err;
    EXPECT_THAT(policy.out, HasSubstr("Minimum progress: 12 points over 12 terms"));
    const auto refused = run({"targets", "set", test_upn(1), "maths", "4b"});
    EXPECT_EQ(refused.status, 1);
    EXPECT_THAT(refused.err, HasSubstr("may be set or changed only until 2020-10-31"));
    ASSERT_EQ(run({"targets", "policy", "--no-window"}).status, 0);
    const auto file = write_file("targets.csv", "UPN,subject,horizon,grade\n" + test_upn(1) + ",maths,end_of_key_stage,4b\n" +
                                                    test_upn(2) + ",maths,sometime,4b\n");
    const auto imported = run({"targets", "import", file.string()});
    EXPECT_EQ(imported.status, 1);
    EXPECT_THAT(imported.err, HasSubstr("Line 3, horizon: 'sometime' is not a horizon"));
    EXPECT_THAT(run({"targets", "list"}).out, HasSubstr("No targets"));
}

TEST_P(targets_command_test, predict_says_when_the_history_is_too_thin) {
    const auto made = run({"predict", "maths"});
    ASSERT_EQ(made.status, 0) << made.err;
    EXPECT_THAT(made.out, HasSubstr("Only 0 earlier pupils had the same prior attainment"));
    EXPECT_THAT(run({"predict", "--list", "--json"}).out, HasSubstr("\"sufficient\": false"));
}

WAYMARK_ON_EVERY_DATABASE(targets_command_test);

}  // namespace
}  // namespace waymark
