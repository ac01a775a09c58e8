#include "cli_runner.hpp"
#include "meeting_fixture.hpp"

#include <gmock/gmock.h>

namespace waymark {
namespace {

using ::testing::HasSubstr;
using testing::run_cli;
using testing::single_spaced;

class interventions_command_test : public testing::meeting_test {
protected:
    void SetUp() override {
        meeting_test::SetUp();
        if (IsSkipped()) return;
        add_year4(1, 1, "4A");
        add_autumn_and_spring();
    }
    testing::cli_result run(std::vector<std::string> words) {
        words.insert(words.end(), {"--db", connection(), "--as", "mrs.khan"});
        return run_cli(words);
    }
};

TEST_P(interventions_command_test, add_list_and_end) {
    const auto added = run({"interventions", "add", testing::test_upn(1), "--year", "2025/2026", "--assessment", "Spring 1",
                            "--subject", "maths", "--description", "Numeracy intervention", "--from", "2026-01-12", "--cost", "120.50"});
    ASSERT_EQ(added.status, 0) << added.err;
    EXPECT_EQ(added.out, "Recorded intervention 1 for Sam Pupil01.\n");
    EXPECT_EQ(run({"interventions", "end", "1", "--on", "2026-03-20"}).out, "Intervention 1 ends on 2026-03-20.\n");
    const auto listed = run({"interventions", "list", testing::test_upn(1)});
    EXPECT_THAT(single_spaced(listed.out),
                HasSubstr("1 2025/2026 Spring 1 maths Numeracy intervention 2026-01-12 2026-03-20 120.50 8012000"));
    const auto json = run({"interventions", "list", testing::test_upn(1), "--json"});
    EXPECT_THAT(json.out, HasSubstr("\"cost_pence\": 12050"));
    EXPECT_THAT(json.out, HasSubstr("\"recorded_by\": \"mrs.khan\""));
}

TEST_P(interventions_command_test, bad_input_is_refused_with_a_sentence_and_nothing_is_stored) {
    const auto bad_cost = run({"interventions", "add", testing::test_upn(1), "--year", "2025/2026", "--assessment", "Spring 1",
                               "--subject", "maths", "--description", "x", "--cost", "£5"});
    EXPECT_EQ(bad_cost.status, 2);
    EXPECT_THAT(bad_cost.err, HasSubstr("--cost takes pounds such as 120.50, not '£5'."));
    const auto unknown_pupil = run({"interventions", "add", testing::test_upn(9), "--year", "2025/2026", "--assessment",
                                    "Spring 1", "--subject", "maths", "--description", "x"});
    EXPECT_EQ(unknown_pupil.status, 1);
    EXPECT_THAT(unknown_pupil.err, HasSubstr("No pupil with UPN " + testing::test_upn(9) + " on roll at Brookside Primary"));
    EXPECT_EQ(run({"interventions", "end", "one"}).status, 2);
    EXPECT_EQ(count_rows("wm_interventions"), 0);
}

WAYMARK_ON_EVERY_DATABASE(interventions_command_test);

}  // namespace
}  // namespace waymark
