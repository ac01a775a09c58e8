// The host's handles on the target kinds: which loaded plugin of a kind is used (the only one, a
// replacement beside the built-in, or one chosen by id), what is refused, and answers the host
// will not pass on (a flag for a target it never gave).
#include "plugin_host/target_plugins.hpp"

#include "plugin_host/registry.hpp"

#include "fixture_plugins.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using waymark::plugins::find_predictor;
using waymark::plugins::find_trajectory;
using waymark::plugins::find_validator;
using waymark::plugins::registry;
using waymark::testing::message_of;
using waymark::testing::fixture_plugin;

class target_plugins_test : public waymark::testing::built_in_plugins_test {
protected:
    void load_replacements() { ASSERT_TRUE(plugins.load_file(fixture_plugin("fixture_replacement_targets")).loaded); }
};

TEST_F(target_plugins_test, finds_the_built_in_plugin_of_each_kind) {
    EXPECT_EQ(find_trajectory(plugins).plugin().descriptor().id, "org.waymark.straight-line-trajectory");
    EXPECT_EQ(find_predictor(plugins).plugin().descriptor().id, "org.waymark.history-predictor");
    EXPECT_EQ(find_validator(plugins).plugin().descriptor().id, "org.waymark.target-validator");
}

TEST_F(target_plugins_test, a_replacement_loaded_beside_the_built_in_takes_its_place) {
    load_replacements();
    const auto replaced = find_trajectory(plugins);
    EXPECT_EQ(replaced.plugin().descriptor().id, "com.example.flat-trajectory");
    EXPECT_THAT(replaced.plot(15, 27, 3), ElementsAre(27, 27, 27));
    EXPECT_THAT(find_trajectory(plugins, "org.waymark.straight-line-trajectory").plot(15, 27, 3), ElementsAre(19, 23, 27));
    EXPECT_EQ(find_predictor(plugins).plugin().descriptor().id, "org.waymark.history-predictor");
}

TEST_F(target_plugins_test, refuses_an_unknown_choice_naming_what_is_loaded) {
    EXPECT_EQ(message_of([&] { find_trajectory(plugins, "com.example.nowhere"); }),
              "No loaded waymark.trajectory/1 plugin has the id 'com.example.nowhere'; the loaded ones are "
              "org.waymark.straight-line-trajectory.");
    EXPECT_THAT(message_of([&] { find_validator(plugins, "org.waymark.app-sublevels"); }),
                HasSubstr("No loaded waymark.validator/1 plugin has the id 'org.waymark.app-sublevels'"));
}

TEST_F(target_plugins_test, says_when_no_plugin_of_the_kind_is_loaded) {
    registry empty{captured.log};
    EXPECT_EQ(message_of([&] { find_predictor(empty); }),
              "No waymark.predictor/1 plugin is loaded; `waymark plugins list` shows what is.");
}

TEST_F(target_plugins_test, refuses_a_plugin_of_another_kind) {
    EXPECT_THAT(message_of([&] { waymark::plugins::trajectory(plugins.create("org.waymark.lep-points")); }),
                HasSubstr("cannot be used as a trajectory: it is a waymark.scheme/1 plugin."));
}

TEST_F(target_plugins_test, refuses_a_flag_for_a_target_the_validator_was_not_given) {
    load_replacements();
    const auto stray = find_validator(plugins, "com.example.stray-validator");
    waymark_target_case one{};
    one.struct_size = sizeof(waymark_target_case);
    one.target_points = 27;
    EXPECT_THAT(message_of([&] { stray.validate({&one, 1}); }),
                HasSubstr("gave a flag without a code or for a target it was not given."));
}

TEST_F(target_plugins_test, asks_for_one_weight_a_term) {
    const std::vector<double> two{1, 1};
    EXPECT_EQ(message_of([&] { find_trajectory(plugins).plot(15, 27, 3, two); }),
              "2 term weights were given for 3 terms; give one weight a term.");
}

TEST_F(target_plugins_test, passes_the_plugins_own_sentence_for_bad_input) {
    EXPECT_EQ(message_of([&] { find_trajectory(plugins).plot(15, 27, 0); }),
              "A trajectory needs at least one term between the prior result and the target.");
}

}  // namespace
