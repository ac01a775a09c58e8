// Four `waymark serve` processes on one PostgreSQL schema (issue 15, item 2), spoken to directly by
// port and through a real nginx with an upstream of the four: whatever one process starts, another
// finishes, because sessions, CSRF tokens, sign-in attempts and the cells' record ids live in the
// database, not in a process. PostgreSQL only; never times.
#include "many_processes.hpp"

#include "services/access/sessions.hpp"

#include <gtest/gtest.h>

namespace {

using namespace waymark;
using namespace waymark::testing;

constexpr int process_count = 4;

class many_processes : public ::testing::Test {
protected:
    void SetUp() override {
        const auto server = test_postgres();
        if (!server) {
            skip_without_postgres();
            return;
        }
        schema_.emplace(*server);
    }
    const std::string &connection() const { return schema_->connection(); }

    // The schema migrated, the crowd's school on it with `teachers` teachers, and four processes.
    crowd::crowd_school start(int teachers) {
        db_.emplace(connection());
        store::migrate(*db_);
        auto school = crowd::set_up_crowd_school(*db_, teachers);
        serving_.emplace(connection(), process_count);
        return school;
    }
    uint16_t port(int p) const { return serving_->ports.at(static_cast<std::size_t>(p)); }

    std::optional<scratch_schema> schema_;
    std::optional<store::database> db_;
    std::optional<serve_processes> serving_;
};

std::string credentials(const services::user_credentials &made, const std::string &password) {
    return R"({"username": ")" + made.account.username + R"(", "password": ")" + password + "\"}";
}

std::string one_change(const std::string &upn, const std::string &value, long long seen) {
    return R"({"changes": [{"upn": ")" + upn + R"(", "subject": "reading", "value": ")" + value + R"(", "seen": )" +
           std::to_string(seen) + "}]}";
}

TEST_F(many_processes, four_started_at_once_on_an_unmigrated_schema_apply_each_migration_once) {
    {
        const serve_processes serving(connection(), process_count);
        for (const auto port : serving.ports) EXPECT_NE(port, 0);
    }
    store::database db(connection());
    int rows = 0, versions = 0, newest = 0;
    db.session() << "SELECT COUNT(*), COUNT(DISTINCT version), MAX(version) FROM wm_schema_version", soci::into(rows),
        soci::into(versions), soci::into(newest);
    EXPECT_EQ(newest, store::latest_schema_version());
    EXPECT_EQ(rows, store::latest_schema_version());
    EXPECT_EQ(versions, rows);
}

TEST_F(many_processes, a_session_started_on_one_process_is_finished_used_and_ended_on_the_others) {
    auto crowd = start(1);
    const auto &made = crowd.teachers[0].made;
    std::vector<std::unique_ptr<api_client>> clients;
    for (int p = 0; p < process_count; ++p) clients.push_back(std::make_unique<api_client>(port(p)));

    const auto first = clients[0]->post("/api/v1/session", credentials(made, made.password));
    ASSERT_EQ(first.status, 200) << first.body;
    const std::string cookie = first.header("Set-Cookie").substr(0, first.header("Set-Cookie").find(';'));
    for (auto &client : clients) client->always_sent["Cookie"] = cookie;
    const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    const auto second = clients[1]->post("/api/v1/session/second-step", R"({"code": ")" + code_at(made, now) + "\"}");
    ASSERT_EQ(second.status, 200) << second.body;
    for (auto &client : clients) client->always_sent[http::csrf_header] = second.json()->getValue<std::string>("csrf_token");

    for (int p = 2; p < process_count; ++p) {
        const auto mine = clients[static_cast<std::size_t>(p)]->get("/api/v1/session");
        EXPECT_EQ(mine.status, 200) << "process " << p << ": " << mine.body;
        EXPECT_NE(mine.body.find(made.account.username), std::string::npos) << mine.body;
    }
    EXPECT_EQ(clients[2]->send("DELETE", "/api/v1/session").status, 204);
    for (int p = 0; p < process_count; ++p)
        EXPECT_EQ(clients[static_cast<std::size_t>(p)]->get("/api/v1/session").status, 401) << "process " << p << " after sign-out on 2";
}

