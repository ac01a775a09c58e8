// Twelve signed-in teachers saving overlapping cells of the same two class grids for eight seconds
// through a real `waymark serve`, on each database (concurrent_editors.hpp): no save answered 200 is
// lost or follows a record its teacher did not see, every 409 names the other teacher's record, no
// other answer, and the audit log counts what the teachers did. Never times.
#include "concurrent_editors.hpp"

#include <gtest/gtest.h>

namespace {

class concurrent_editors : public waymark::testing::database_test {};

TEST_P(concurrent_editors, overlapping_saves_lose_nothing_and_agree_with_the_audit_log) {
    const auto outcome = waymark::testing::run_crowd(migrated_db(), {12, std::chrono::seconds(8), 20});
    constexpr std::size_t shown = 20;
    for (std::size_t i = 0; i < std::min(shown, outcome.violations.size()); ++i) ADD_FAILURE() << outcome.violations[i];
    EXPECT_EQ(outcome.violations.size(), 0U) << "(the first " << shown << " are listed above)";
    // The run did what it is for: saves went through and teachers collided.
    EXPECT_GT(outcome.saves_ok, 0);
    EXPECT_GT(outcome.conflicts, 0);
    EXPECT_EQ(outcome.history_records, outcome.cells_saved);
    EXPECT_EQ(outcome.server_errors(), 0);
}

WAYMARK_ON_EVERY_DATABASE(concurrent_editors);

}  // namespace
