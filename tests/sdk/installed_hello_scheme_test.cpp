// Loads the hello-scheme example that installed_sdk_test.cmake built out of tree against the
// installed SDK (its path in WAYMARK_TEST_PLUGIN) and uses it as the host would.
#include "plugin_host/registry.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace {

using waymark::plugins::judgement_context;

TEST(installed_hello_scheme, loads_parses_and_evaluates) {
    const char *file = std::getenv("WAYMARK_TEST_PLUGIN");
    ASSERT_NE(file, nullptr) << "run through installed_sdk_test.cmake, which sets WAYMARK_TEST_PLUGIN";
    waymark::plugins::registry plugins;
    const auto report = plugins.load_file(file);
    ASSERT_TRUE(report.loaded) << report.message;
    const auto scheme = plugins.create_scheme("org.example.hello-scheme");
    const judgement_context year5{5, WAYMARK_TERM_SUMMER, "maths"};
    const uint32_t expected = scheme.parse("expected", year5);
    EXPECT_EQ(scheme.grades()[expected].code, "EXP");
    EXPECT_EQ(scheme.describe(expected, year5), "Expected for Year 5");
    const waymark_evaluation evaluation = scheme.evaluate(year5, expected);
    EXPECT_EQ(evaluation.band, WAYMARK_BAND_AT);
    EXPECT_EQ(evaluation.on_track, 1);
    EXPECT_THROW(scheme.parse("amazing", year5), waymark::plugins::plugin_error);
}

}  // namespace
