#include "services/tracking/demo_tracking.hpp"

#include "services/tracking/judgements.hpp"
#include "tracking_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace waymark {
namespace {

using ::testing::ElementsAre;

class demo_tracking_test : public testing::tracking_test {};

const domain::date mid_march{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{20}};

TEST_P(demo_tracking_test, gives_last_summer_and_this_years_terms_so_far_leaving_year_4_to_enter_now) {
    add_year4(1, 3, "4A");
    const auto made = services::add_demo_tracking(db(), school_, *schemes_, mid_march);
    ASSERT_TRUE(made);
    EXPECT_THAT(made->assessments, ElementsAre("Summer 2025", "Autumn 2025", "Spring 2026"));
    // Three Year 4 pupils (Year 3 last summer): three subjects in two assessments; Spring waits for Year 4.
    EXPECT_EQ(made->judgements, 18U);
    const auto assessments = services::list_assessments(db().session(), school_.id);
    ASSERT_EQ(assessments.size(), 3U);
    std::map<std::string, std::size_t> cells_by_assessment;
    for (const auto &a : assessments) {
        for (const auto &cell : services::current_cells(db().session(), a, {}, "")) {
            EXPECT_THAT(cell.record.value, ::testing::AnyOf("B", "T", "OT", "D"));
            ++cells_by_assessment[a.name];
        }
    }
    EXPECT_EQ(cells_by_assessment["Summer 2025"], 9U);
    EXPECT_EQ(cells_by_assessment["Autumn 2025"], 9U);
    EXPECT_EQ(cells_by_assessment["Spring 2026"], 0U);
}

TEST_P(demo_tracking_test, leaves_a_school_that_already_has_assessments_alone) {
    add_year4(1, 3, "4A");
    ASSERT_TRUE(services::add_demo_tracking(db(), school_, *schemes_, mid_march));
    EXPECT_FALSE(services::add_demo_tracking(db(), school_, *schemes_, mid_march));
    EXPECT_EQ(services::list_assessments(db().session(), school_.id).size(), 3U);
}

TEST_P(demo_tracking_test, in_the_autumn_term_the_autumn_assessment_is_dated_no_later_than_today) {
    add_year4(1, 3, "4A");
    const domain::date early_october{std::chrono::year{2025}, std::chrono::month{10}, std::chrono::day{6}};
    const auto made = services::add_demo_tracking(db(), school_, *schemes_, early_october);
    ASSERT_TRUE(made);
    EXPECT_THAT(made->assessments, ElementsAre("Summer 2025", "Autumn 2025"));
    for (const auto &a : services::list_assessments(db().session(), school_.id)) EXPECT_LE(a.assessed_on, early_october);
}

WAYMARK_ON_EVERY_DATABASE(demo_tracking_test);

}  // namespace
}  // namespace waymark
