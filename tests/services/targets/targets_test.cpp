#include "services/targets/targets.hpp"

#include "target_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace waymark {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using services::target_horizon;
using services::target_policy;
using services::target_query;
using services::tracking_error;
using testing::test_upn;

std::string message_of(const std::function<void()> &call) {
    try {
        call();
    } catch (const std::exception &e) {
        return e.what();
    }
    return "no error";
}

std::vector<std::string> grades_of(const std::vector<services::target_record> &rows) {
    std::vector<std::string> out;
    for (const auto &r : rows) out.push_back(r.cleared ? "(cleared)" : r.grade_code);
    return out;
}

class targets_test : public testing::target_test {};

// A Year 4 pupil in 2025/2026 ends KS2 in Year 6, in 2027/2028.
TEST_P(targets_test, stores_the_schemes_code_for_the_end_of_the_key_stage_with_who_and_when) {
    const auto r = set_one(1, "maths", " 4B ");
    EXPECT_EQ(r.grade_code, "4b");
    EXPECT_EQ(r.scheme_id, testing::app_sublevels);
    EXPECT_EQ(r.academic_year, 2027);
    EXPECT_EQ(r.set_by, "mr.patel");
    EXPECT_EQ(r.set_at, "2026-02-10T09:00:00Z");
    EXPECT_FALSE(r.supersedes);
    EXPECT_EQ(set_one(2, "science", "52", "2026-02-10T09:00:00Z", target_horizon::end_of_year).academic_year, 2025);
    const auto all = listed();
    ASSERT_EQ(all.size(), 2u);  // by UPN: pupil 2's check letter comes first
    EXPECT_EQ(all[0].target.upn, test_upn(2));
    EXPECT_EQ(all[0].target.horizon, target_horizon::end_of_year);
    EXPECT_EQ(all[0].scheme_id, testing::lep_points);
    EXPECT_EQ(all[1].target.upn, test_upn(1));
}

TEST_P(targets_test, a_revision_supersedes_and_keeps_the_history_readable_as_of_any_instant) {
    const auto first = set_one(1, "maths", "4c", "2025-09-20T09:00:00Z");
    const auto raised = set_one(1, "maths", "4a", "2026-01-15T09:00:00Z");
    EXPECT_EQ(raised.supersedes, first.id);
    EXPECT_THAT(grades_of(listed()), ElementsAre("4a"));
    EXPECT_THAT(grades_of(listed({std::nullopt, std::nullopt, "2025-12-31T23:59:59Z", false})), ElementsAre("4c"));
    EXPECT_THAT(grades_of(listed({std::nullopt, std::nullopt, "2025-09-01T00:00:00Z", false})), ElementsAre());
    EXPECT_THAT(grades_of(listed({test_upn(1), "maths", "", true})), ElementsAre("4c", "4a"));
}

TEST_P(targets_test, clearing_adds_a_cleared_row_and_a_second_clear_is_refused) {
    set_one(1, "maths", "4b", "2025-09-20T09:00:00Z");
    const auto cleared = services::clear_target(db(), school_, *schemes_, {test_upn(1), "maths", target_horizon::end_of_key_stage},
                                                at("2025-10-01T09:00:00Z"));
    EXPECT_TRUE(cleared.cleared);
    EXPECT_TRUE(listed().empty());
    EXPECT_THAT(grades_of(listed({std::nullopt, std::nullopt, "", true})), ElementsAre("4b", "(cleared)"));
    EXPECT_EQ(message_of([&] {
                  services::clear_target(db(), school_, *schemes_, {test_upn(1), "maths", target_horizon::end_of_key_stage},
                                         at("2025-10-02T09:00:00Z"));
              }),
              "Pupil " + test_upn(1) + " has no end_of_key_stage maths target to clear.");
}

TEST_P(targets_test, refuses_a_grade_the_scheme_does_not_have_naming_the_target_and_stores_nothing) {
    const std::string message = message_of([&] {
        set({{{test_upn(1), "maths", target_horizon::end_of_key_stage}, "4b", ""},
             {{test_upn(2), "maths", target_horizon::end_of_key_stage}, "level 4", ""}});
    });
    EXPECT_THAT(message, HasSubstr("'level 4' could be sublevel"));
    EXPECT_THAT(message, HasSubstr("(the end_of_key_stage maths target of pupil " + test_upn(2) + ")"));
    EXPECT_TRUE(listed({std::nullopt, std::nullopt, "", true}).empty());
}

