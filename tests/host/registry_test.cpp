#include "plugin_host/registry.hpp"

#include "fixture_plugins.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

namespace {

using waymark::plugins::load_report;
using waymark::plugins::registry;
using waymark::testing::fixture_plugin;
using waymark::testing::scratch_folder;

class registry_test : public ::testing::Test {
protected:
    waymark::testing::captured_log captured;
    registry plugins{captured.log};
};

TEST_F(registry_test, loads_a_folder_keeping_the_good_and_reporting_the_rest) {
    plugins.load_folder(WAYMARK_FIXTURE_DIR);
    std::vector<std::string> loaded;
    std::vector<std::string> refused;
    for (const load_report &report : plugins.reports()) {
        const std::string name = report.path.filename().string();
        if (report.loaded) {
            loaded.push_back(name);
            EXPECT_TRUE(report.message.empty());
        } else {
            refused.push_back(name);
            // Every refusal is one sentence that names its file.
            EXPECT_NE(report.message.find(report.path.string()), std::string::npos) << report.message;
            EXPECT_EQ(report.message.back(), '.');
            EXPECT_TRUE(report.descriptors.empty());
        }
    }
    EXPECT_EQ(loaded, (std::vector<std::string>{"fixture_c_scheme.so", "fixture_hello.so", "fixture_needs_setting.so",
                                                "fixture_replacement_targets.so", "fixture_throwing.so"}));
    EXPECT_EQ(refused.size(), 8u);
    EXPECT_EQ(plugins.plugins().size(), 6u);  // the replacement library offers a trajectory and a validator
    // Each refusal was also logged as a warning.
    EXPECT_TRUE(captured.contains("warning: plugins: The plugin file '"));
}

TEST_F(registry_test, refuses_a_second_file_with_an_id_already_loaded_naming_the_first) {
    scratch_folder dir;
    const auto original = fixture_plugin("fixture_hello");
    std::filesystem::copy_file(original, dir / "hello-copy.so");
    EXPECT_TRUE(plugins.load_file(original).loaded);
    const load_report copy = plugins.load_file(dir / "hello-copy.so");
    EXPECT_FALSE(copy.loaded);
    EXPECT_EQ(copy.message, "The plugin file '" + (dir / "hello-copy.so").string() +
                                "' was refused: its plugin id 'org.example.hello-scheme' is already loaded from '" +
                                original.string() + "'.");
    EXPECT_EQ(plugins.find("org.example.hello-scheme")->file, original);
}

TEST_F(registry_test, loads_the_same_file_only_once) {
    scratch_folder dir;
    std::filesystem::create_symlink(fixture_plugin("fixture_hello"), dir / "link.so");
    const load_report first = plugins.load_file(fixture_plugin("fixture_hello"));
    const load_report again = plugins.load_file(fixture_plugin("fixture_hello"));
    const load_report through_link = plugins.load_file(dir / "link.so");
    EXPECT_TRUE(first.loaded);
    EXPECT_TRUE(again.loaded);
    EXPECT_TRUE(through_link.loaded);
    EXPECT_EQ(plugins.reports().size(), 1u);
    EXPECT_EQ(plugins.plugins().size(), 1u);
}

TEST_F(registry_test, finds_and_lists_plugins_by_id_and_kind) {
    plugins.load_file(fixture_plugin("fixture_hello"));
    plugins.load_file(fixture_plugin("fixture_c_scheme"));
    const auto hello = plugins.find("org.example.hello-scheme");
    ASSERT_TRUE(hello);
    EXPECT_EQ(hello->descriptor.vendor, "Example Consultancy");
    EXPECT_EQ(hello->file, fixture_plugin("fixture_hello"));
    EXPECT_FALSE(plugins.find("org.example.missing"));
    EXPECT_EQ(plugins.plugins_of_kind(WAYMARK_KIND_SCHEME).size(), 2u);
    EXPECT_TRUE(plugins.plugins_of_kind(WAYMARK_KIND_RENDERER).empty());
}

TEST_F(registry_test, looks_beside_the_executable_and_in_waymark_plugin_path) {
    scratch_folder dir;
    std::filesystem::create_directory(dir / "extra");
    std::filesystem::copy_file(fixture_plugin("fixture_hello"), dir / "extra" / "hello.so");
    std::ofstream(dir / "extra" / "notes.txt") << "not a plugin and not named .so\n";
    const std::string path = (dir / "extra").string() + "::" + (dir / "missing").string();
    ASSERT_EQ(::setenv("WAYMARK_PLUGIN_PATH", path.c_str(), 1), 0);
    const auto folders = waymark::plugins::default_plugin_folders();
    plugins.load_default_folders();
    ::unsetenv("WAYMARK_PLUGIN_PATH");

    ASSERT_EQ(folders.size(), 4u);
    EXPECT_EQ(folders[0].filename(), "plugins");
    EXPECT_EQ(folders[1].parent_path().filename(), "waymark");
    EXPECT_EQ(folders[2], dir / "extra");
    EXPECT_EQ(folders[3], dir / "missing");
    EXPECT_EQ(plugins.find("org.example.hello-scheme")->file, dir / "extra" / "hello.so");
    const auto &last = plugins.reports().back();
    EXPECT_FALSE(last.loaded);
    EXPECT_EQ(last.message, "The plugin folder '" + (dir / "missing").string() +
                                "' named in WAYMARK_PLUGIN_PATH does not exist or is not a folder.");
}

}  // namespace
