// The server's database connections, on the embedded SQLite database: leased one per request,
// opened on demand up to the capacity, and given back when the lease goes; on PostgreSQL, a
// connection the server dropped is closed rather than leased again.
#include "http/database_pool.hpp"

#include "database_fixture.hpp"

#include "store/migrations.hpp"
#include "store/settings.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <future>

namespace {

using waymark::http::database_pool;

class database_pool_test : public ::testing::Test {
protected:
    void SetUp() override {
        folder = std::filesystem::temp_directory_path() / ("wm_http_pool_" + std::to_string(::getpid()));
        std::filesystem::remove_all(folder);
        std::filesystem::create_directories(folder);
    }
    void TearDown() override { std::filesystem::remove_all(folder); }

    waymark::store::database open() {
        return waymark::store::open(waymark::store::resolve_settings(std::nullopt, folder.string(), std::nullopt));
    }

    std::filesystem::path folder;
};

TEST_F(database_pool_test, reuses_a_connection_given_back) {
    database_pool pool(open(), 4);
    EXPECT_EQ(pool.kind(), waymark::store::dialect::sqlite);
    const waymark::store::database *first = nullptr;
    {
        const auto lease = pool.acquire();
        first = &*lease;
    }
    const auto again = pool.acquire();
    EXPECT_EQ(&*again, first);
    EXPECT_EQ(pool.open_connections(), 1u);
}

TEST_F(database_pool_test, opens_more_connections_while_all_are_leased_up_to_the_capacity) {
    database_pool pool(open(), 2);
    auto first = pool.acquire();
    auto second = pool.acquire();
    EXPECT_NE(&*first, &*second);
    EXPECT_EQ(pool.open_connections(), 2u);
    int tables = 0;
    second->session() << "SELECT CAST(COUNT(*) AS INTEGER) FROM wm_schema_version", soci::into(tables);
    EXPECT_GT(tables, 0);

    // A third request waits for a connection to come back rather than opening one past the capacity.
    auto third = std::async(std::launch::async, [&] { return &*pool.acquire(); });
    EXPECT_EQ(third.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout);
    const waymark::store::database *returned = &*first;
    { [[maybe_unused]] const auto gone = std::move(first); }
    EXPECT_EQ(third.get(), returned);
    EXPECT_EQ(pool.open_connections(), 2u);
}

}  // namespace

namespace {

// The server ends a leased connection's backend, then the request fails: the pool closes that
// connection instead of leasing it again, and the next request gets one that works.
TEST(database_pool_on_postgresql, a_connection_the_server_dropped_under_a_failed_request_is_closed_and_the_next_lease_works) {
    const auto server = waymark::testing::test_postgres();
    if (!server) {
        waymark::testing::skip_without_postgres();
        return;
    }
    waymark::testing::scratch_schema schema(*server);
    database_pool pool(waymark::store::database(schema.connection()), 2);
    try {
        const auto lease = pool.acquire();
        int backend = 0;
        lease->session() << "SELECT pg_backend_pid()", soci::into(backend);
        auto &admin = schema.admin().session();
        admin << "SELECT pg_terminate_backend(" + std::to_string(backend) + ")";
        for (int left = 1; left > 0;) admin << "SELECT count(*) FROM pg_stat_activity WHERE pid = " + std::to_string(backend), soci::into(left);
        throw std::runtime_error("the request failed");
    } catch (const std::runtime_error &) {
    }
    EXPECT_EQ(pool.open_connections(), 0u);
    const auto next = pool.acquire();
    int one = 0;
    next->session() << "SELECT 1", soci::into(one);
    EXPECT_EQ(one, 1);
}

}  // namespace
