#include "services/targets/target_validation.hpp"

#include "target_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace waymark {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using services::target_horizon;
using testing::test_upn;

class target_validation_test : public testing::target_test {
protected:
    void SetUp() override {
        target_test::SetUp();
        if (IsSkipped()) return;
        ks1_ = add_ks1_assessment();
    }
    static const plugins::validator &validator() {
        static const auto found = plugins::find_validator(loaded_plugins());
        return found;
    }

    services::target_record set_checked(int serial, const std::string &subject, const std::string &grade,
                                        const std::string &instant) {
        const services::target_change change{{test_upn(serial), subject, target_horizon::end_of_key_stage}, grade, ""};
        return services::set_targets(db(), school_, *schemes_, {&change, 1}, at(instant), &validator()).front();
    }

    std::vector<std::string> flags(services::flag_query query = {}) {
        std::vector<std::string> out;
        for (const auto &f : services::list_target_flags(db().session(), school_, query))
            out.push_back(f.upn + " " + f.subject + " " + f.code + " " + f.severity_name() + ": " + f.sentence);
        return out;
    }

    void rate(int points, int terms) {
        services::target_policy policy;
        policy.rate_points = points;
        policy.rate_terms = terms;
        services::save_target_policy(db(), school_, policy, at("2024-09-01T08:00:00Z"));
    }

    services::assessment ks1_;
};

TEST_P(target_validation_test, flags_a_target_below_the_prior_result_when_it_is_set_and_clears_when_raised) {
    judge(ks1_, 1, "maths", "2a", "2024-06-25T09:00:00Z");
    set_checked(1, "maths", "2c", "2026-02-10T09:00:00Z");
    EXPECT_THAT(flags(), ElementsAre(test_upn(1) + " maths below_prior serious: Target 2c is below the pupil's prior "
                                                   "key-stage result 2a; raise it to at least 2a."));
    set_checked(1, "maths", "4b", "2026-02-11T09:00:00Z");
    EXPECT_THAT(flags(), IsEmpty());
}

// Two levels across KS2: 12 points over 12 terms. 2b to 3b is 6.
TEST_P(target_validation_test, flags_progress_below_the_schools_rate) {
    rate(12, 12);
    judge(ks1_, 1, "maths", "2b", "2024-06-25T09:00:00Z");
    set_checked(1, "maths", "3b", "2026-02-10T09:00:00Z");
    EXPECT_THAT(flags(), ElementsAre(test_upn(1) + " maths below_school_rate warning: Target 3b means 6 points of progress "
                                                   "from 2b over 12 terms, less than the school's minimum of 12 (1 a term)."));
}

TEST_P(target_validation_test, recording_a_judgement_above_the_target_flags_it_when_the_save_revalidates) {
    judge(ks1_, 1, "maths", "2b", "2024-06-25T09:00:00Z");
    set_checked(1, "maths", "3c", "2026-02-01T09:00:00Z");
    EXPECT_THAT(flags(), IsEmpty());
    judge(assessment_, 1, "maths", "3a", "2026-02-10T09:00:00Z");
    EXPECT_THAT(flags(), IsEmpty()) << "a save given no revalidation records the judgement only";
    const services::target_revalidation revalidation(loaded_plugins(), *schemes_);
    judge(assessment_, 1, "maths", "3b", "2026-02-11T09:00:00Z", &revalidation);
    EXPECT_THAT(flags(), ElementsAre(test_upn(1) + " maths below_current serious: Target 3c is below what the pupil "
                                                   "already attains (3b); raise it to at least 3b."));
}

TEST_P(target_validation_test, clearing_a_target_clears_its_flags_and_flags_list_by_pupil_and_class) {
    judge(ks1_, 1, "maths", "2a", "2024-06-25T09:00:00Z");
    judge(ks1_, 2, "maths", "2a", "2024-06-25T09:00:00Z");
    set_checked(1, "maths", "2c", "2026-02-10T09:00:00Z");
    set_checked(2, "maths", "2b", "2026-02-10T09:00:00Z");
    EXPECT_EQ(flags().size(), 2u);
    EXPECT_EQ(flags({test_upn(2), std::nullopt}).size(), 1u);
    EXPECT_EQ(flags({std::nullopt, "4A"}).size(), 2u);
    EXPECT_THAT([&] { flags({std::nullopt, "4B"}); }, ::testing::ThrowsMessage<services::filter_error>(::testing::HasSubstr("No class named \"4B\"")));
    services::clear_target(db(), school_, *schemes_, {test_upn(1), "maths", target_horizon::end_of_key_stage},
                           at("2026-02-11T09:00:00Z"), &validator());
    EXPECT_THAT(flags(), ElementsAre(::testing::StartsWith(test_upn(2) + " maths below_prior")));
}

TEST_P(target_validation_test, a_four_band_target_below_current_attainment_is_flagged_by_order) {
    auto autumn = spring_spec("Autumn 1");
    autumn.assessed_on = domain::date{std::chrono::year{2025}, std::chrono::month{11}, std::chrono::day{10}};
    autumn.term = domain::term::autumn;
    autumn.subjects = {{"reading", testing::four_band, {}}};
    judge(create(autumn), 1, "reading", "towards", "2025-11-10T09:00:00Z");
    auto spec = spring_spec("Spring 2");
    spec.subjects = {{"reading", testing::four_band, {}}};
    judge(create(spec), 1, "reading", "on track", "2026-02-10T09:00:00Z");
    const services::target_change change{{test_upn(1), "reading", target_horizon::end_of_year}, "towards", testing::four_band};
    services::set_targets(db(), school_, *schemes_, {&change, 1}, at("2026-02-11T09:00:00Z"), &validator());
    EXPECT_THAT(flags(), ElementsAre(test_upn(1) + " reading below_current serious: Target T is below what the pupil "
                                                   "already attains (OT); raise it to at least OT."));
}

TEST_P(target_validation_test, a_whole_school_run_validates_every_target) {
    for (int serial : {1, 2, 3}) judge(ks1_, serial, "maths", "3c", "2024-06-25T09:00:00Z");
    for (int serial : {1, 2, 3}) set_one(serial, "maths", "2b");
    EXPECT_THAT(flags(), IsEmpty());
    const auto raised = db().transaction("validating", [&](soci::session &session) {
        return services::validate_targets(session, school_, *schemes_, validator(), {}, "2026-02-12T09:00:00Z");
    });
    EXPECT_EQ(raised, 3u);
    EXPECT_EQ(flags().size(), 3u);
}

TEST_P(target_validation_test, an_authority_run_validates_every_school_with_targets) {
    for (int serial : {1, 2}) judge(ks1_, serial, "maths", "3c", "2024-06-25T09:00:00Z");
    for (int serial : {1, 2}) set_one(serial, "maths", "2b");
    // A second school of the database without targets is passed over.
    db().transaction("adding a school", [](soci::session &session) {
        return store::find_or_create_school(session, {0, "801", "2001", "", "Other Primary", "PR1 1AA", {2025}});
    });
    EXPECT_EQ(services::validate_every_school(db(), *schemes_, validator(), "2026-02-12T09:00:00Z"), 2u);
    EXPECT_EQ(flags().size(), 2u);
}

WAYMARK_ON_EVERY_DATABASE(target_validation_test);

}  // namespace
}  // namespace waymark
