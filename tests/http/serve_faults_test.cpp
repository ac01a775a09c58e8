// `waymark serve` when its database fails under it (issue 18, item 3), with real components only:
//   - PostgreSQL stopped as a power cut would (`pg_ctl stop -m immediate`) while a grid save of a
//     whole class, or a CSV import, is half-written: the request is refused (503) in one sentence,
//     so is any request while the server is down, nothing of the change is there once the server is
//     back, and the same request then works on the same `waymark serve`, which was never restarted;
//     and a server restarted while nobody asked costs no request at all;
//   - SQLite with `waymark serve` killed (SIGKILL) while teachers save: reopened, every save
//     answered 200 is there, and nothing else but whole saves that were still unanswered.
#include "concurrent_editors.hpp"
#include "private_postgres.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <signal.h>

#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace waymark::testing {
namespace {

using ::testing::HasSubstr;

// A change of every cell of class 4A's three subjects to `value`, as the grid sends it for cells
// nobody has judged yet: 30 records, written in one transaction.
std::string whole_class_save(const crowd::crowd_school &at, const std::string &value) {
    std::string changes;
    for (const auto &upn : at.upns_of.at("4A"))
        for (const auto &subject : crowd::subjects)
            changes += std::string(changes.empty() ? "" : ",") + R"({"upn": ")" + upn + R"(", "subject": ")" + subject +
                       R"(", "value": ")" + value + R"(", "seen": 0})";
    return R"({"changes": [)" + changes + "]}";
}

// The same 30 judgements as an import file.
std::string whole_class_csv(const crowd::crowd_school &at, const std::string &value) {
    std::string csv = "UPN,subject,value\n";
    for (const auto &upn : at.upns_of.at("4A"))
        for (const auto &subject : crowd::subjects) csv += upn + "," + subject + "," + value + "\n";
    return csv;
}

// A server of the test's own, the crowd's school with its leader signed in, and `waymark serve` on it.
class serve_on_a_failing_postgresql : public ::testing::Test {
protected:
    void SetUp() override {
        if (!test_postgres()) {
            skip_without_postgres();
            return;
        }
        server_.emplace();
        {
            store::database db(server_->connection());
            store::migrate(db);
            school_ = crowd::set_up_crowd_school(db, 1);
            // Importing a file is a leader's, so the one user signed in here leads the school.
            school_.teachers.front().made = services::add_user(db, {"head", "", domain::user_role::leader, "8012000", {}, {}},
                                                                store::utc_timestamp_now());
        }
        folder_ = std::filesystem::temp_directory_path() / unique_test_name();
        std::filesystem::create_directories(folder_);
        served_.emplace(server_->connection(), folder_);
        const uint16_t port = served_->port();
        ASSERT_NE(port, 0) << "waymark serve did not start";
        teacher().client = std::make_unique<api_client>(port);
        ASSERT_EQ(crowd::sign_in(teacher()), "");
    }
    void TearDown() override {
        served_.reset();
        server_.reset();
        if (!folder_.empty()) std::filesystem::remove_all(folder_);
    }

    crowd::signed_in_teacher &teacher() { return school_.teachers.front(); }
    std::string grid_path() const { return school_.assessment_path() + "/grid?class=4A"; }

    // Sends the request on a thread of its own, holds its 15th judgement record in the server until
    // the crash, and gives the answer; the snapshot of every table but the sessions' last-seen times
    // must be as before, the audit log included (a change the database never took is not logged
    // as made).
    api_reply crash_during(const std::string &path, const std::string &body, const std::string &content_type) {
        before_ = server_->snapshot({"wm_sessions"});
        server_->hold_row("wm_assessment_records", 15);
        std::optional<api_reply> answer;
        std::string failure;
        std::thread sending([&] {
            try {
                answer = teacher().client->send("POST", path, body, content_type);
            } catch (const std::exception &error) {
                failure = error.what();
            }
        });
        const bool held = server_->wait_until_held();
        server_->crash();
        sending.join();
        EXPECT_TRUE(held) << "the change never reached its 15th record";
        EXPECT_EQ(failure, "") << "the request got no answer";
        return answer.value_or(api_reply{});
    }

