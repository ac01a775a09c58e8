// The target validator through the host: one case per flag (below prior, below current, below the
// school's rate in APP and LEP, well below the prediction), each with its code, severity and
// sentence; targets that pass raise nothing, and raising a flagged target clears its flags.
#include "loaded_plugins.hpp"

#include "plugin_host/target_plugins.hpp"

#include <gmock/gmock.h>

namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using waymark::plugins::find_validator;
using waymark::plugins::target_flag;

struct facts {
    double target;
    const char *target_label;
    double prior = 0;
    const char *prior_label = nullptr;
    double current = 0;
    const char *current_label = nullptr;
    double predicted = 0;
    const char *predicted_label = nullptr;
    double terms = 12;
    double rate = 0;
};

waymark_target_case make_case(const facts &f) {
    return waymark_target_case{sizeof(waymark_target_case), f.target, f.target_label,
                               f.prior_label != nullptr, f.prior, f.prior_label,
                               f.current_label != nullptr, f.current, f.current_label,
                               f.predicted_label != nullptr, f.predicted, f.predicted_label,
                               f.terms, f.rate};
}

std::string line(const target_flag &flag) {
    return std::to_string(flag.case_index) + " " + flag.code + " " + std::to_string(flag.severity) + " " + flag.sentence;
}

class target_validator_test : public waymark::testing::loaded_plugins_test {
protected:
    static std::vector<std::string> flags(const std::vector<facts> &targets) {
        std::vector<waymark_target_case> cases;
        for (const facts &f : targets) cases.push_back(make_case(f));
        std::vector<std::string> out;
        for (const target_flag &flag : find_validator(loaded()).validate(cases)) out.push_back(line(flag));
        return out;
    }
};

TEST_F(target_validator_test, is_the_built_in_validator) {
    EXPECT_EQ(find_validator(loaded()).plugin().descriptor().id, "org.waymark.target-validator");
}

TEST_F(target_validator_test, flags_a_target_below_the_prior_key_stage_result_as_serious) {
    EXPECT_THAT(flags({{.target = 13, .target_label = "2c", .prior = 17, .prior_label = "2a"}}),
                ElementsAre("0 below_prior 2 Target 2c is below the pupil's prior key-stage result 2a; raise it "
                            "to at least 2a."));
}

TEST_F(target_validator_test, flags_a_target_below_current_attainment_as_serious) {
    EXPECT_THAT(flags({{.target = 21, .target_label = "3b", .prior = 15, .prior_label = "2b", .current = 23,
                        .current_label = "3a"}}),
                ElementsAre("0 below_current 2 Target 3b is below what the pupil already attains (3a); raise it "
                            "to at least 3a."));
}

// Two levels across KS2 is 12 points over 12 terms, 1 a term: 2b to 3b is only 6.
TEST_F(target_validator_test, flags_progress_below_the_school_rate_in_sublevels) {
    EXPECT_THAT(flags({{.target = 21, .target_label = "3b", .prior = 15, .prior_label = "2b", .rate = 1}}),
                ElementsAre("0 below_school_rate 1 Target 3b means 6 points of progress from 2b over 12 terms, "
                            "less than the school's minimum of 12 (1 a term)."));
    EXPECT_THAT(flags({{.target = 27, .target_label = "4b", .prior = 15, .prior_label = "2b", .rate = 1}}), IsEmpty());
}

// 7 LEP points a year is 7/3 a term: 28 points over KS2's 12 terms; 34 to 60 is 26.
TEST_F(target_validator_test, flags_progress_below_seven_lep_points_a_year) {
    const double lep_rate = 7.0 / 3.0;
    EXPECT_THAT(flags({{.target = 60, .target_label = "60", .prior = 34, .prior_label = "34", .rate = lep_rate}}),
                ElementsAre("0 below_school_rate 1 Target 60 means 26 points of progress from 34 over 12 terms, "
                            "less than the school's minimum of 28 (2.33 a term)."));
    EXPECT_THAT(flags({{.target = 62, .target_label = "62", .prior = 34, .prior_label = "34", .rate = lep_rate}}),
                IsEmpty());
}

// At 1 point a term a year's progress is 3 points: 4c is 4 below a 4a prediction, 4b only 2.
TEST_F(target_validator_test, flags_a_target_more_than_a_year_below_the_prediction) {
    EXPECT_THAT(flags({{.target = 25, .target_label = "4c", .predicted = 29, .predicted_label = "4a", .rate = 1}}),
                ElementsAre("0 well_below_prediction 1 Target 4c is well below the prediction of 4a from earlier "
                            "pupils with the same prior attainment; check it is ambitious enough."));
    EXPECT_THAT(flags({{.target = 27, .target_label = "4b", .predicted = 29, .predicted_label = "4a", .rate = 1}}),
                IsEmpty());
    EXPECT_THAT(flags({{.target = 27, .target_label = "4b", .predicted = 31, .predicted_label = "5c"}}),
                ElementsAre(::testing::StartsWith("0 well_below_prediction")));
}

TEST_F(target_validator_test, names_each_flag_by_its_case_and_clears_when_the_target_is_raised) {
    const facts low{.target = 13, .target_label = "2c", .prior = 15, .prior_label = "2b", .current = 17,
                    .current_label = "2a", .rate = 1};
    const facts fine{.target = 27, .target_label = "4b", .prior = 15, .prior_label = "2b", .rate = 1};
    EXPECT_THAT(flags({fine, low}),
                ElementsAre(::testing::StartsWith("1 below_prior"), ::testing::StartsWith("1 below_current")));
    facts raised = low;
    raised.target = 27;
    raised.target_label = "4b";
    EXPECT_THAT(flags({fine, raised}), IsEmpty());
}

TEST_F(target_validator_test, without_labels_names_the_points) {
    EXPECT_THAT(flags({{.target = 13, .target_label = nullptr, .prior = 15, .prior_label = ""}}),
                ElementsAre("0 below_prior 2 Target 13 points is below the pupil's prior key-stage result 15 points; "
                            "raise it to at least 15 points."));
}

}  // namespace
