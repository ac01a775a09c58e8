#include "cli_runner.hpp"
#include "database_fixture.hpp"

#include <Poco/Process.h>
#include <gmock/gmock.h>

#include <vector>

namespace {

using waymark::testing::run_cli;
using ::testing::HasSubstr;

class migrate_command_test : public waymark::testing::database_test {};

TEST_P(migrate_command_test, creates_the_tables_then_has_nothing_to_do) {
    const auto first = run_cli({"migrate", "--db", connection()});
    EXPECT_EQ(first.status, 0) << first.err;
    EXPECT_THAT(first.out, HasSubstr("are now at schema version " + std::to_string(waymark::store::latest_schema_version()) +
                                     " (they were at 0)"));
    const auto second = run_cli({"--db", connection(), "migrate"});
    EXPECT_EQ(second.status, 0) << second.err;
    EXPECT_THAT(second.out, HasSubstr("already at schema version"));
}

TEST_P(migrate_command_test, a_newer_schema_is_refused_with_status_1) {
    waymark::store::migrate(db());
    db().session() << "INSERT INTO wm_schema_version (version, description, applied_at) VALUES (99, 'x', 'y')";
    const auto result = run_cli({"migrate", "--db", connection()});
    EXPECT_EQ(result.status, 1);
    EXPECT_THAT(result.err, HasSubstr("schema is version 99"));
}

// An upgrade starting two `waymark serve` at once (or an installer's migrate beside a server): real
// processes, started together on one empty database, each finish and every migration is applied once.
TEST_P(migrate_command_test, processes_migrating_at_once_apply_each_migration_once) {
    constexpr int processes = 6;
    std::vector<Poco::ProcessHandle> started;
    for (int i = 0; i < processes; ++i) {
        started.push_back(Poco::Process::launch(WAYMARK_BINARY_DIR "/bin/waymark", {"migrate", "--db", connection()}));
    }
    for (auto &process : started) EXPECT_EQ(process.wait(), 0);
    std::vector<int> versions(100);
    std::vector<int> times(100);
    db().session() << "SELECT version, CAST(COUNT(*) AS INTEGER) FROM wm_schema_version GROUP BY version ORDER BY version",
        soci::into(versions), soci::into(times);
    std::vector<int> every_version;
    for (int v = 1; v <= waymark::store::latest_schema_version(); ++v) every_version.push_back(v);
    EXPECT_EQ(versions, every_version);
    EXPECT_THAT(times, ::testing::Each(1));
}

TEST(migrate_command_embedded_test, makes_the_embedded_file_in_the_data_folder) {
    const auto folder = std::filesystem::temp_directory_path() / waymark::testing::unique_test_name();
    const auto result = run_cli({"migrate", "--data-dir", folder.string()});
    EXPECT_EQ(result.status, 0) << result.err;
    EXPECT_TRUE(std::filesystem::exists(folder / "waymark.db"));
    std::filesystem::remove_all(folder);
}

WAYMARK_ON_EVERY_DATABASE(migrate_command_test);

}  // namespace
