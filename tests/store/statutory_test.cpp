#include "database_fixture.hpp"
#include "sample_pupils.hpp"
#include "store/pupils.hpp"
#include "store/statutory.hpp"

#include <gmock/gmock.h>

#include <algorithm>

namespace {

using namespace waymark;
using domain::statutory_kind;
using domain::statutory_result;
using ::testing::HasSubstr;

class statutory_test : public waymark::testing::database_test {
protected:
    void SetUp() override {
        waymark::testing::database_test::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        school_id_ = waymark::testing::add_sample_school(migrated_db(), waymark::testing::sample_pupils(10)).id;
    }
    void write(const std::vector<statutory_result> &results) {
        db().transaction("saving statutory results", [&](soci::session &session) {
            store::write_statutory_results(session, school_id_, results);
        });
    }
    std::vector<statutory_result> load() { return store::load_statutory_results(db().session(), school_id_); }
    std::vector<statutory_result> load(statutory_kind kind, const std::string &upn) {
        auto all = load();
        std::erase_if(all, [&](const auto &r) { return r.kind != kind || r.upn != upn; });
        return all;
    }
    static statutory_result result(int pupil, statutory_kind kind, std::string subject, std::string value, int year = 2024) {
        return {waymark::testing::sample_upn(pupil), kind, std::move(subject), std::move(value), {year}};
    }
    static std::string goal(int number) { return (number < 10 ? "E0" : "E") + std::to_string(number); }

