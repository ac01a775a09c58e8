#include "cli_runner.hpp"
#include "data_dir_test.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <filesystem>

namespace waymark {
namespace {

using testing::run_cli;

// `waymark demo && waymark sync` on the embedded default, with no other setup.
class sync_command_test : public testing::data_dir_test {
protected:
    void SetUp() override {
        data_dir_test::SetUp();
        ASSERT_EQ(run_cli(words({"demo"})).status, 0);
    }
};

TEST_F(sync_command_test, dry_run_then_apply_then_nothing_to_change) {
    const auto dry = run_cli(words({"sync", "--dry-run"}));
    ASSERT_EQ(dry.status, 0) << dry.err;
    // `waymark demo` registered the school for its sign-in accounts; its pupils are still all new.
    EXPECT_TRUE(dry.out.starts_with("Brookfield Community Primary School (888/2000): 420 to add, 0 leavers "
                                    "to archive, 0 changed, 0 unchanged, ")) << dry.out;
    EXPECT_NE(dry.out.find(" statutory results to record\n  add      "), std::string::npos) << dry.out;
    EXPECT_TRUE(dry.out.ends_with("Dry run: nothing was written. Run `waymark sync` to apply these changes.\n"));
    const auto again_dry = run_cli(words({"sync", "--dry-run"}));
    EXPECT_EQ(again_dry.out, dry.out) << "the dry run wrote nothing";

    const auto applied = run_cli(words({"sync"}));
    ASSERT_EQ(applied.status, 0) << applied.err;
    EXPECT_TRUE(applied.out.ends_with("Applied in one transaction.\n"));
    const auto second = run_cli(words({"sync"}));
    EXPECT_EQ(second.out, "Brookfield Community Primary School (888/2000): 0 to add, 0 leavers to archive, 0 changed, 420 "
                          "unchanged, 0 statutory results to record\nWaymark already matches the MIS: nothing to change.\n");
}

TEST_F(sync_command_test, json_plan) {
    const auto result = run_cli(words({"sync", "--dry-run", "--json"}));
    ASSERT_EQ(result.status, 0) << result.err;
    const auto document = Poco::JSON::Parser().parse(result.out).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(document->getObject("totals")->getValue<int>("add"), 420);
    EXPECT_FALSE(document->getValue<bool>("nothing_to_change"));
    EXPECT_EQ(document->getArray("schools")->getObject(0)->getValue<std::string>("estab"), "2000");
}

TEST_F(sync_command_test, a_bad_date_is_a_usage_error) {
    const auto result = run_cli({"sync", "--data-dir", folder().string(), "--as-of", "22/11/2026"});
    EXPECT_EQ(result.status, 2);
    EXPECT_NE(result.err.find("--as-of takes a date as YYYY-MM-DD, not '22/11/2026'"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace waymark
