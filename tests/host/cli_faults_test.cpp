// The `waymark` commands that write, each with its PostgreSQL server stopped as a power cut would
// (`pg_ctl stop -m immediate`) while the command's transaction is part-way through, then started
// again: the command fails with the store's one sentence about the lost connection, no wm_ table
// holds any of the half-made change, and the same command run again succeeds. The server is one of
// the test's own (tests/store/private_postgres.hpp), never the shared test server.
#include "cli_runner.hpp"
#include "private_postgres.hpp"
#include "sample_pupils.hpp"
#include "statutory_cohort.hpp"
#include "target_fixture.hpp"

#include "store/migrations.hpp"
#include "store/pupils.hpp"
#include "store/schools.hpp"

#include <gmock/gmock.h>

#include <fstream>
#include <future>

namespace waymark::testing {
namespace {

using ::testing::HasSubstr;

const store::school brookside{0, "801", "2000", "", "Brookside Primary", "PR1 8XJ", {2025}};

class cli_faults_test : public ::testing::Test {
protected:
    void SetUp() override {
        if (!test_postgres()) {
            skip_without_postgres();
            return;
        }
        server_.emplace();
        store::migrate(server_->admin());
    }

    // The command line with the private server as its database.
    cli_result run(std::vector<std::string> words) {
        words.insert(words.end(), {"--db", server_->connection()});
        return run_cli(std::move(words));
    }

