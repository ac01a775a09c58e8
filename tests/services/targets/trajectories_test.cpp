#include "services/targets/trajectories.hpp"

#include "target_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace waymark {
namespace {

using ::testing::ElementsAre;
using services::pupil_trajectory;
using services::trajectory_rounding;
using testing::test_upn;

std::vector<std::string> grades_of(const pupil_trajectory &line) {
    std::vector<std::string> out;
    for (const auto &t : line.terms) out.push_back(t.grade);
    return out;
}

std::vector<double> points_of(const pupil_trajectory &line) {
    std::vector<double> out;
    for (const auto &t : line.terms) out.push_back(t.points);
    return out;
}

class trajectories_test : public testing::target_test {
protected:
    void SetUp() override {
        target_test::SetUp();
        if (IsSkipped()) return;
        ks1_ = add_ks1_assessment();
    }

    void use_policy(trajectory_rounding rounding, std::vector<double> weights = {}) {
        services::target_policy policy;
        policy.rounding = rounding;
        policy.term_weights = std::move(weights);
        services::save_target_policy(db(), school_, policy, at("2025-09-01T08:00:00Z"));
    }

    std::vector<pupil_trajectory> trajectories(services::trajectory_query query = {}) {
        static const auto plotter = plugins::find_trajectory(loaded_plugins());
        return services::school_trajectories(db().session(), school_, *schemes_, plotter, query);
    }

    pupil_trajectory only(const std::string &subject) {
        const auto found = trajectories({test_upn(1), subject});
        if (found.size() != 1) throw std::logic_error("expected one trajectory");
        return found.front();
    }