TEST_F(many_processes, the_csrf_token_one_process_issued_is_required_and_accepted_by_every_other) {
    auto crowd = start(1);
    auto &teacher = crowd.teachers[0];
    teacher.client = std::make_unique<api_client>(port(0));
    ASSERT_EQ(crowd::sign_in(teacher), "");
    const std::string save_path = crowd.assessment_path() + "/judgements";
    const auto &upns = crowd.upns_of.at(crowd::classes[0]);
    for (int p = 0; p < process_count; ++p) {
        api_client client(port(p));
        client.always_sent["Cookie"] = teacher.client->always_sent.at("Cookie");
        const auto &upn = upns[static_cast<std::size_t>(p)];
        const auto refused = client.post(save_path, one_change(upn, "B", 0));
        EXPECT_EQ(refused.status, 403) << "process " << p << " without the token: " << refused.body;
        client.always_sent[http::csrf_header] = teacher.client->always_sent.at(http::csrf_header);
        const auto saved = client.post(save_path, one_change(upn, "B", 0));
        EXPECT_EQ(saved.status, 200) << "process " << p << " with process 0's token: " << saved.body;
    }
}

TEST_F(many_processes, failed_sign_ins_spread_over_the_processes_are_throttled_at_the_one_process_count) {
    auto crowd = start(1);
    const auto &made = crowd.teachers[0].made;
    std::vector<std::unique_ptr<api_client>> clients;
    for (int p = 0; p < process_count; ++p) clients.push_back(std::make_unique<api_client>(port(p)));
    const int allowed = services::sign_in_rules{}.failures_allowed;
    for (int attempt = 0; attempt < allowed; ++attempt) {
        const auto wrong = clients[static_cast<std::size_t>(attempt % process_count)]->post("/api/v1/session", credentials(made, "not it"));
        EXPECT_EQ(wrong.status, 401) << "attempt " << attempt + 1 << ": " << wrong.body;
    }
    // The next try is stopped on every process, the right password too.
    for (int p = 0; p < process_count; ++p) {
        const auto stopped = clients[static_cast<std::size_t>(p)]->post("/api/v1/session", credentials(made, made.password));
        EXPECT_EQ(stopped.status, 429) << "process " << p << " after " << allowed << " failures spread over " << process_count
                                       << ": " << stopped.body;
    }
}

TEST_F(many_processes, a_save_over_a_change_made_through_another_process_is_refused_with_that_record) {
    auto crowd = start(2);
    auto &first = crowd.teachers[0], &second = crowd.teachers[1];
    first.client = std::make_unique<api_client>(port(0));
    second.client = std::make_unique<api_client>(port(1));
    ASSERT_EQ(crowd::sign_in(first), "");
    ASSERT_EQ(crowd::sign_in(second), "");
    const std::string grid_path = crowd.assessment_path() + "/grid?class=" + crowd::classes[0];
    const std::string save_path = crowd.assessment_path() + "/judgements";
    const std::string upn = crowd.upns_of.at(crowd::classes[0]).front();

    const auto seen = crowd::record_ids_of(first.client->get(grid_path));
    const long long seen_id = seen.contains({upn, "reading"}) ? seen.at({upn, "reading"}) : 0;
    const auto overwritten = second.client->post(save_path, one_change(upn, "OT", seen_id));
    ASSERT_EQ(overwritten.status, 200) << overwritten.body;
    const long long other_id = overwritten.json()->getArray("records")->getObject(0)->getValue<long long>("id");

    const auto refused = first.client->post(save_path, one_change(upn, "B", seen_id));
    ASSERT_EQ(refused.status, 409) << refused.body;
    crowd::teacher_log log;
    crowd::check_conflict(refused, first.made.account.username, {{upn, "reading", "B", seen_id}}, log);
    EXPECT_TRUE(log.violations.empty()) << log.violations.front();
    ASSERT_EQ(log.others.size(), 1U) << refused.body;
    EXPECT_EQ(log.others[0].id, other_id);
    EXPECT_EQ(log.others[0].recorded_by, second.made.account.username);
}

TEST_F(many_processes, a_crowd_through_nginx_round_robin_loses_no_update_and_gets_no_server_error) {
    db_.emplace(connection());
    store::migrate(*db_);
    serving_.emplace(connection(), process_count);
    const nginx_in_front nginx(serving_->ports);
    ASSERT_TRUE(nginx.started()) << "nginx did not start; see its error log";
    crowd_options options{8, std::chrono::seconds(4), 20};
    options.served_port = nginx.port();
    const auto outcome = run_crowd(*db_, options);
    constexpr std::size_t shown = 20;
    for (std::size_t i = 0; i < std::min(shown, outcome.violations.size()); ++i) ADD_FAILURE() << outcome.violations[i];
    EXPECT_EQ(outcome.violations.size(), 0U) << "(the first " << shown << " are listed above)";
    EXPECT_GT(outcome.saves_ok, 0);
    EXPECT_GT(outcome.conflicts, 0);
    EXPECT_EQ(outcome.history_records, outcome.cells_saved);
    EXPECT_EQ(outcome.server_errors(), 0);
}

}  // namespace
