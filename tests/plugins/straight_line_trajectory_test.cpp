// The straight-line trajectory through the host: seed 004's worked KS2 line from 2b to 4b, uneven
// terms, LEP's 3/2/2 points a term taken from the LEP scheme itself, and the requests it refuses.
#include "loaded_plugins.hpp"

#include "plugin_host/target_plugins.hpp"

#include <gmock/gmock.h>

namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using waymark::plugins::find_trajectory;
using waymark::plugins::plugin_error;

class straight_line_trajectory_test : public waymark::testing::loaded_plugins_test {
protected:
    static std::vector<double> plot(double baseline, double target, uint32_t terms, std::vector<double> weights = {}) {
        return find_trajectory(loaded()).plot(baseline, target, terms, weights);
    }

    static std::string refusal(double baseline, double target, uint32_t terms, std::vector<double> weights = {}) {
        try {
            plot(baseline, target, terms, weights);
        } catch (const plugin_error &e) {
            return e.what();
        }
        return "accepted";
    }
};

TEST_F(straight_line_trajectory_test, is_the_built_in_trajectory) {
    EXPECT_EQ(find_trajectory(loaded()).plugin().descriptor().id, "org.waymark.straight-line-trajectory");
}

// KS1 2b (15 points) to a KS2 target of 4b (27): 12 points over KS2's 12 terms, one a term, so the
// line crosses a sublevel (2 points) every other term: 16 is 2b/2a, 17 is 2a, ... 27 is 4b.
TEST_F(straight_line_trajectory_test, ks1_2b_to_ks2_target_4b_rises_one_point_a_term) {
    const double two_b = points_of("org.waymark.app-sublevels", "2b");
    const double four_b = points_of("org.waymark.app-sublevels", "4b");
    ASSERT_EQ(two_b, 15.0);
    ASSERT_EQ(four_b, 27.0);
    EXPECT_THAT(plot(two_b, four_b, 12), ElementsAre(16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27));
}

// A long autumn: weights 2/1/1 each year (16 in all) put half of each year's 3 points in autumn.
TEST_F(straight_line_trajectory_test, uneven_term_weights_bend_the_line_but_keep_both_ends) {
    const std::vector<double> weights{2, 1, 1, 2, 1, 1, 2, 1, 1, 2, 1, 1};
    EXPECT_THAT(plot(15, 27, 12, weights),
                ElementsAre(16.5, 17.25, 18, 19.5, 20.25, 21, 22.5, 23.25, 24, 25.5, 26.25, 27));
}

// LEP expects 3 points in autumn and 2 in spring and summer (7 a year): with the LEP scheme's own
// expected points as weights, a pupil from 34 at the end of Year 2 to a target of 62 (4 x 7 more)
// is expected to gain exactly the scheme's 3/2/2 every term.
TEST_F(straight_line_trajectory_test, lep_weights_from_the_scheme_give_three_two_two_points_a_term) {
    const waymark::plugins::scheme lep = loaded().create_scheme("org.waymark.lep-points");
    ASSERT_NE(lep.progress(), nullptr);
    std::vector<double> weights;
    waymark::plugins::judgement_context before{2, WAYMARK_TERM_SUMMER, "maths"};
    for (int32_t year = 3; year <= 6; ++year) {
        for (int32_t term = WAYMARK_TERM_AUTUMN; term <= WAYMARK_TERM_SUMMER; ++term) {
            const waymark::plugins::judgement_context end_of_term{year, term, "maths"};
            weights.push_back(lep.progress()->expected_points(before, end_of_term));
            before = end_of_term;
        }
    }
    ASSERT_THAT(weights, ElementsAre(3, 2, 2, 3, 2, 2, 3, 2, 2, 3, 2, 2));
    EXPECT_THAT(plot(34, 62, 12, weights), ElementsAre(37, 39, 41, 44, 46, 48, 51, 53, 55, 58, 60, 62));
}

TEST_F(straight_line_trajectory_test, ends_exactly_on_the_target_whatever_the_rounding) {
    const std::vector<double> tenths(7, 0.1);
    const auto line = plot(0.1, 0.7, 7, tenths);
    EXPECT_EQ(line.back(), 0.7);
    EXPECT_THAT(plot(20, 20, 3), ElementsAreArray({20.0, 20.0, 20.0}));
}

TEST_F(straight_line_trajectory_test, a_target_below_the_baseline_draws_a_falling_line) {
    EXPECT_THAT(plot(21, 15, 3), ElementsAre(19, 17, 15));
}

TEST_F(straight_line_trajectory_test, refuses_no_terms_and_unusable_weights_in_one_sentence) {
    EXPECT_EQ(refusal(15, 27, 0), "A trajectory needs at least one term between the prior result and the target.");
    EXPECT_EQ(refusal(15, 27, 3, {1, -1, 1}), "The weight of term 2 must be a number of zero or more.");
    EXPECT_EQ(refusal(15, 27, 3, {0, 0, 0}), "At least one term weight must be more than zero.");
}

}  // namespace
