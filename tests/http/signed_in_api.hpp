// The whole API behind sign-in, as `waymark serve` runs it: the session policy over the API's own
// (SQLite) database holding Brookside Primary (8012000: 4A serials 1-3, 4B 10-11, 5A 20) and
// Hillside Primary (8013000), on a clock the test moves. Browsers sign in users of each role.
#pragma once

#include "served_api.hpp"
#include "tracking_fixture.hpp"
#include "user_fixture.hpp"

#include "http/session_policy.hpp"
#include "services/access/audit_log.hpp"
#include "services/access/users.hpp"
#include "store/pupils.hpp"

#include <Poco/JSON/Object.h>

#include <memory>
#include <string>
#include <vector>

namespace waymark::testing {

// One browser: its own connection, the session cookie and the CSRF token once signed in.
struct browser {
    std::unique_ptr<api_client> client;
    std::string csrf_token;

    api_reply send(const std::string &method, const std::string &path, const std::string &body = "") {
        return client->send(method, path, body);
    }
};

class signed_in_api : public served_api_with_database {
protected:
    // Over the embedded database, or `databases` (open and migrated) when given.
    explicit signed_in_api(std::unique_ptr<http::database_pool> databases = nullptr)
        : served_api_with_database(databases ? std::move(databases) : embedded_database()),
          // The test's connections come from loopback, trusted as a reverse proxy: a request with
          // X-Forwarded-For is a browser behind it, one without is the proxy's own.
          sessions(*pool, services::sign_in_rules{}, [this] { return now; }, {"127.0.0.1"}),
          secured_routes(sessions, failures),
          secured_services{registry, schemes, pool.get(), &sessions} {
        http::add_api_routes(secured_routes, secured_services);
        secured_server = std::make_unique<running_server>(secured_routes);
        std::vector<domain::pupil> pupils;
        for (const int serial : {1, 2, 3}) pupils.push_back(year4_pupil(serial, "4A"));
        for (const int serial : {10, 11}) pupils.push_back(year4_pupil(serial, "4B"));
        pupils.push_back(year4_pupil(20, "5A"));
        const auto database = pool->acquire();
        school = database->transaction("adding Brookside and Hillside", [&](soci::session &session) {
            auto made = store::find_or_create_school(session, {0, "801", "2000", "", "Brookside Primary", "PR1 8XJ", {2025}});
            store::insert_pupils(session, made.id, pupils);
            store::find_or_create_school(session, {0, "801", "3000", "", "Hillside Primary", "PR2 1AA", {2025}});
            return made;
        });
    }

    ~signed_in_api() override { secured_server.reset(); }

    // As served_api's: every change the session policy wrote to the audit log as done says what it did.
    void TearDown() override {
        served_api_with_database::TearDown();
        const auto database = pool->acquire();
        for (const auto &entry : services::read_audit(database->session(), {}))
            if (entry.status < 400 && entry.summary.empty())
                ADD_FAILURE() << entry.method << ' ' << entry.path << " was done without a summary for the audit log.";
    }

    services::user_credentials add_user(const std::string &name, domain::user_role role, std::vector<std::string> classes = {},
                                        std::vector<std::string> schools = {}) {
        const auto database = pool->acquire();
        const std::string home = domain::belongs_to_one_school(role) ? "8012000" : "";
        return services::add_user(*database, {name, "", role, home, std::move(classes), std::move(schools)},
                                  "2026-02-01T08:00:00Z");
    }

    browser new_browser() { return {std::make_unique<api_client>(secured_server->port()), ""}; }

    // Signs `made` in through both steps; the browser then sends the cookie and the CSRF token.
    // The clock moves on a TOTP step first, since a code signs in once.
    browser signed_in(const services::user_credentials &made) {
        now += std::chrono::seconds(services::totp_step_seconds);
        browser opened = new_browser();
        const auto first = opened.send("POST", "/api/v1/session",
                                       R"({"username": ")" + made.account.username + R"(", "password": ")" + made.password + "\"}");
        EXPECT_EQ(first.status, 200) << first.body;
        opened.client->always_sent["Cookie"] = cookie_of(first);
        const auto second = opened.send("POST", "/api/v1/session/second-step", R"({"code": ")" + code_at(made, now) + "\"}");
        EXPECT_EQ(second.status, 200) << second.body;
        opened.csrf_token = second.json()->getValue<std::string>("csrf_token");
        opened.client->always_sent[http::csrf_header] = opened.csrf_token;
        return opened;
    }

    // "waymark_session=..." from a reply's Set-Cookie.
    static std::string cookie_of(const api_reply &reply) {
        const std::string set = reply.header("Set-Cookie");
        return set.substr(0, set.find(';'));
    }

    long long rows_in(const std::string &table) {
        const auto database = pool->acquire();
        long long count = 0;
        database->session() << "SELECT COUNT(*) FROM " + table, soci::into(count);
        return count;
    }

    services::instant now = monday_morning;
    http::session_policy sessions;
    http::router secured_routes;
    http::api_services secured_services;
    std::unique_ptr<running_server> secured_server;
    store::school school;
};

}  // namespace waymark::testing
