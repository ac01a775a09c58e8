// The whole API as `waymark serve` builds it, over the built scheme plugins (school-bands given the
// example bands file), on an ephemeral loopback port, with or without a database. Every change a test
// makes through it must leave a summary for the audit log: a route that answers a change as done but
// says nothing of what it did fails the test that called it.
#pragma once

#include "api_client.hpp"

#include "http/access.hpp"
#include "http/api.hpp"

#include "store/migrations.hpp"
#include "store/settings.hpp"

#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

namespace waymark::testing {

inline const std::string school_bands_config = WAYMARK_SOURCE_DIR "/plugins/school-bands/example.bands";

// The local user's policy, keeping the changes answered as done whose summary is empty.
class summary_checking_policy final : public http::access_policy {
public:
    std::optional<http::principal> identify(const Poco::Net::HTTPServerRequest &request) const override {
        return local_user_.identify(request);
    }
    bool permits(const http::principal &who, http::permission needed) const override { return local_user_.permits(who, needed); }
    void record(const http::change_record &change) const override {
        if (change.status >= 400 || !change.summary.empty()) return;
        const std::lock_guard hold(lock_);
        unsummarised_.push_back(change.method + " " + change.path);
    }
    std::vector<std::string> unsummarised() const {
        const std::lock_guard hold(lock_);
        return unsummarised_;
    }

private:
    http::local_user_policy local_user_{http::principal{"tester", "Tester"}, true};
    mutable std::mutex lock_;
    mutable std::vector<std::string> unsummarised_;
};

class served_api : public ::testing::Test {
protected:
    explicit served_api(std::unique_ptr<http::database_pool> databases = nullptr)
        : pool(std::move(databases)), services{registry, schemes, pool.get()} {
        http::add_api_routes(routes, services);
        server = std::make_unique<running_server>(routes);
        client = std::make_unique<api_client>(server->port());
    }

    static plugins::registry &load_schemes(plugins::registry &loaded) {
        for (const char *module : {"lancashire-four-band", "lep-points", "app-sublevels", "school-bands"}) {
            loaded.load_file(std::string(WAYMARK_PLUGIN_DIR) + "/" + module + ".so");
        }
        return loaded;
    }

    std::ostringstream log_text;
    plugins::logger log{log_text, WAYMARK_LOG_ERROR};
    plugins::registry registry{log};
    plugins::scheme_catalog schemes{load_schemes(registry), [](std::string_view id) {
                                        return id == "org.waymark.school-bands" ? school_bands_config : std::string();
                                    }};
    void TearDown() override {
        for (const auto &change : policy.unsummarised())
            ADD_FAILURE() << change << " was done without a summary for the audit log (request::note says what changed).";
    }

    summary_checking_policy policy;
    std::ostringstream failures;
    http::router routes{policy, failures};
    std::unique_ptr<http::database_pool> pool;
    http::api_services services;
    std::unique_ptr<running_server> server;
    std::unique_ptr<api_client> client;
};

// The same API over an embedded (SQLite) database of its own, in a scratch folder removed afterwards.
class served_api_with_database : public served_api {
protected:
    static std::filesystem::path folder() {
        return std::filesystem::temp_directory_path() / ("wm_http_api_" + std::to_string(::getpid()));
    }
    static std::unique_ptr<http::database_pool> embedded_database() {
        std::filesystem::create_directories(folder());
        return std::make_unique<http::database_pool>(
            store::open(store::resolve_settings(std::nullopt, folder().string(), std::nullopt)), 2);
    }
    served_api_with_database() : served_api(embedded_database()) {}
    // Over another database of the test's (a PostgreSQL schema, database_fixture.hpp), open and migrated.
    explicit served_api_with_database(std::unique_ptr<http::database_pool> databases) : served_api(std::move(databases)) {}
    ~served_api_with_database() override {
        server.reset();
        pool.reset();
        std::filesystem::remove_all(folder());
    }
};

}  // namespace waymark::testing
