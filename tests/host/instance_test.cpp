#include "plugin_host/instance.hpp"

#include "plugin_host/registry.hpp"

#include "fixture_plugins.hpp"

#include <gtest/gtest.h>


namespace {

using waymark::plugins::instance;
using waymark::plugins::plugin_error;
using waymark::plugins::registry;
using waymark::testing::fixture_plugin;

class instance_test : public ::testing::Test {
protected:
    waymark::testing::captured_log captured;
};

TEST_F(instance_test, hands_out_interfaces_by_id) {
    registry plugins(captured.log);
    plugins.load_file(fixture_plugin("fixture_hello"));
    const instance hello = plugins.create("org.example.hello-scheme");
    EXPECT_EQ(hello.descriptor().id, "org.example.hello-scheme");
    EXPECT_EQ(hello.file().filename(), "fixture_hello.so");
    const auto table = hello.interface<waymark_scheme>(WAYMARK_KIND_SCHEME);
    ASSERT_TRUE(table);
    EXPECT_EQ(table->struct_size, sizeof(waymark_scheme));
    EXPECT_EQ(table->grade_count(hello.raw()), 3u);
    EXPECT_FALSE(hello.interface<waymark_renderer>(WAYMARK_KIND_RENDERER));
    EXPECT_FALSE(hello.interface<waymark_scheme_progress>(WAYMARK_INTERFACE_SCHEME_PROGRESS));
}

TEST_F(instance_test, refuses_a_table_smaller_than_the_host_needs) {
    registry plugins(captured.log);
    plugins.load_file(fixture_plugin("fixture_hello"));
    const instance hello = plugins.create("org.example.hello-scheme");
    try {
        hello.interface<waymark_scheme>(WAYMARK_KIND_SCHEME, sizeof(waymark_scheme) + 8);
        FAIL() << "a too-small table was accepted";
    } catch (const plugin_error &e) {
        EXPECT_EQ(e.status(), WAYMARK_ERROR_UNSUPPORTED);
        EXPECT_NE(std::string(e.what()).find("Plugin 'org.example.hello-scheme' (fixture_hello.so) offers "
                                             "waymark.scheme/1 with a table of"),
                  std::string::npos)
            << e.what();
    }
}

TEST_F(instance_test, keeps_its_library_loaded_after_the_registry_is_gone_and_deinit_comes_last) {
    std::optional<instance> survivor;
    {
        registry plugins(captured.log);
        plugins.load_file(fixture_plugin("fixture_c_scheme"));
        survivor.emplace(plugins.create("org.waymark.test.c-scheme"));
    }
    // The registry is gone but the library is not: the instance still works.
    EXPECT_EQ(captured.text.str().find("deinit"), std::string::npos);
    const auto table = survivor->interface<waymark_scheme>(WAYMARK_KIND_SCHEME);
    ASSERT_TRUE(table);
    EXPECT_EQ(table->grade_count(survivor->raw()), 2u);
    survivor.reset();
    const std::string text = captured.text.str();
    const auto destroyed = text.find("instance destroyed");
    const auto deinit = text.find("deinit");
    ASSERT_NE(destroyed, std::string::npos) << text;
    ASSERT_NE(deinit, std::string::npos) << text;
    EXPECT_LT(destroyed, deinit);
}

TEST_F(instance_test, moves_without_destroying_twice) {
    registry plugins(captured.log);
    plugins.load_file(fixture_plugin("fixture_c_scheme"));
    instance first = plugins.create("org.waymark.test.c-scheme");
    instance second = std::move(first);
    instance third = plugins.create("org.waymark.test.c-scheme");
    third = std::move(second);
    EXPECT_EQ(third.descriptor().id, "org.waymark.test.c-scheme");
    std::size_t destroyed = 0;
    for (auto at = captured.text.str().find("instance destroyed"); at != std::string::npos;
         at = captured.text.str().find("instance destroyed", at + 1)) {
        ++destroyed;
    }
    EXPECT_EQ(destroyed, 1u);  // third's own object, replaced by the move
}

}  // namespace