    // Runs the command on another thread with the `nth` row inserted into `table` held inside its
    // statement, crashes the server while it is held and starts it again; checks that every wm_
    // table is as it was before, and gives what the command printed.
    cli_result run_through_a_crash(const std::vector<std::string> &words, const std::string &table, int nth) {
        const auto before = server_->snapshot();
        EXPECT_TRUE(before.contains("wm_pupils")) << "the snapshot reads the wm_ tables";
        server_->hold_row(table, nth);
        auto command = std::async(std::launch::async, [&] { return run(words); });
        // Polled in short steps so a command that never reaches the hold fails at once, not after the limit.
        bool held = false;
        while (!held && command.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
            held = server_->wait_until_held(std::chrono::seconds(1));
        if (!held) {
            const auto finished = command.get();
            ADD_FAILURE() << "`waymark " << words.front() << "` finished before row " << nth << " of " << table
                          << " was inserted (status " << finished.status << "): " << finished.out << finished.err;
            return finished;
        }
        server_->crash();
        const auto result = command.get();
        server_->resume();
        server_->release();
        const auto after = server_->snapshot();
        EXPECT_EQ(after.size(), before.size()) << "the wm_ tables are the same ones";
        for (const auto &[name, rows] : before) {
            const auto now = after.find(name);
            EXPECT_EQ(now == after.end() ? std::vector<std::string>{} : now->second, rows) << name << " kept part of the change";
        }
        return result;
    }

    // The command through a crash, which must end it with the store's sentence about the connection
    // lost while `while_doing` and nothing else, then the same command again, which must succeed:
    // gives what the second run printed.
    cli_result crashed_then_run_again(const std::vector<std::string> &words, const std::string &table, int nth,
                                      const std::string &while_doing) {
        const auto failed = run_through_a_crash(words, table, nth);
        EXPECT_EQ(failed.status, 1);
        EXPECT_EQ(failed.err, "waymark " + words.front() + ": The database connection was lost while " + while_doing +
                                  "; nothing was saved. Check that the database server is running and reachable, then "
                                  "try again: Waymark reconnects by itself.\n");
        const auto again = run(words);
        EXPECT_EQ(again.status, 0) << again.err;
        return again;
    }

    long long rows_of(const std::string &table) {
        long long counted = 0;
        server_->admin().session() << "SELECT CAST(COUNT(*) AS BIGINT) FROM " + table, soci::into(counted);
        return counted;
    }

    store::school add_school(const store::school &details, const std::vector<domain::pupil> &pupils) {
        return server_->admin().transaction("adding a test school", [&](soci::session &session) {
            const auto stored = store::find_or_create_school(session, details);
            if (!pupils.empty()) store::insert_pupils(session, stored.id, pupils);
            return stored;
        });
    }

    std::string write_file(const std::string &name, const std::string &text) {
        const auto path = std::filesystem::temp_directory_path() / (unique_test_name() + "_" + name);
        std::ofstream(path, std::ios::binary) << text;
        written_.push_back(path);
        return path.string();
    }

    void TearDown() override {
        for (const auto &path : written_) std::filesystem::remove(path);
    }

    std::optional<private_postgres> server_;

private:
    std::vector<std::filesystem::path> written_;
};

// The demo MIS's pupils and their statutory results: the crash lands among the EYFSP results, after
// every pupil was inserted.
TEST_F(cli_faults_test, sync_from_the_mis) {
    const auto demo = run({"demo", "--pupils-per-school", "28", "--as-of", "2026-11-22"});
    ASSERT_EQ(demo.status, 0) << demo.err;
    const std::vector<std::string> sync{"sync", "--as-of", "2026-11-22"};

    const auto again = crashed_then_run_again(sync, "wm_eyfsp_results", 2, "importing pupils from the MIS");
    EXPECT_THAT(again.out, HasSubstr("Applied in one transaction.\n"));
    EXPECT_EQ(rows_of("wm_pupils WHERE archived = 0"), 28);
    EXPECT_GT(rows_of("wm_eyfsp_results"), 0);
}

// The school's year and the pupils' year overrides are updated before the rollover is recorded,
// where the crash lands.
TEST_F(cli_faults_test, rollover) {
    add_school(sample_school(), sample_pupils(12));
    const std::vector<std::string> rollover{"rollover", "--to", "2026/2027"};

    const auto again = crashed_then_run_again(rollover, "wm_rollovers", 1, "rolling the school over to 2026/2027");
    EXPECT_THAT(again.out, HasSubstr("over from 2025/2026 to 2026/2027: 12 pupils on roll moved up"));
    EXPECT_EQ(rows_of("wm_rollovers"), 1);
    EXPECT_EQ(rows_of("wm_schools WHERE current_academic_year = 2026"), 1);
}

// Year 1's phonics results submitted with the declaration: the school row is taken for the turn
// before the submission is recorded, where the crash lands.
TEST_F(cli_faults_test, statutory_submission) {
    const statutory_cohort cohort;
    add_school(brookside, cohort.pupils);
    const auto recorded = run({"statutory", "set", "phonics", cohort.upns.at("Yusuf") + "=37", cohort.upns.at("Yara") + "=A"});
    ASSERT_EQ(recorded.status, 0) << recorded.err;
    const std::vector<std::string> submit{"statutory", "submit", "phonics-y1", "--accept-declaration", "--as", "mrs.patel"};

    const auto again =
        crashed_then_run_again(submit, "wm_statutory_submissions", 1, "submitting the Year 1 phonics results of 2025/2026");
    EXPECT_THAT(again.out, HasSubstr("Submitted the Year 1 phonics results of 2025/2026 (2 pupils) as mrs.patel"));
    EXPECT_EQ(rows_of("wm_statutory_submissions"), 1);
}

// A targets CSV of three Year 4 pupils' maths targets: the crash lands on the second target's row.
TEST_F(cli_faults_test, targets_csv_import) {
    std::vector<domain::pupil> year4;
    for (int serial = 1; serial <= 3; ++serial) year4.push_back(year4_pupil(serial, "4A"));
    add_school(brookside, year4);
    const auto assessment = run({"assessments", "create", "Spring 1", "--date", "2026-02-10", "--years", "4", "--schemes",
                                 "maths=" + app_sublevels});
    ASSERT_EQ(assessment.status, 0) << assessment.err;
    std::string csv = "UPN,subject,horizon,grade\n";
    for (int serial = 1; serial <= 3; ++serial) csv += test_upn(serial) + ",maths,end_of_key_stage,4b\n";
    const std::vector<std::string> import{"targets", "import", write_file("targets.csv", csv), "--as", "mr.patel"};

    const auto again = crashed_then_run_again(import, "wm_targets", 2, "setting targets");
    EXPECT_EQ(again.out, "Imported 3 targets.\n");
    EXPECT_EQ(rows_of("wm_targets"), 3);
}

// A pupils CSV of three: the crash lands on the second pupil's row.
TEST_F(cli_faults_test, pupils_csv_import) {
    add_school(brookside, {});
    std::string csv = "UPN,Surname,Forename,DOB,Gender,Postcode,FSM,Ethnic code,EAL,SEN,LA reference\n";
    for (int serial = 1; serial <= 3; ++serial) csv += sample_upn(serial) + ",Smith,Amy,05/03/2019,F,UNKNOWN,,WBRI,,,\n";
    const std::vector<std::string> import{"import", "pupils", write_file("pupils.csv", csv)};

    const auto again = crashed_then_run_again(import, "wm_pupils", 2, "adding the uploaded pupils");
    EXPECT_EQ(again.out, "Added 3 pupils to Brookside Primary.\n");
    EXPECT_EQ(rows_of("wm_pupils"), 3);
}

}  // namespace
}  // namespace waymark::testing