TEST_P(targets_test, refuses_a_pupil_not_on_roll_and_a_subject_no_assessment_judges) {
    EXPECT_THAT(message_of([&] { set_one(99, "maths", "4b"); }), HasSubstr(test_upn(99)));
    EXPECT_EQ(message_of([&] { set_one(1, "history", "4b"); }),
              "No assessment at Brookside Primary judges history yet, so the scheme of the end_of_key_stage history "
              "target of pupil " + test_upn(1) + " is unknown; name the scheme.");
    const auto named = set({{{test_upn(1), "history", target_horizon::end_of_key_stage}, "4b", testing::app_sublevels}});
    EXPECT_EQ(named.front().grade_code, "4b");
}

TEST_P(targets_test, a_change_outside_the_schools_window_is_refused_naming_the_window) {
    target_policy policy;
    policy.window_from = domain::parse_iso_date("2025-09-01");
    policy.window_to = domain::parse_iso_date("2025-10-31");
    services::save_target_policy(db(), school_, policy, at("2025-08-30T09:00:00Z"));
    EXPECT_EQ(message_of([&] { set_one(1, "maths", "4b", "2026-02-10T09:00:00Z"); }),
              "Targets at Brookside Primary may be set or changed only from 2025-09-01 to 2025-10-31; 2026-02-10 is "
              "outside that window (waymark targets policy shows it).");
    EXPECT_TRUE(listed({std::nullopt, std::nullopt, "", true}).empty());
    set_one(1, "maths", "4b", "2025-10-31T15:00:00Z");
    EXPECT_THAT(message_of([&] {
                    services::clear_target(db(), school_, *schemes_, {test_upn(1), "maths", target_horizon::end_of_key_stage},
                                           at("2025-11-01T09:00:00Z"));
                }),
                HasSubstr("2025-11-01 is outside that window"));
    EXPECT_THAT(grades_of(listed()), ElementsAre("4b"));
}

TEST_P(targets_test, the_policy_reads_back_as_saved_and_defaults_to_no_limits) {
    const target_policy none = services::read_target_policy(db().session(), school_);
    EXPECT_FALSE(none.window_from);
    EXPECT_EQ(none.rate_per_term(), 0.0);
    target_policy policy;
    policy.who_may_set = "headteacher, assessment lead";
    policy.window_to = domain::parse_iso_date("2025-10-31");
    policy.rate_points = 7;
    policy.rate_terms = 3;
    policy.rounding = services::trajectory_rounding::pair;
    policy.term_weights = services::parse_term_weights("3, 2,2");
    services::save_target_policy(db(), school_, policy, at("2025-09-01T08:00:00Z"));
    const target_policy read = services::read_target_policy(db().session(), school_);
    EXPECT_EQ(read.who_may_set, "headteacher, assessment lead");
    EXPECT_FALSE(read.window_from);
    EXPECT_EQ(read.window_to, domain::parse_iso_date("2025-10-31"));
    EXPECT_DOUBLE_EQ(read.rate_per_term(), 7.0 / 3.0);
    EXPECT_EQ(read.rounding, services::trajectory_rounding::pair);
    EXPECT_THAT(read.term_weights, ElementsAre(3, 2, 2));
    EXPECT_EQ(read.changed_by, "mr.patel");
}

TEST_P(targets_test, refuses_a_policy_that_cannot_work_in_one_sentence) {
    target_policy reversed;
    reversed.window_from = domain::parse_iso_date("2025-10-31");
    reversed.window_to = domain::parse_iso_date("2025-09-01");
    EXPECT_EQ(message_of([&] { services::save_target_policy(db(), school_, reversed, at("")); }),
              "The target window ends (2025-09-01) before it starts (2025-10-31); give the earlier date first.");
    target_policy half_rate;
    half_rate.rate_points = 12;
    EXPECT_THAT(message_of([&] { services::save_target_policy(db(), school_, half_rate, at("")); }),
                HasSubstr("needs both its points and its terms"));
    EXPECT_THAT(message_of([&] { services::parse_term_weights("3,2"); }),
                HasSubstr("must be three numbers of zero or more for Autumn, Spring and Summer"));
    EXPECT_THAT(message_of([&] { services::parse_term_weights("0,0,0"); }), HasSubstr("e.g. 3,2,2"));
    EXPECT_THAT(message_of([&] { services::parse_term_weights("3,x,2"); }), HasSubstr("'3,x,2'"));
}

WAYMARK_ON_EVERY_DATABASE(targets_test);

}  // namespace
}  // namespace waymark
