#include "cli_runner.hpp"
#include "fixture_plugins.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace {

using waymark::testing::fixture_plugin;
using waymark::testing::run_cli;
using waymark::testing::scratch_folder;
using waymark::testing::single_spaced;

TEST(main_command, lists_plugins_and_evaluates_each_scheme_around_its_expectation) {
    scratch_folder folder;
    std::filesystem::copy_file(fixture_plugin("fixture_hello"), folder / "hello.so");
    std::filesystem::copy_file(fixture_plugin("fixture_c_scheme"), folder / "c.so");
    ::setenv("WAYMARK_PLUGIN_PATH", folder.path().c_str(), 1);
    const auto result = run_cli({"main"});
    ::unsetenv("WAYMARK_PLUGIN_PATH");
    EXPECT_EQ(result.status, 0) << result.err;
    const std::string text = single_spaced(result.out);
    EXPECT_NE(text.find("Hello scheme (org.example.hello-scheme 1.0.0)\n"
                        " context grade label in context band on track\n"
                        " Year 2 Spring, reading EM Emerging for Year 2 below no\n"
                        " Year 2 Spring, reading EXP Expected for Year 2 at yes\n"
                        " Year 2 Spring, reading EXC Exceeding for Year 2 above yes\n"),
              std::string::npos)
        << result.out;
    // The C scheme has no "above": its sample stops at the expectation.
    EXPECT_NE(text.find(" Year 6 Summer, writing N Not yet below no\n"
                        " Year 6 Summer, writing Y Yes at yes\n"),
              std::string::npos)
        << result.out;
}

}  // namespace
