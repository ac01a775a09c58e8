#include "cli_runner.hpp"
#include "data_dir_test.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace waymark {
namespace {

using testing::run_cli;

class demo_command_test : public testing::data_dir_test {};

TEST_F(demo_command_test, builds_once_then_refuses_until_asked_to_rebuild) {
    const auto built = run_cli(words({"demo", "--seed", "3"}));
    ASSERT_EQ(built.status, 0) << built.err;
    EXPECT_NE(built.out.find("Built the demo MIS in SQLite as of 2026-11-22 (seed 3): 1 school, 420 pupils on roll, 21 leavers"), std::string::npos) << built.out;
    // The first run printed the demo's accounts, each with a password and a TOTP secret.
    for (const char *account : {"admin  ", "head  ", "teacher4  ", "governor  ", "adviser  "})
        EXPECT_NE(built.out.find(std::string("\n  ") + account), std::string::npos) << account << built.out;
    EXPECT_NE(built.out.find("teacher4  teacher  "), std::string::npos) << built.out;
    const auto again = run_cli(words({"demo"}));
    EXPECT_EQ(again.status, 1);
    EXPECT_EQ(again.err, "waymark demo: the database already holds a demo MIS; nothing was changed. Run `waymark demo "
                         "--rebuild` to drop the MIS tables and build them again (Waymark's own tables are kept).\n"
                         "The demo accounts (admin, head, teacher4, governor, adviser) exist already; `waymark users "
                         "reset-password NAME` gives one a new password and `waymark users code NAME` its current code.\n");
    // The teacher teaches the demo school's Year 4 classes; the code command prints six digits.
    const auto listed = run_cli(words({"users", "list", "--json"}));
    ASSERT_EQ(listed.status, 0) << listed.err;
    EXPECT_NE(listed.out.find("\"Larch\""), std::string::npos) << listed.out;
    EXPECT_NE(listed.out.find("\"Maple\""), std::string::npos) << listed.out;
    const auto code = run_cli(words({"users", "code", "teacher4"}));
    EXPECT_EQ(code.status, 0) << code.err;
    EXPECT_EQ(code.out.size(), 7U) << code.out;
    const auto rebuilt = run_cli(words({"demo", "--rebuild", "--schools", "2", "--pupils-per-school", "70"}));
    ASSERT_EQ(rebuilt.status, 0) << rebuilt.err;
    EXPECT_NE(rebuilt.out.find("Dropped the existing demo MIS."), std::string::npos);
    EXPECT_NE(rebuilt.out.find("2 schools, 140 pupils on roll"), std::string::npos) << rebuilt.out;
}

TEST_F(demo_command_test, refuses_counts_that_are_not_whole_numbers) {
    const auto result = run_cli(words({"demo", "--schools", "many"}));
    EXPECT_EQ(result.status, 2);
    EXPECT_NE(result.err.find("--schools takes a whole number of at least 1, not 'many'"), std::string::npos) << result.err;
    EXPECT_FALSE(std::filesystem::exists(folder() / "waymark.db")) << "nothing was opened";
}

}  // namespace
}  // namespace waymark
