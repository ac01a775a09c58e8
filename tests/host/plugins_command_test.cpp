#include "cli_runner.hpp"
#include "fixture_plugins.hpp"

#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <cstdlib>

namespace {

using waymark::testing::fixture_plugin;
using waymark::testing::run_cli;
using waymark::testing::scratch_folder;
using waymark::testing::single_spaced;

// A plugin folder holding one good plugin and one refused one, named in WAYMARK_PLUGIN_PATH.
class plugins_command_test : public ::testing::Test {
protected:
    void SetUp() override {
        std::filesystem::copy_file(fixture_plugin("fixture_hello"), folder / "hello.so");
        std::filesystem::copy_file(fixture_plugin("fixture_major_two"), folder / "future.so");
        ::setenv("WAYMARK_PLUGIN_PATH", folder.path().c_str(), 1);
        // `plugins check` runs in a worker process: the built waymark, not this test program.
        ::setenv("WAYMARK_EXECUTABLE", WAYMARK_BIN, 1);
    }
    void TearDown() override {
        ::unsetenv("WAYMARK_PLUGIN_PATH");
        ::unsetenv("WAYMARK_EXECUTABLE");
    }

    scratch_folder folder;
};

TEST_F(plugins_command_test, lists_loaded_plugins_and_refused_files) {
    const auto result = run_cli({"plugins", "list"});
    EXPECT_EQ(result.status, 0) << result.err;
    EXPECT_NE(single_spaced(result.out).find("org.example.hello-scheme waymark.scheme/1 Hello scheme Example Consultancy 1.0.0 " +
                              (folder / "hello.so").string()),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("Files refused: 1\n  The plugin file '" + (folder / "future.so").string() +
                              "' was refused: it was built with Waymark SDK 2.0.0"),
              std::string::npos)
        << result.out;
}

TEST_F(plugins_command_test, lists_as_json) {
    const auto result = run_cli({"plugins", "list", "--json"});
    ASSERT_EQ(result.status, 0) << result.err;
    const auto document = Poco::JSON::Parser().parse(result.out).extract<Poco::JSON::Object::Ptr>();
    const auto plugins = document->getArray("plugins");
    bool found = false;
    for (std::size_t i = 0; i < plugins->size(); ++i) {
        const auto plugin = plugins->getObject(static_cast<unsigned>(i));
        if (plugin->getValue<std::string>("id") != "org.example.hello-scheme") continue;
        found = true;
        EXPECT_EQ(plugin->getValue<std::string>("kind"), "waymark.scheme/1");
        EXPECT_EQ(plugin->getValue<std::string>("vendor"), "Example Consultancy");
        EXPECT_EQ(plugin->getValue<std::string>("file"), (folder / "hello.so").string());
    }
    EXPECT_TRUE(found) << result.out;
    const auto refused = document->getArray("refused");
    ASSERT_EQ(refused->size(), 1u);
    EXPECT_EQ(refused->getObject(0)->getValue<std::string>("file"), (folder / "future.so").string());
}

TEST_F(plugins_command_test, checks_one_file) {
    const auto good = run_cli({"plugins", "check", fixture_plugin("fixture_c_scheme").string()});
    EXPECT_EQ(good.status, 0);
    EXPECT_NE(good.out.find("offering 1 plugin:"), std::string::npos) << good.out;
    EXPECT_NE(good.out.find("org.waymark.test.c-scheme"), std::string::npos) << good.out;
    EXPECT_NE(good.out.find("  org.waymark.test.c-scheme: created with no configuration\n"), std::string::npos) << good.out;

    const auto bad = run_cli({"plugins", "check", fixture_plugin("fixture_init_fails").string()});
    EXPECT_EQ(bad.status, 1);
    EXPECT_EQ(bad.out, "");
    EXPECT_NE(bad.err.find("its init failed (invalid input): The licence file /etc/acme/licence.key is missing."),
              std::string::npos)
        << bad.err;
}

TEST_F(plugins_command_test, a_renderer_is_checked_by_rendering_a_sample_report) {
    const auto checked = run_cli({"plugins", "check", std::string(WAYMARK_PLUGIN_DIR) + "/renderer-csv.so"});
    EXPECT_EQ(checked.status, 0) << checked.err;
    EXPECT_NE(checked.out.find("  org.waymark.renderer.csv: rendered a sample report ("), std::string::npos) << checked.out;
    EXPECT_NE(checked.out.find(" bytes of text/csv; charset=utf-8)\n"), std::string::npos) << checked.out;
}

// What stopped a plugin that misbehaves inside its call is reported, and the check itself survives.
TEST_F(plugins_command_test, a_plugin_that_crashes_hangs_or_eats_memory_is_reported_with_what_stopped_it) {
    const auto misbehaving = [](const std::string &how) {
        return std::string(WAYMARK_FIXTURE_DIR) + "/misbehaving/fixture_renderer_" + how + ".so";
    };
    const auto crashed = run_cli({"plugins", "check", misbehaving("segfault")});
    EXPECT_EQ(crashed.status, 1);
    EXPECT_NE(crashed.out.find("org.waymark.fixture.renderer-segfault: "), std::string::npos) << crashed.out;
    EXPECT_NE(crashed.err.find("The plugin file " + misbehaving("segfault") +
                               " crashed (SIGSEGV, Segmentation fault) while being checked; nothing was produced"),
              std::string::npos)
        << crashed.err;

    const auto aborted = run_cli({"plugins", "check", misbehaving("abort")});
    EXPECT_EQ(aborted.status, 1);
    EXPECT_NE(aborted.err.find("crashed (SIGABRT, Aborted) while being checked"), std::string::npos) << aborted.err;

    const auto hung = run_cli({"plugins", "check", misbehaving("hang"), "--seconds", "1"});
    EXPECT_EQ(hung.status, 1);
    EXPECT_NE(hung.err.find("did not finish within 1 s and was stopped while being checked"), std::string::npos) << hung.err;

    const auto spun = run_cli({"plugins", "check", misbehaving("spin"), "--seconds", "1"});
    EXPECT_EQ(spun.status, 1);
    EXPECT_NE(spun.err.find("and was stopped while being checked"), std::string::npos) << spun.err;

#ifndef __SANITIZE_ADDRESS__  // the sanitizer keeps the address space the memory limit would bound
    const auto greedy = run_cli({"plugins", "check", misbehaving("allocate")});
    EXPECT_EQ(greedy.status, 1);
    EXPECT_NE(greedy.err.find("could not render the report: The plugin ran out of memory."), std::string::npos) << greedy.err;
#endif
}

TEST_F(plugins_command_test, explains_a_wrong_call) {
    const auto no_action = run_cli({"plugins"});
    EXPECT_EQ(no_action.status, 2);
    EXPECT_NE(no_action.err.find("Missing the action (list or check)."), std::string::npos) << no_action.err;
    const auto no_file = run_cli({"plugins", "check"});
    EXPECT_EQ(no_file.status, 2);
    EXPECT_NE(no_file.err.find("Missing the plugin FILE to check."), std::string::npos) << no_file.err;
    EXPECT_EQ(run_cli({"plugins", "frobnicate"}).status, 2);
}

}  // namespace
