// GET /api/v1/health: the version, the SDK version and the database kind when there is one.
#include "served_api.hpp"

namespace {

using waymark::testing::served_api;
using waymark::testing::served_api_with_database;

TEST_F(served_api, health_without_a_database) {
    const auto reply = client->get("/api/v1/health");
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.header("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(reply.body, "{\"status\":\"ok\",\"version\":\"" WAYMARK_TEST_VERSION "\",\"sdk_version\":\"1.0.0\",\"database\":null}");
}

TEST_F(served_api_with_database, health_names_the_database_kind) {
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
