// GET /api/v1/health: the version, the SDK version and the database kind when there is one.
#include "served_api.hpp"

#include "store/migrations.hpp"
#include "store/settings.hpp"

#include <unistd.h>

#include <filesystem>

namespace {

using waymark::testing::served_api;

TEST_F(served_api, health_without_a_database) {
    const auto reply = client->get("/api/v1/health");
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.header("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(reply.body, "{\"status\":\"ok\",\"version\":\"" WAYMARK_TEST_VERSION "\",\"sdk_version\":\"1.0.0\",\"database\":null}");
}

class health_with_database : public served_api {
protected:
    static std::filesystem::path folder() {
        return std::filesystem::temp_directory_path() / ("wm_http_health_" + std::to_string(::getpid()));
    }
    static std::unique_ptr<waymark::http::database_pool> embedded_database() {
        std::filesystem::create_directories(folder());
        return std::make_unique<waymark::http::database_pool>(
            waymark::store::open(waymark::store::resolve_settings(std::nullopt, folder().string(), std::nullopt)), 2);
    }
    health_with_database() : served_api(embedded_database()) {}
    ~health_with_database() override { std::filesystem::remove_all(folder()); }
};

TEST_F(health_with_database, health_names_the_database_kind) {
    const auto reply = client->get("/api/v1/health");
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.json()->getValue<std::string>("database"), "SQLite");
}

TEST_F(served_api, health_takes_only_get) {
    const auto reply = client->post("/api/v1/health", "{}");
    EXPECT_EQ(reply.status, 405);
    EXPECT_EQ(reply.header("Allow"), "GET");
}

}  // namespace