    // With the database down, any request is refused in a sentence, at once; then the server comes
    // back and nothing of the cut change is there.
    void expect_refused_while_down_then_nothing_kept() {
        const auto down = teacher().client->get(grid_path());
        EXPECT_EQ(down.status, 503) << down.body;
        if (down.status == 503) {
            EXPECT_EQ(down.json()->getValue<std::string>("error"), "database_unavailable");
        }
        server_->resume();
        server_->release();
        EXPECT_EQ(server_->snapshot({"wm_sessions"}), before_) << "part of the cut change is in the database";
    }

    // The grid's 30 cells of 4A all hold `value` (same session, same `waymark serve`).
    void expect_whole_class_judged(const std::string &value) {
        const auto grid = teacher().client->get(grid_path());
        ASSERT_EQ(grid.status, 200) << grid.body;
        EXPECT_EQ(crowd::record_ids_of(grid).size(), 30u);
        int judged = 0;
        store::database db(server_->connection());
        db.session() << "SELECT count(*) FROM wm_assessment_records WHERE value = :v", soci::use(value), soci::into(judged);
        EXPECT_EQ(judged, 30);
    }

    std::optional<private_postgres> server_;
    crowd::crowd_school school_;
    std::filesystem::path folder_;
    std::optional<crowd::served_process> served_;
    private_postgres::table_rows before_;
};

TEST_F(serve_on_a_failing_postgresql, a_grid_save_cut_by_a_crash_is_refused_whole_and_the_same_save_then_works) {
    const std::string save = school_.assessment_path() + "/judgements";
    const auto cut = crash_during(save, whole_class_save(school_, "OT"), "application/json");
    ASSERT_EQ(cut.status, 503) << cut.body;
    EXPECT_EQ(cut.json()->getValue<std::string>("error"), "database_unavailable");
    EXPECT_THAT(cut.json()->getValue<std::string>("message"), HasSubstr("nothing was saved"));
    expect_refused_while_down_then_nothing_kept();

    const auto again = teacher().client->post(save, whole_class_save(school_, "OT"));
    ASSERT_EQ(again.status, 200) << again.body;
    expect_whole_class_judged("OT");
}

TEST_F(serve_on_a_failing_postgresql, a_csv_import_cut_by_a_crash_is_refused_whole_and_the_same_file_then_imports) {
    const std::string import = school_.assessment_path() + "/judgements/import";
    const auto cut = crash_during(import, whole_class_csv(school_, "T"), "text/csv");
    ASSERT_EQ(cut.status, 503) << cut.body;
    EXPECT_EQ(cut.json()->getValue<std::string>("error"), "database_unavailable");
    expect_refused_while_down_then_nothing_kept();

    const auto again = teacher().client->send("POST", import, whole_class_csv(school_, "T"), "text/csv");
    ASSERT_EQ(again.status, 200) << again.body;
    expect_whole_class_judged("T");
}

TEST_F(serve_on_a_failing_postgresql, a_server_restarted_while_nobody_asked_costs_no_request) {
    ASSERT_EQ(teacher().client->get(grid_path()).status, 200);
    server_->crash();
    server_->resume();
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // past the pool's idle check
    const auto grid = teacher().client->get(grid_path());
    EXPECT_EQ(grid.status, 200) << grid.body;
}

