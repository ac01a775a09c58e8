// The history predictor through the host, on a constructed history with a known distribution:
// the commonest outcome, the shares at the expected and higher standards, the count it rests on,
// and the refusal to guess from fewer than ten earlier pupils.
#include "loaded_plugins.hpp"

#include "plugin_host/target_plugins.hpp"

#include <gmock/gmock.h>

namespace {

using ::testing::HasSubstr;
using waymark::plugins::find_predictor;
using waymark::plugins::outcome_history;
using waymark::plugins::plugin_error;
using waymark::plugins::prediction_result;

constexpr double two_b = 15;  // KS1 2b
constexpr double four_b = 27; // KS2 expected standard
constexpr double five_c = 31; // KS2 higher standard

void add(outcome_history &history, double prior, double outcome, int pupils) {
    for (int i = 0; i < pupils; ++i) {
        history.prior.push_back(prior);
        history.outcome.push_back(outcome);
    }
}

class history_predictor_test : public waymark::testing::loaded_plugins_test {
protected:
    static prediction_result predict(double prior, const outcome_history &history) {
        return find_predictor(loaded()).predict(prior, history, four_b, five_c);
    }
};

// Twenty earlier pupils with 2b at KS1: 4 reached 4c (25), 8 4b (27), 5 4a (29), 3 5c (31).
// Ten with 1a at KS1 (and their outcomes) must not count.
TEST_F(history_predictor_test, gives_the_commonest_outcome_and_the_shares_reaching_each_standard) {
    outcome_history history;
    add(history, two_b, 25, 4);
    add(history, two_b, 27, 8);
    add(history, two_b, 29, 5);
    add(history, two_b, 31, 3);
    add(history, 11, 21, 10);
    const prediction_result result = predict(two_b, history);
    ASSERT_TRUE(result.sufficient) << result.note;
    EXPECT_EQ(result.likely_points, 27);
    EXPECT_DOUBLE_EQ(result.probability_expected, 16.0 / 20.0);
    EXPECT_DOUBLE_EQ(result.probability_higher, 3.0 / 20.0);
    EXPECT_EQ(result.based_on, 20u);
    EXPECT_EQ(result.note, "Based on 20 earlier pupils with the same prior attainment.");
}

TEST_F(history_predictor_test, a_tie_goes_to_the_lower_outcome) {
    outcome_history history;
    add(history, two_b, 29, 5);
    add(history, two_b, 27, 5);
    EXPECT_EQ(predict(two_b, history).likely_points, 27);
}

TEST_F(history_predictor_test, says_the_history_is_too_thin_below_ten_pupils_instead_of_guessing) {
    outcome_history history;
    add(history, two_b, 27, 9);
    add(history, 11, 21, 30);
    const prediction_result result = predict(two_b, history);
    EXPECT_FALSE(result.sufficient);
    EXPECT_EQ(result.based_on, 9u);
    EXPECT_EQ(result.note, "Only 9 earlier pupils had the same prior attainment (15 points); at least 10 are "
                           "needed for a prediction.");
    EXPECT_FALSE(predict(two_b, outcome_history{}).sufficient);
}

TEST_F(history_predictor_test, refuses_a_higher_standard_below_the_expected_one) {
    try {
        find_predictor(loaded()).predict(two_b, outcome_history{}, five_c, four_b);
        FAIL() << "accepted";
    } catch (const plugin_error &e) {
        EXPECT_THAT(e.what(), HasSubstr("The higher standard (27 points) must not be below the expected standard"));
    }
}

}  // namespace
