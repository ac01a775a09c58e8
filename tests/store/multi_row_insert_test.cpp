#include "database_fixture.hpp"
#include "store/multi_row_insert.hpp"

#include <gtest/gtest.h>

namespace {

using namespace waymark;

class multi_row_insert_test : public waymark::testing::database_test {
protected:
    void SetUp() override {
        waymark::testing::database_test::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        db().session() << "CREATE TABLE wm_rows (id BIGINT NOT NULL PRIMARY KEY, tally INTEGER, label VARCHAR(20) NOT NULL)";
    }

    // Rows 1..count, every third tally NULL, written in one call.
    void insert(std::size_t count, const std::string &tail = "") {
        std::vector<long long> ids;
        std::vector<int> tallies;
        std::vector<soci::indicator> present;
        std::vector<std::string> labels;
        for (std::size_t row = 1; row <= count; ++row) {
            ids.push_back(static_cast<long long>(row));
            tallies.push_back(static_cast<int>(row * 10));
            present.push_back(row % 3 == 0 ? soci::i_null : soci::i_ok);
            labels.push_back("row " + std::to_string(row));
        }
        db().transaction("inserting rows", [&](soci::session &session) {
            store::insert_rows(session, "INSERT INTO wm_rows (id, tally, label)", tail,
                               {{"id", std::move(ids), {}}, {"tally", std::move(tallies), std::move(present)},
                                {"label", std::move(labels), {}}},
                               count);
        });
    }

    long long count_where(const std::string &condition) {
        long long count = 0;
        db().session() << "SELECT CAST(COUNT(*) AS BIGINT) FROM wm_rows WHERE " + condition, soci::into(count);
        return count;
    }
};

// Around the 64 rows a statement carries: none, fewer, exactly, one over, and several statements.
TEST_P(multi_row_insert_test, writes_every_row_with_its_nulls_whatever_the_count) {
    for (const std::size_t count : {0u, 1u, 63u, 64u, 65u, 200u}) {
        db().session() << "DELETE FROM wm_rows";
        insert(count);
        EXPECT_EQ(count_where("1 = 1"), static_cast<long long>(count)) << count;
        EXPECT_EQ(count_where("tally IS NULL"), static_cast<long long>(count / 3)) << count;
        EXPECT_EQ(count_where("tally = id * 10 AND label = 'row ' || CAST(id AS VARCHAR(10))"),
                  static_cast<long long>(count - count / 3))
            << count;
    }
}

TEST_P(multi_row_insert_test, takes_an_on_conflict_tail_and_rolls_back_with_its_transaction) {
    insert(70);
    insert(130, "ON CONFLICT (id) DO UPDATE SET label = 'again'");
    EXPECT_EQ(count_where("1 = 1"), 130);
    EXPECT_EQ(count_where("label = 'again'"), 70);
    EXPECT_ANY_THROW(insert(140));  // ids 1..130 are taken: the whole call changes nothing
    EXPECT_EQ(count_where("1 = 1"), 130);
}

WAYMARK_ON_EVERY_DATABASE(multi_row_insert_test);

}  // namespace
