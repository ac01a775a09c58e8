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
    }
    void TearDown() override { ::unsetenv("WAYMARK_PLUGIN_PATH"); }

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

    const auto bad = run_cli({"plugins", "check", fixture_plugin("fixture_init_fails").string()});
    EXPECT_EQ(bad.status, 1);
    EXPECT_EQ(bad.out, "");
    EXPECT_NE(bad.err.find("its init failed (invalid input): The licence file /etc/acme/licence.key is missing."),
              std::string::npos)
        << bad.err;
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