// SIGKILL leaves no time to finish anything: what SQLite committed is all there is.
TEST(serve_killed_on_sqlite, every_save_answered_200_is_there_after_reopening_and_nothing_half_saved) {
    const auto folder = std::filesystem::temp_directory_path() / unique_test_name();
    std::filesystem::create_directories(folder / "served");
    const std::string connection = "DRIVER=SQLite3;Database=" + (folder / "waymark.db").string() + ";";
    crowd::crowd_school school;
    {
        store::database db(connection);
        store::migrate(db);
        school = crowd::set_up_crowd_school(db, 5);
    }
    // Four teachers save until the kill; the fifth signs in afterwards (a code is taken once).
    auto latecomer = std::move(school.teachers.back());
    school.teachers.pop_back();
    std::vector<crowd::teacher_log> logs(school.teachers.size());
    {
        crowd::served_process served(connection, folder / "served");
        const uint16_t port = served.port();
        ASSERT_NE(port, 0) << "waymark serve did not start";
        for (auto &teacher : school.teachers) {
            teacher.client = std::make_unique<api_client>(port);
            ASSERT_EQ(crowd::sign_in(teacher), "");
        }
        // The teachers go on until well after the kill, so that it lands among their saves.
        const auto deadline = crowd::clock::now() + std::chrono::seconds(4);
        std::vector<std::thread> editing;
        for (std::size_t t = 0; t < school.teachers.size(); ++t) {
            const std::string &class_name = crowd::classes[t % crowd::classes.size()];
            editing.emplace_back(crowd::edit_until, std::ref(school.teachers[t]), school.assessment_path() + "/grid?class=" + class_name,
                                 school.assessment_path() + "/judgements", std::cref(school.upns_of.at(class_name)), 0, deadline,
                                 static_cast<unsigned>(t + 1), std::ref(logs[t]));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        EXPECT_NE(served.stop(SIGKILL), 0);
        for (auto &thread : editing) thread.join();
    }

    store::database reopened(connection);
    std::vector<std::string> violations;
    const auto history = crowd::judgement_histories(reopened.session(), school, violations);
    std::set<long long> answered;
    long long saves_ok = 0, unanswered_saves = 0, unanswered_kept = 0;
    for (const auto &log : logs) {
        saves_ok += log.saves_ok;
        for (const auto &record : log.saved) {
            answered.insert(record.id);
            const auto found = history.find(record.id);
            if (found == history.end() || found->second.value != record.sent.value || found->second.recorded_by != record.teacher)
                violations.push_back(record.teacher + "'s " + record.sent.value + " for " + record.sent.upn + "'s " + record.sent.subject +
                                     ", answered 200 as record " + std::to_string(record.id) + ", is not there as sent.");
        }
    }
    // Any other record is a cell of a save the kill left unanswered, and such a save is there whole or not at all.
    std::set<long long> accounted = answered;
    for (std::size_t t = 0; t < logs.size(); ++t) {
        const std::string &teacher = school.teachers[t].made.account.username;
        for (const auto &save : logs[t].unanswered) {
            ++unanswered_saves;
            std::size_t kept = 0;
            for (const auto &cell : save) {
                for (const auto &[id, record] : history) {
                    if (!accounted.contains(id) && record.recorded_by == teacher && record.cell.upn == cell.upn &&
                        record.cell.subject == cell.subject && record.value == cell.value && record.supersedes.value_or(0) == cell.seen) {
                        accounted.insert(id);
                        ++kept;
                        break;
                    }
                }
            }
            if (kept != 0 && kept != save.size())
                violations.push_back("An unanswered save of " + std::to_string(save.size()) + " cells by " + teacher + " is there " +
                                     std::to_string(kept) + " cells in part.");
            if (kept != 0) ++unanswered_kept;
        }
    }
    for (const auto &[id, record] : history)
        if (!accounted.contains(id))
            violations.push_back("Record " + std::to_string(id) + " (" + record.recorded_by + "'s " + record.value + " for " + record.cell.upn +
                                 ") was never sent by anyone.");
    for (const auto &violation : violations) ADD_FAILURE() << violation;
    EXPECT_GT(saves_ok, 0) << "no save was answered before the kill";
    std::cout << saves_ok << " saves answered 200 before the kill, all there; " << unanswered_saves << " unanswered, "
              << unanswered_kept << " of them committed whole before the kill.\n";

    // The same file serves again at once: the write-ahead log is taken up and a save goes through.
    crowd::served_process again(connection, folder / "served");
    const uint16_t port = again.port();
    ASSERT_NE(port, 0) << "waymark serve did not start again after the kill";
    auto &teacher = latecomer;
    teacher.client = std::make_unique<api_client>(port);
    ASSERT_EQ(crowd::sign_in(teacher), "");
    const std::string upn = school.upns_of.at("4A").front();
    const auto seen = crowd::record_ids_of(teacher.client->get(school.assessment_path() + "/grid?class=4A"));
    const auto shown = seen.find({upn, "reading"});
    const auto saved = teacher.client->post(school.assessment_path() + "/judgements",
                                            R"({"changes": [{"upn": ")" + upn + R"(", "subject": "reading", "value": "D", "seen": )" +
                                                std::to_string(shown == seen.end() ? 0 : shown->second) + "}]}");
    EXPECT_EQ(saved.status, 200) << saved.body;
    EXPECT_EQ(again.stop(), 0);
    std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace waymark::testing