    long long school_id_ = 0;
};

TEST_P(statutory_test, all_seventeen_goals_give_gld_only_when_the_first_twelve_are_expected) {
    std::vector<statutory_result> results;
    for (int g = 1; g <= 17; ++g) {
        results.push_back(result(1, statutory_kind::eyfsp_goal, goal(g), g == 15 ? "Emerging" : "Expected"));
        results.push_back(result(2, statutory_kind::eyfsp_goal, goal(g), g == 12 ? "Emerging" : "Expected"));
    }
    results.push_back(result(2, statutory_kind::eyfsp_gld, "", "Y"));  // a file's own GLD is not stored
    write(results);
    EXPECT_EQ(load(statutory_kind::eyfsp_gld, waymark::testing::sample_upn(1)),
              std::vector{result(1, statutory_kind::eyfsp_gld, "", "Y")});
    EXPECT_EQ(load(statutory_kind::eyfsp_gld, waymark::testing::sample_upn(2)),
              std::vector{result(2, statutory_kind::eyfsp_gld, "", "N")});
    EXPECT_EQ(load(statutory_kind::eyfsp_goal, waymark::testing::sample_upn(1)).size(), 17u);
}

TEST_P(statutory_test, a_grids_outcomes_are_its_pupils_gld_phonics_and_key_stages_without_the_goals) {
    std::vector<statutory_result> results;
    for (const int pupil : {1, 2})
        for (int g = 1; g <= 17; ++g) results.push_back(result(pupil, statutory_kind::eyfsp_goal, goal(g), "Expected"));
    results.push_back(result(1, statutory_kind::phonics_mark, "", "35", 2025));
    results.push_back(result(1, statutory_kind::ks1_ta, "reading", "EXS", 2026));
    results.push_back(result(2, statutory_kind::ks1_ta, "reading", "WTS", 2026));
    write(results);
    const auto pupils = store::load_pupils(db().session(), school_id_);
    const auto first = std::find_if(pupils.begin(), pupils.end(), [](const auto &p) { return p.pupil.upn == waymark::testing::sample_upn(1); });
    ASSERT_NE(first, pupils.end());
    const std::vector<long long> only_first{first->id};
    const auto outcomes = store::load_statutory_outcomes(db().session(), school_id_, only_first);
    EXPECT_EQ(outcomes, (std::vector{result(1, statutory_kind::eyfsp_gld, "", "Y"), result(1, statutory_kind::phonics_mark, "", "35", 2025),
                                     result(1, statutory_kind::phonics_outcome, "", "Wa", 2025),
                                     result(1, statutory_kind::ks1_ta, "reading", "EXS", 2026)}));
}

TEST_P(statutory_test, a_phonics_mark_gets_its_outcome_from_the_years_threshold) {
    db().transaction("setting a threshold", [](soci::session &session) { store::set_phonics_threshold(session, {2023}, 30); });
    write({result(1, statutory_kind::phonics_mark, "", "31", 2023), result(2, statutory_kind::phonics_mark, "", "31", 2024),
           result(3, statutory_kind::phonics_outcome, "", "A", 2024)});
    EXPECT_EQ(load(statutory_kind::phonics_outcome, waymark::testing::sample_upn(1))[0].value, "Wa");
    EXPECT_EQ(load(statutory_kind::phonics_outcome, waymark::testing::sample_upn(2))[0].value, "Wt");  // 32 by default
    EXPECT_EQ(load(statutory_kind::phonics_outcome, waymark::testing::sample_upn(3))[0].value, "A");
    EXPECT_TRUE(load(statutory_kind::phonics_mark, waymark::testing::sample_upn(3)).empty());
}

TEST_P(statutory_test, key_stage_results_merge_ta_and_scaled_scores) {
    write({result(4, statutory_kind::ks2_ta, "writing", "GDS"), result(4, statutory_kind::ks2_scaled, "reading", "104")});
    write({result(4, statutory_kind::ks2_ta, "reading", "EXS"), result(4, statutory_kind::ks2_ta, "writing", "EXS"),
           result(4, statutory_kind::ks1_ta, "maths", "WTS", 2020)});
    const auto upn = waymark::testing::sample_upn(4);
    EXPECT_EQ(load(statutory_kind::ks2_scaled, upn), std::vector{result(4, statutory_kind::ks2_scaled, "reading", "104")});
    EXPECT_EQ(load(statutory_kind::ks2_ta, upn),
              (std::vector{result(4, statutory_kind::ks2_ta, "reading", "EXS"),
                           result(4, statutory_kind::ks2_ta, "writing", "EXS")}));
    EXPECT_EQ(load(statutory_kind::ks1_ta, upn), std::vector{result(4, statutory_kind::ks1_ta, "maths", "WTS", 2020)});
}

TEST_P(statutory_test, a_bad_result_or_unknown_upn_is_named_and_nothing_of_the_batch_is_saved) {
    const std::vector good{result(1, statutory_kind::ks2_scaled, "maths", "110")};
    auto bad_value = good;
    bad_value.push_back(result(2, statutory_kind::ks2_scaled, "maths", "130"));
    try {
        write(bad_value);
        FAIL() << "a scaled score of 130 was stored";
    } catch (const store::statutory_refused &e) {
        EXPECT_THAT(e.what(), HasSubstr("Statutory result 2 (ks2_scaled for UPN " + waymark::testing::sample_upn(2) +
                                        ", maths): The KS2 scaled score \"130\""));
    }
    auto unknown = good;
    unknown.push_back({"A801200005001", statutory_kind::ks2_ta, "maths", "EXS", {2024}});
    EXPECT_THROW(write(unknown), store::statutory_refused);
    EXPECT_TRUE(load().empty());
}

TEST_P(statutory_test, a_thousand_pupils_results_in_one_batch) {
    const auto pupils = waymark::testing::sample_pupils(1000, 100);
    std::vector<statutory_result> results;
    for (int p = 100; p < 1100; ++p) {
        for (int g = 1; g <= 17; ++g) results.push_back(result(p, statutory_kind::eyfsp_goal, goal(g), "Expected", 2019));
        results.push_back(result(p, statutory_kind::phonics_mark, "", std::to_string(p % 41), 2020));
        results.push_back(result(p, statutory_kind::ks1_ta, "reading", "EXS", 2021));
    }
    db().transaction("saving pupils and results", [&](soci::session &session) {
        store::insert_pupils(session, school_id_, pupils);
        store::write_statutory_results(session, school_id_, results);
    });
    const auto loaded = load();
    // 17 goals + GLD + mark + outcome + TA per pupil
    EXPECT_EQ(loaded.size(), 1000u * 21u);
}

WAYMARK_ON_EVERY_DATABASE(statutory_test);

}  // namespace
