// `waymark backup` taken while teachers go on saving through a real `waymark serve` (issue 14, item 4),
// on each database: four signed-in teachers save grid cells (concurrent_editors.hpp) while `waymark
// backup --out` runs as a process of its own; the backup is then put into a fresh data folder (SQLite)
// or a fresh database on the test server (PostgreSQL) by `waymark restore`, and read back. Every save
// answered 200 before the backup began is there with the value sent, no save sent after it ended is,
// every save is there whole or not at all, and each cell's history is one unbroken chain.
#include "concurrent_editors.hpp"

#include <Poco/StreamCopier.h>

#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

namespace waymark::testing {
namespace {

using crowd::clock;

struct finished_process {
    int status = 0;
    std::string printed;  // standard output and error together
};

finished_process run_waymark(const std::vector<std::string> &arguments) {
    Poco::Pipe output;
    auto process = Poco::Process::launch(WAYMARK_BINARY_DIR "/bin/waymark", arguments, nullptr, &output, &output);
    Poco::PipeInputStream printed(output);
    std::ostringstream text;
    Poco::StreamCopier::copyStream(printed, text);
    return {process.wait(), text.str()};
}

class backup_while_saving : public database_test {
protected:
    void TearDown() override {
        restored_.reset();
        target_database_.reset();
        database_test::TearDown();
    }

    // `waymark restore FILE` into a new data folder, or a new PostgreSQL database holding this test's
    // schema; the restored database afterwards.
    finished_process restore(const std::filesystem::path &backup) {
        std::vector<std::string> words{"restore", backup.string()};
        if (on_postgresql()) {
            std::string schema;
            db().session() << "SELECT current_schema()", soci::into(schema);
            target_database_.emplace(admin(), schema);
            words.insert(words.end(), {"--db", target_database_->connection()});
        } else {
            words.insert(words.end(), {"--data-dir", (scratch_folder() / "restored").string()});
        }
        return run_waymark(words);
    }
    store::database &restored() {
        if (!restored_) {
            restored_.emplace(on_postgresql() ? target_database_->connection()
                                              : "DRIVER=SQLite3;Database=" + (scratch_folder() / "restored" / "waymark.db").string() + ";");
        }
        return *restored_;
    }

private:
    std::optional<scratch_database> target_database_;
    std::optional<store::database> restored_;
};

TEST_P(backup_while_saving, every_save_answered_before_the_backup_began_is_restored_and_none_is_half_there) {
    auto crowd_at = crowd::set_up_crowd_school(migrated_db(), 4);
    const auto backup = scratch_folder() / "waymark.backup";
    std::vector<crowd::teacher_log> logs(crowd_at.teachers.size());
    clock::time_point backup_began, backup_ended;
    finished_process backed_up;
    std::filesystem::create_directories(scratch_folder() / "served");
    {
        crowd::served_process server(connection(), scratch_folder() / "served");
        const uint16_t port = server.port();
        ASSERT_NE(port, 0) << "waymark serve did not start";
        for (auto &teacher : crowd_at.teachers) {
            teacher.client = std::make_unique<api_client>(port);
            ASSERT_EQ(crowd::sign_in(teacher), "");
        }
        // The teachers save without pausing for long enough that the backup starts and ends among
        // their saves; the backup waits until each has been answered at least once.
        const auto deadline = clock::now() + std::chrono::seconds(4);
        std::vector<std::thread> editing;
        for (std::size_t t = 0; t < crowd_at.teachers.size(); ++t) {
            const std::string &class_name = crowd::classes[t % crowd::classes.size()];
            editing.emplace_back(crowd::edit_until, std::ref(crowd_at.teachers[t]),
                                 crowd_at.assessment_path() + "/grid?class=" + class_name, crowd_at.assessment_path() + "/judgements",
                                 std::cref(crowd_at.upns_of.at(class_name)), 0, deadline, static_cast<unsigned>(t + 1),
                                 std::ref(logs[t]));
        }
        std::this_thread::sleep_for(std::chrono::seconds(1));
        backup_began = clock::now();
        backed_up = run_waymark({"backup", "--out", backup.string(), "--db", connection()});
        backup_ended = clock::now();
        for (auto &thread : editing) thread.join();
        EXPECT_EQ(server.stop(), 0);
    }
    ASSERT_EQ(backed_up.status, 0) << backed_up.printed;
    const auto restored_now = restore(backup);
    ASSERT_EQ(restored_now.status, 0) << restored_now.printed;
    EXPECT_EQ(store::schema_version(restored()), store::latest_schema_version());

    std::vector<std::string> violations;
    const auto history = crowd::judgement_histories(restored().session(), crowd_at, violations);
    // The saves answered 200, each as its records, by teacher and the instant it was answered.
    std::map<std::tuple<std::string, clock::time_point>, std::vector<crowd::saved_record>> saves;
    for (const auto &log : logs) {
        violations.insert(violations.end(), log.violations.begin(), log.violations.end());
        for (const auto &record : log.saved) saves[{record.teacher, record.answered_at}].push_back(record);
    }
    int before = 0, during = 0, after = 0, restored_records = 0;
    for (const auto &[save, records] : saves) {
        std::size_t present = 0;
        for (const auto &record : records) {
            const auto found = history.find(record.id);
            if (found == history.end()) continue;
            ++present;
            if (found->second.value != record.sent.value || found->second.recorded_by != record.teacher)
                violations.push_back("Record " + std::to_string(record.id) + " came back as " + found->second.recorded_by + "'s " +
                                     found->second.value + ", not " + record.teacher + "'s " + record.sent.value + ".");
        }
        restored_records += static_cast<int>(present);
        const auto &first = records.front();
        const std::string what = "A save of " + std::to_string(records.size()) + " cells by " + first.teacher;
        if (present != 0 && present != records.size())
            violations.push_back(what + " came back with only " + std::to_string(present) + " of them: half a save.");
        if (first.answered_at < backup_began) {
            ++before;
            if (present != records.size()) violations.push_back(what + ", answered before the backup began, is missing.");
        } else if (first.sent_at > backup_ended) {
            ++after;
            if (present != 0) violations.push_back(what + ", sent after the backup ended, is in it.");
        } else if (first.sent_at < backup_ended && first.answered_at > backup_began) {
            ++during;
        }
    }
    if (static_cast<std::size_t>(restored_records) != history.size())
        violations.push_back("The restored database holds " + std::to_string(history.size()) + " judgement records, but only " +
                             std::to_string(restored_records) + " of them were answered 200.");
    for (const auto &violation : violations) ADD_FAILURE() << violation;
    std::cout << "Saves answered 200: " << before << " before the backup began, " << during << " while it ran, " << after
              << " sent after it ended; " << restored_records << " judgement records restored.\n";
    // The backup really ran among the saves: some answered before it, some sent while it ran.
    EXPECT_GT(before, 0);
    EXPECT_GT(during, 0) << "no save was under way while the backup ran (" << before << " before, " << after << " after)";
}

WAYMARK_ON_EVERY_DATABASE(backup_while_saving);

}  // namespace
}  // namespace waymark::testing
