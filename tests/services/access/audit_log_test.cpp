// The audit log on SQLite and PostgreSQL: entries read back newest first, by period and user, and
// over-long texts cut rather than refused.
#include "user_fixture.hpp"

#include "services/access/audit_log.hpp"

#include <gtest/gtest.h>

namespace waymark::testing {
namespace {

class audit_log_test : public user_test {};

TEST_P(audit_log_test, entries_are_read_back_newest_first_by_period_and_user) {
    services::record_audit(db(), {"2026-02-09T15:00:00Z", "head", "10.0.0.5", "PUT", "/api/v1/schools/8012000/targets", 200, ""});
    services::record_audit(db(), {"2026-02-10T09:00:00Z", "teacher4", "10.0.0.6", "POST", "/api/v1/x", 403,
                                  "You teach 4B; Amy Bell is in 5A."});
    services::record_audit(db(), {"2026-02-10T10:00:00Z", "ann", "cli", "users add", "teacher4", 200, "teacher"});
    auto all = services::read_audit(db().session(), {});
    ASSERT_EQ(all.size(), 3U);
    EXPECT_EQ(all[0].user, "ann");
    EXPECT_EQ(all[1].summary, "You teach 4B; Amy Bell is in 5A.");
    EXPECT_EQ(all[1].status, 403);
    EXPECT_EQ(all[2].path, "/api/v1/schools/8012000/targets");
    EXPECT_EQ(services::read_audit(db().session(), {"2026-02-10", std::nullopt, std::nullopt}).size(), 2U);
    EXPECT_EQ(services::read_audit(db().session(), {std::nullopt, "2026-02-09", std::nullopt}).size(), 1U);
    const auto teacher = services::read_audit(db().session(), {std::nullopt, std::nullopt, "teacher4"});
    ASSERT_EQ(teacher.size(), 1U);
    EXPECT_EQ(teacher[0].address, "10.0.0.6");
}

TEST_P(audit_log_test, over_long_texts_are_cut_not_refused) {
    services::record_audit(db(), {"2026-02-10T09:00:00Z", "head", "10.0.0.5", "POST", "/" + std::string(600, 'p'), 422,
                                  std::string(1500, 's')});
    const auto entries = services::read_audit(db().session(), {});
    ASSERT_EQ(entries.size(), 1U);
    EXPECT_EQ(entries[0].path.size(), 500U);
    EXPECT_EQ(entries[0].summary.size(), 1000U);
}

WAYMARK_ON_EVERY_DATABASE(audit_log_test);

}  // namespace
}  // namespace waymark::testing
