// `waymark backup` and `waymark restore` on both real databases: a PostgreSQL backup goes into a new
// database of its own on the test server (pg_dump and pg_restore really run).
#include "cli_runner.hpp"
#include "database_fixture.hpp"

#include <gmock/gmock.h>

#include <fstream>

namespace {

using waymark::testing::run_cli;
using ::testing::HasSubstr;

class backup_test : public waymark::testing::database_test {
protected:
    void TearDown() override {
        target_.reset();
        target_database_.reset();
        database_test::TearDown();
    }

    std::string backup_file() { return (scratch_folder() / "backup").string(); }

    // Where a restore goes: a new data folder, or a new PostgreSQL database holding this test's
    // schema (the one the backup's tables come from).
    std::vector<std::string> restore_target() {
        if (!on_postgresql()) return {"--data-dir", (scratch_folder() / "restored").string()};
        if (!target_database_) {
            std::string schema;
            db().session() << "SELECT current_schema()", soci::into(schema);
            target_database_.emplace(admin(), schema);
        }
        return {"--db", target_database_->connection()};
    }

    waymark::store::database &restored() {
        if (!target_) {
            target_.emplace(on_postgresql() ? target_database_->connection()
                                            : "DRIVER=SQLite3;Database=" + (scratch_folder() / "restored" / "waymark.db").string() + ";");
        }
        return *target_;
    }

    waymark::testing::cli_result restore() {
        std::vector<std::string> words{"restore", backup_file()};
        const auto target = restore_target();
        words.insert(words.end(), target.begin(), target.end());
        return run_cli(words);
    }

    int count(waymark::store::database &in, const std::string &sql) {
        int n = 0;
        in.session() << sql, soci::into(n);
        return n;
    }

private:
    std::optional<waymark::testing::scratch_database> target_database_;
    std::optional<waymark::store::database> target_;
};

TEST_P(backup_test, a_restored_backup_holds_the_same_rows) {
    migrated_db().session() << "INSERT INTO wm_schools (la_number, establishment_number, name, current_academic_year) "
                               "VALUES ('801', '2000', 'Backup Primary', 2026)";
    const auto backed_up = run_cli({"backup", "--out", backup_file(), "--db", connection()});
    ASSERT_EQ(backed_up.status, 0) << backed_up.err;
    EXPECT_THAT(backed_up.out, HasSubstr("(Waymark schema version " + std::to_string(waymark::store::latest_schema_version()) + ")"));
    const auto restored_now = restore();
    ASSERT_EQ(restored_now.status, 0) << restored_now.err;
    EXPECT_EQ(count(restored(), "SELECT CAST(COUNT(*) AS INTEGER) FROM wm_schools WHERE name = 'Backup Primary'"), 1);
    EXPECT_EQ(count(restored(), "SELECT CAST(COUNT(*) AS INTEGER) FROM wm_subjects"), 18);
    EXPECT_EQ(waymark::store::schema_version(restored()), waymark::store::latest_schema_version());
    if (!on_postgresql()) {
        std::string integrity;
        restored().session() << "PRAGMA integrity_check", soci::into(integrity);
        EXPECT_EQ(integrity, "ok");
    }
}

TEST_P(backup_test, an_older_backup_is_migrated_after_restoring) {
    // A database as the previous waymark left it: without the latest migration.
    migrated_db().session() << "DROP TABLE wm_school_subjects";
    db().session() << "DELETE FROM wm_schema_version WHERE version = " + std::to_string(waymark::store::latest_schema_version());
    ASSERT_EQ(run_cli({"backup", "--out", backup_file(), "--db", connection()}).status, 0);
    const auto restored_now = restore();
    ASSERT_EQ(restored_now.status, 0) << restored_now.err;
    EXPECT_THAT(restored_now.out, HasSubstr("(migrated from " + std::to_string(waymark::store::latest_schema_version() - 1) + ")"));
    EXPECT_EQ(count(restored(), "SELECT CAST(COUNT(*) AS INTEGER) FROM wm_school_subjects"), 0);
}

TEST_P(backup_test, a_newer_backup_is_refused_naming_both_versions_and_changing_nothing) {
    migrated_db().session() << "INSERT INTO wm_schema_version (version, description, applied_at) VALUES (99, 'x', 'y')";
    ASSERT_EQ(run_cli({"backup", "--out", backup_file(), "--db", connection()}).status, 0);
    const auto refused = restore();
    EXPECT_EQ(refused.status, 1);
    EXPECT_THAT(refused.err, HasSubstr("is a backup of Waymark schema version 99, newer than this waymark, which knows versions up to " +
                                       std::to_string(waymark::store::latest_schema_version())));
    if (on_postgresql()) {
        EXPECT_EQ(count(restored(), "SELECT CAST(COUNT(*) AS INTEGER) FROM information_schema.tables WHERE table_schema = current_schema()"), 0);
    } else {
        EXPECT_FALSE(std::filesystem::exists(scratch_folder() / "restored"));
    }
}

TEST_P(backup_test, a_target_holding_a_waymark_database_is_refused) {
    migrated_db();
    ASSERT_EQ(run_cli({"backup", "--out", backup_file(), "--db", connection()}).status, 0);
    ASSERT_EQ(restore().status, 0);
    const auto again = restore();
    EXPECT_EQ(again.status, 1);
    EXPECT_THAT(again.err, HasSubstr("already holds a Waymark database"));
}

TEST_P(backup_test, an_existing_out_file_is_refused) {
    migrated_db();
    std::ofstream(backup_file()) << "kept";
    const auto refused = run_cli({"backup", "--out", backup_file(), "--db", connection()});
    EXPECT_EQ(refused.status, 1);
    EXPECT_THAT(refused.err, HasSubstr("already exists"));
}

TEST_P(backup_test, a_file_that_is_no_waymark_backup_is_refused) {
    std::ofstream(backup_file()) << "upn,surname\n";
    const auto refused = restore();
    EXPECT_EQ(refused.status, 1);
    EXPECT_THAT(refused.err, HasSubstr("is not a Waymark backup"));
}

WAYMARK_ON_EVERY_DATABASE(backup_test);

}  // namespace
