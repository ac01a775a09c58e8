#include "services/targets/predictions.hpp"

#include "services/targets/target_validation.hpp"

#include "target_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace waymark {
namespace {

using ::testing::ElementsAre;
using services::history_scope;
using services::prediction_record;
using testing::test_upn;

// An assessment of one year group in the Summer of `year`, maths in APP sublevels.
services::assessment summer_spec(const std::string &name, int year, int year_group) {
    services::assessment spec;
    spec.name = name;
    spec.assessed_on = domain::date{std::chrono::year{year + 1}, std::chrono::month{6}, std::chrono::day{20}};
    spec.year = {year};
    spec.term = domain::term::summer;
    spec.year_groups = {year_group};
    spec.subjects = {{"maths", testing::app_sublevels, {}}};
    return spec;
}

class predictions_test : public testing::target_test {
protected:
    // Twelve earlier pupils (Year 2 in 2019, Year 6 in 2023), all 2b at KS1: 2 reached 4c, 6 4b, 4 4a.
    void SetUp() override {
        target_test::SetUp();
        if (IsSkipped()) return;
        std::vector<domain::pupil> earlier;
        for (int serial = 50; serial < 62; ++serial) {
            auto p = testing::year4_pupil(serial, "Leavers");
            p.date_of_birth = domain::date{std::chrono::year{2012}, std::chrono::month{10}, std::chrono::day{3}};
            earlier.push_back(p);
        }
        db().transaction("adding earlier pupils", [&](soci::session &session) { store::insert_pupils(session, school_.id, earlier); });
        const auto ks1_2019 = create(summer_spec("KS1 2019", 2019, 2));
        const auto ks2_2023 = create(summer_spec("KS2 2023", 2023, 6));
        for (int serial = 50; serial < 62; ++serial) {
            judge(ks1_2019, serial, "maths", "2b", "2020-06-25T09:00:00Z");
            const char *outcome = serial < 52 ? "4c" : serial < 58 ? "4b" : "4a";
            judge(ks2_2023, serial, "maths", outcome, "2024-06-25T09:00:00Z");
        }
        ks1_ = add_ks1_assessment();
    }

    std::vector<prediction_record> predict(history_scope scope = history_scope::school) {
        static const auto predictor = plugins::find_predictor(loaded_plugins());
        return services::make_predictions(db(), school_, *schemes_, predictor, "maths", scope, std::nullopt,
                                          at("2026-02-10T09:00:00Z"));
    }

    services::assessment ks1_;
};

TEST_P(predictions_test, predicts_from_earlier_pupils_with_the_same_ks1_result) {
    judge(ks1_, 1, "maths", "2b", "2024-06-25T09:00:00Z");
    const auto made = predict();
    ASSERT_EQ(made.size(), 1u);
    const auto &p = made.front();
    EXPECT_EQ(p.upn, test_upn(1));
    EXPECT_TRUE(p.sufficient) << p.note;
    EXPECT_EQ(p.likely_grade, "4b");
    EXPECT_EQ(p.percent_expected, 83);  // 10 of 12 reached 4b or above
    EXPECT_EQ(p.percent_higher, 33);    // 4 of 12 reached 4a
    EXPECT_EQ(p.based_on, 12);
    EXPECT_EQ(p.academic_year, 2027);
    EXPECT_EQ(p.predictor_id, "org.waymark.history-predictor");
    const auto listed = services::list_predictions(db().session(), school_, std::nullopt, "maths");
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed.front().likely_grade, "4b");
    EXPECT_EQ(listed.front().percent_expected, 83);
    EXPECT_EQ(listed.front().scope, history_scope::school);
}

TEST_P(predictions_test, says_the_history_is_too_thin_instead_of_guessing) {
    judge(ks1_, 2, "maths", "2a", "2024-06-25T09:00:00Z");
    const auto made = predict(history_scope::authority);
    ASSERT_EQ(made.size(), 1u);
    EXPECT_FALSE(made.front().sufficient);
    EXPECT_EQ(made.front().likely_grade, "");
    EXPECT_FALSE(made.front().percent_expected);
    EXPECT_EQ(made.front().note, "Only 0 earlier pupils had the same prior attainment (17 points); at least 10 are needed "
                                 "for a prediction.");
    EXPECT_EQ(services::list_predictions(db().session(), school_, test_upn(2), std::nullopt).front().scope,
              history_scope::authority);
}

TEST_P(predictions_test, stay_apart_from_targets_but_flag_a_target_well_below_them) {
    judge(ks1_, 1, "maths", "2b", "2024-06-25T09:00:00Z");
    predict();
    EXPECT_TRUE(listed().empty());
    static const auto validator = plugins::find_validator(loaded_plugins());
    const services::target_change low{{test_upn(1), "maths", services::target_horizon::end_of_key_stage}, "3a", ""};
    services::set_targets(db(), school_, *schemes_, {&low, 1}, at("2026-02-11T09:00:00Z"), &validator);
    std::vector<std::string> codes;
    for (const auto &flag : services::list_target_flags(db().session(), school_, {})) codes.push_back(flag.code);
    EXPECT_THAT(codes, ElementsAre("well_below_prediction"));
    ASSERT_EQ(listed().size(), 1u);
    EXPECT_EQ(listed().front().grade_code, "3a");
}

WAYMARK_ON_EVERY_DATABASE(predictions_test);

}  // namespace
}  // namespace waymark
