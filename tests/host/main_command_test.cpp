#include "cli_runner.hpp"
#include "data_dir_test.hpp"
#include "fixture_plugins.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

namespace {

using waymark::testing::fixture_plugin;
using waymark::testing::run_cli;
using waymark::testing::scratch_folder;
using waymark::testing::single_spaced;

class main_command : public waymark::testing::data_dir_test {};

TEST_F(main_command, builds_and_imports_the_demo_school_once) {
    const auto first = run_cli(words({"main"}));
    EXPECT_NE(first.out.find("Built the demo MIS in SQLite: 420 pupils on roll"), std::string::npos) << first.out;
    EXPECT_NE(first.out.find("new to Waymark: 420 to add, 0 leavers to archive"), std::string::npos) << first.out;
    const auto second = run_cli(words({"main"}));
    EXPECT_EQ(second.out.find("Built the demo MIS"), std::string::npos) << second.out;
    EXPECT_NE(second.out.find("Waymark already matches the MIS: nothing to change."), std::string::npos)
        << second.out;
}

TEST_F(main_command, gives_a_scheme_its_setting_from_the_settings_file) {
    scratch_folder folder;
    std::filesystem::copy_file(fixture_plugin("fixture_needs_setting"), folder / "needs-setting.so");
    std::filesystem::create_directories(this->folder());
    std::ofstream(this->folder() / "waymark.ini") << "[plugin org.waymark.test.needs-setting]\nconfig = given\n";
    ::setenv("WAYMARK_PLUGIN_PATH", folder.path().c_str(), 1);
    const auto result = run_cli(words({"main"}));
    ::unsetenv("WAYMARK_PLUGIN_PATH");
    const std::string text = single_spaced(result.out);
    EXPECT_NE(text.find("C test scheme (org.waymark.test.needs-setting 1.0.0)\n context grade"), std::string::npos)
        << result.out;
}

TEST_F(main_command, lists_plugins_and_evaluates_each_scheme_around_its_expectation) {
    scratch_folder folder;
    std::filesystem::copy_file(fixture_plugin("fixture_hello"), folder / "hello.so");
    std::filesystem::copy_file(fixture_plugin("fixture_c_scheme"), folder / "c.so");
    std::filesystem::copy_file(fixture_plugin("fixture_throwing"), folder / "throwing.so");
    std::filesystem::copy_file(fixture_plugin("fixture_needs_setting"), folder / "needs-setting.so");
    ::setenv("WAYMARK_PLUGIN_PATH", folder.path().c_str(), 1);
    const auto result = run_cli(words({"main"}));
    ::unsetenv("WAYMARK_PLUGIN_PATH");
    // The throwing scheme fails while judging: the job says so and fails, after showing the rest.
    EXPECT_EQ(result.status, 1);
    EXPECT_NE(result.err.find("waymark main: Plugin 'org.waymark.test.throwing' (throwing.so) could not evaluate "
                              "grades: evaluate exploded."),
              std::string::npos)
        << result.err;
    const std::string text = single_spaced(result.out);
    EXPECT_NE(text.find("Hello scheme (org.example.hello-scheme 1.0.0)\n"
                        " context grade label in context band on track\n"
                        " Year 2 Spring, reading EM Emerging for Year 2 below no\n"
                        " Year 2 Spring, reading EXP Expected for Year 2 at yes\n"
                        " Year 2 Spring, reading EXC Exceeding for Year 2 above yes\n"),
              std::string::npos)
        << result.out;
    // A scheme that cannot be created without the school's settings is named, not judged.
    EXPECT_NE(text.find("C test scheme (org.waymark.test.needs-setting 1.0.0)\n"
                        " not shown: Plugin 'org.waymark.test.needs-setting' (needs-setting.so) could not be "
                        "created: This test scheme needs a setting.\n"),
              std::string::npos)
        << result.out;
    // The C scheme has no "above": its sample stops at the expectation.
    EXPECT_NE(text.find(" Year 6 Summer, writing N Not yet below no\n"
                        " Year 6 Summer, writing Y Yes at yes\n"),
              std::string::npos)
        << result.out;
}

}  // namespace

