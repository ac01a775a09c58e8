// Reports off the primary (issue 15, item 3), with real components only: a PostgreSQL primary and a
// streaming-replication standby of the test's own, and `waymark serve --replica` on them.
//   - a summary reads from the standby: with its replay paused, a save made meanwhile on the primary
//     is not in it, and is once replayed; its Waymark-Reflects header is the standby's last replayed
//     commit;
//   - the save itself, and the grid load after it, go to the primary, which sees it at once;
//   - with the standby stopped, summaries and reports still answer 200 from the primary and serve
//     prints one warning line.
#include "concurrent_editors.hpp"
#include "private_standby.hpp"

#include "http/api.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>

namespace waymark::testing {
namespace {

using ::testing::HasSubstr;

class reports_from_a_replica : public ::testing::Test {
protected:
    void SetUp() override {
        if (!test_postgres()) {
            skip_without_postgres();
            return;
        }
        primary_.emplace();
        {
            store::database db(primary_->connection());
            store::migrate(db);
            school_ = crowd::set_up_crowd_school(db, 1);
            // Reports are read by a leader.
            school_.teachers.front().made = services::add_user(db, {"head", "", domain::user_role::leader, "8012000", {}, {}},
                                                                store::utc_timestamp_now());
        }
        standby_.emplace(*primary_);
        ASSERT_TRUE(standby_->wait_for(*primary_)) << "the standby never replayed the school";
        folder_ = std::filesystem::temp_directory_path() / unique_test_name();
        std::filesystem::create_directories(folder_);
        served_.emplace(primary_->connection(), folder_, std::vector<std::string>{"--replica", standby_->connection()});
        const uint16_t port = served_->port();
        ASSERT_NE(port, 0) << "waymark serve did not start";
        leader().client = std::make_unique<api_client>(port);
        ASSERT_EQ(crowd::sign_in(leader()), "");
    }
    void TearDown() override {
        served_.reset();
        standby_.reset();
        primary_.reset();
        if (!folder_.empty()) std::filesystem::remove_all(folder_);
    }

    crowd::signed_in_teacher &leader() { return school_.teachers.front(); }
    std::string summary_path() const { return school_.assessment_path() + "/summary"; }
    std::string report_path() const {
        return "/api/v1/schools/8012000/reports/full?format=json&assessment=" + std::to_string(school_.spring.id);
    }
    // A judgement of the first pupil of 4A's reading, as the grid sends one nobody has judged yet.
    api_reply save_one(const std::string &value) {
        const std::string upn = school_.upns_of.at("4A").front();
        return leader().client->post(school_.assessment_path() + "/judgements",
                                     R"({"changes": [{"upn": ")" + upn + R"(", "subject": "reading", "value": ")" + value +
                                         R"(", "seen": 0}]})");
    }
    long warnings_printed() {
        const auto lines = served_->printed();
        return std::count_if(lines.begin(), lines.end(),
                             [](const std::string &line) { return line.find("read replica cannot be reached") != std::string::npos; });
    }

    std::optional<private_postgres> primary_;
    std::optional<private_standby> standby_;
    crowd::crowd_school school_;
    std::filesystem::path folder_;
    std::optional<crowd::served_process> served_;
};

TEST_F(reports_from_a_replica, a_summary_shows_a_save_only_once_the_standby_has_replayed_it_and_says_when_it_reflects) {
    const auto before = leader().client->get(summary_path());
    ASSERT_EQ(before.status, 200) << before.body;

    standby_->pause_replay();
    ASSERT_EQ(save_one("OT").status, 200);
    // The save went to the primary, and the grid, which must see its own write, reads there.
    const auto grid = leader().client->get(school_.assessment_path() + "/grid?class=4A");
    ASSERT_EQ(grid.status, 200) << grid.body;
    EXPECT_TRUE(crowd::record_ids_of(grid).contains({school_.upns_of.at("4A").front(), "reading"}));

    const auto paused = leader().client->get(summary_path());
    ASSERT_EQ(paused.status, 200) << paused.body;
    EXPECT_EQ(paused.body, before.body) << "the summary did not read from the standby, whose replay is paused";
    EXPECT_EQ(paused.header(http::reflects_header), standby_->last_replayed());

    standby_->resume_replay();
    ASSERT_TRUE(standby_->wait_for(*primary_));
    // Signing the request in commits on the primary too, which the standby may replay meanwhile.
    const std::string replayed_before = standby_->last_replayed();
    const auto replayed = leader().client->get(summary_path());
    ASSERT_EQ(replayed.status, 200) << replayed.body;
    EXPECT_NE(replayed.body, before.body) << "the replayed save is not in the summary";
    EXPECT_GE(replayed.header(http::reflects_header), replayed_before);
    EXPECT_LE(replayed.header(http::reflects_header), standby_->last_replayed());
    EXPECT_EQ(warnings_printed(), 0);
}

TEST_F(reports_from_a_replica, with_the_standby_stopped_reports_read_from_the_primary_with_one_warning_line_each) {
    standby_->stop();
    ASSERT_EQ(save_one("T").status, 200);

    const auto summary = leader().client->get(summary_path());
    ASSERT_EQ(summary.status, 200) << summary.body;
    EXPECT_FALSE(summary.header(http::reflects_header).empty());
    const auto report = leader().client->get(report_path());
    ASSERT_EQ(report.status, 200) << report.body;
    EXPECT_FALSE(report.header(http::reflects_header).empty());
    EXPECT_EQ(warnings_printed(), 2);
}

}  // namespace
}  // namespace waymark::testing