    services::assessment ks1_;
};

// KS1 2b (15) to a KS2 target of 4b (27): 12 terms from Year 3 Autumn 2024 to Year 6 Summer 2027,
// a point a term. On 16, 18, ... the line is halfway between two sublevels: nearest takes the lower.
TEST_P(trajectories_test, ks1_2b_to_4b_over_the_twelve_terms_of_ks2_nearest_grade) {
    judge(ks1_, 1, "maths", "2b", "2024-06-25T09:00:00Z");
    set_one(1, "maths", "4b");
    const auto line = only("maths");
    EXPECT_EQ(line.unavailable, "");
    EXPECT_EQ(line.baseline_grade, "2b");
    EXPECT_EQ(line.baseline_year, 2023);
    EXPECT_EQ(line.rounding, trajectory_rounding::nearest);
    EXPECT_EQ(line.weighting, "scheme's expected progress");
    EXPECT_EQ(line.plugin_id, "org.waymark.straight-line-trajectory");
    EXPECT_THAT(points_of(line), ElementsAre(16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27));
    EXPECT_THAT(grades_of(line), ElementsAre("2b", "2a", "2a", "3c", "3c", "3b", "3b", "3a", "3a", "4c", "4c", "4b"));
    ASSERT_EQ(line.terms.size(), 12u);
    EXPECT_EQ(line.terms.front().academic_year, 2024);
    EXPECT_EQ(line.terms.front().nc_year, 3);
    EXPECT_EQ(line.terms.front().term, domain::term::autumn);
    EXPECT_EQ(line.terms.back().academic_year, 2027);
    EXPECT_EQ(line.terms.back().nc_year, 6);
    EXPECT_EQ(line.terms.back().term, domain::term::summer);
}

TEST_P(trajectories_test, pair_mode_names_both_sublevels_where_the_line_falls_between) {
    use_policy(trajectory_rounding::pair);
    judge(ks1_, 1, "maths", "2b", "2024-06-25T09:00:00Z");
    set_one(1, "maths", "4b");
    const auto line = only("maths");
    EXPECT_EQ(line.rounding, trajectory_rounding::pair);
    EXPECT_THAT(grades_of(line),
                ElementsAre("2a/2b", "2a", "3c/2a", "3c", "3b/3c", "3b", "3a/3b", "3a", "4c/3a", "4c", "4b/4c", "4b"));
}

// Weights 2/1/1 a year (a long autumn): half of each year's 3 points in autumn; 16.5 is nearer 2a.
TEST_P(trajectories_test, the_schools_term_weights_bend_the_line) {
    use_policy(trajectory_rounding::nearest, {2, 1, 1});
    judge(ks1_, 1, "maths", "2b", "2024-06-25T09:00:00Z");
    set_one(1, "maths", "4b");
    const auto line = only("maths");
    EXPECT_EQ(line.weighting, "school policy");
    EXPECT_THAT(points_of(line), ElementsAre(16.5, 17.25, 18, 19.5, 20.25, 21, 22.5, 23.25, 24, 25.5, 26.25, 27));
    EXPECT_EQ(line.terms.front().grade, "2a");
}

// LEP: the scheme's own 3/2/2 points a term, from 34 at the end of Year 2 to a target of 62.
TEST_P(trajectories_test, lep_follows_three_two_two_points_a_term) {
    judge(ks1_, 1, "science", "34", "2024-06-25T09:00:00Z");
    set_one(1, "science", "62");
    const auto line = only("science");
    EXPECT_THAT(points_of(line), ElementsAre(37, 39, 41, 44, 46, 48, 51, 53, 55, 58, 60, 62));
    EXPECT_THAT(grades_of(line), ElementsAre("37", "39", "41", "44", "46", "48", "51", "53", "55", "58", "60", "62"));
}

// Spring 2025 (Year 4) is the fifth term: 20 points, between 3c and 3b, shown as 3c.
TEST_P(trajectories_test, marks_each_reviews_judgement_above_on_or_below_the_line_with_the_gap) {
    judge(ks1_, 1, "maths", "2b", "2024-06-25T09:00:00Z");
    judge(ks1_, 2, "maths", "2b", "2024-06-25T09:00:00Z");
    judge(ks1_, 3, "maths", "2b", "2024-06-25T09:00:00Z");
    judge(assessment_, 1, "maths", "3b");
    judge(assessment_, 2, "maths", "2a");
    judge(assessment_, 3, "maths", "4c");
    for (int serial : {1, 2, 3}) set_one(serial, "maths", "4b");
    std::vector<std::string> reviews;
    for (const auto &line : trajectories({std::nullopt, "maths"})) {
        const auto &spring = line.terms.at(4);
        reviews.push_back(line.upn + " " + spring.grade + " " + spring.attained.value_or("-") + " " + spring.position + " " +
                          std::to_string(spring.gap));
        EXPECT_FALSE(line.terms.at(3).attained);
    }
    EXPECT_THAT(reviews, ::testing::UnorderedElementsAre(test_upn(1) + " 3c 3b above 1", test_upn(2) + " 3c 2a below 1",
                                                         test_upn(3) + " 3c 4c above 3"));
    use_policy(trajectory_rounding::pair);
    EXPECT_EQ(only("maths").terms.at(4).position, "on");
}

TEST_P(trajectories_test, says_in_one_sentence_why_there_is_no_trajectory) {
    set({{{test_upn(1), "reading", services::target_horizon::end_of_key_stage}, "on track", testing::four_band},
         {{test_upn(1), "maths", services::target_horizon::end_of_key_stage}, "4b", ""}});
    EXPECT_EQ(only("reading").unavailable,
              "The Lancashire four-band scheme measures no progress, so reading targets in it have no trajectory.");
    EXPECT_EQ(only("maths").unavailable, "Pupil " + test_upn(1) + " has no maths judgement in APP sublevels to start a "
                                         "trajectory from.");
    EXPECT_TRUE(only("maths").terms.empty());
}

TEST_P(trajectories_test, end_of_year_targets_have_no_trajectory_and_a_cleared_target_drops_out) {
    judge(ks1_, 1, "maths", "2b", "2024-06-25T09:00:00Z");
    set_one(1, "maths", "3b", "2026-02-10T09:00:00Z", services::target_horizon::end_of_year);
    EXPECT_TRUE(trajectories().empty());
    set_one(1, "maths", "4b", "2026-02-11T09:00:00Z");
    EXPECT_EQ(trajectories().size(), 1u);
    services::clear_target(db(), school_, *schemes_, {test_upn(1), "maths", services::target_horizon::end_of_key_stage},
                           at("2026-02-12T09:00:00Z"));
    EXPECT_TRUE(trajectories().empty());
}

WAYMARK_ON_EVERY_DATABASE(trajectories_test);

}  // namespace
}  // namespace waymark
