// A test parameterised over Waymark's two real databases: SQLite through the SQLite ODBC driver (a
// fresh file per test) and PostgreSQL through psqlODBC (a fresh schema per test on the server named
// by WAYMARK_TEST_POSTGRES, so tests run in parallel). Without that variable the PostgreSQL cases
// are skipped with a sentence saying so, or fail when WAYMARK_TEST_REQUIRE_POSTGRES=1.
//
//   class pupils_test : public waymark::testing::database_test {};
//   TEST_P(pupils_test, round_trip) { auto &db = migrated_db(); ... }
//   WAYMARK_ON_EVERY_DATABASE(pupils_test);
#pragma once

#include "store/database.hpp"
#include "store/migrations.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <ostream>
#include <random>
#include <string>

namespace waymark::testing {

enum class backend { sqlite, postgresql };

inline void PrintTo(backend which, std::ostream *out) { *out << (which == backend::sqlite ? "SQLite" : "PostgreSQL"); }

inline std::string backend_name(const ::testing::TestParamInfo<backend> &info) {
    return info.param == backend::sqlite ? "sqlite" : "postgresql";
}

// A name no other test process or case uses at the same time.
inline std::string unique_test_name() {
    static std::atomic<int> counter{0};
    static const unsigned salt = std::random_device{}();
    return "wm_test_" + std::to_string(::getpid()) + "_" + std::to_string(salt % 100000) + "_" +
           std::to_string(counter++);
}

// The PostgreSQL server for tests, or nullopt when none is configured.
inline std::optional<std::string> test_postgres() {
    const char *server = std::getenv("WAYMARK_TEST_POSTGRES");
    if (server == nullptr || *server == '\0') return std::nullopt;
    std::string connection = server;
    if (connection.back() != ';') connection += ';';
    return connection;
}

// Skips the PostgreSQL case of a test when no server is named, or fails it when
// WAYMARK_TEST_REQUIRE_POSTGRES=1 (CI): call from SetUp, which then returns.
inline void skip_without_postgres() {
    const char *required = std::getenv("WAYMARK_TEST_REQUIRE_POSTGRES");
    if (required != nullptr && std::string(required) == "1") {
        FAIL() << "WAYMARK_TEST_REQUIRE_POSTGRES=1 but WAYMARK_TEST_POSTGRES names no server; start one "
                  "with installer/test-postgres.sh.";
    }
    GTEST_SKIP() << "No PostgreSQL server for tests: set WAYMARK_TEST_POSTGRES to a psqlODBC connection "
                    "string (installer/test-postgres.sh connection DIR) to run this case on PostgreSQL.";
}

// A schema of its own on the PostgreSQL server `server` names (test_postgres()), dropped with
// everything in it when the object goes; connection() reaches it.
class scratch_schema {
public:
    explicit scratch_schema(const std::string &server)
        : name_(unique_test_name()), connection_(server + "ConnSettings=SET search_path TO " + name_ + ";"), admin_(server) {
        admin_.session() << "CREATE SCHEMA " + name_;
    }
    scratch_schema(const scratch_schema &) = delete;
    scratch_schema &operator=(const scratch_schema &) = delete;
    ~scratch_schema() {
        try {
            admin_.session() << "DROP SCHEMA " + name_ + " CASCADE";
        } catch (const std::exception &left) {
            ADD_FAILURE() << "The test schema " << name_ << " could not be dropped: " << left.what();
        }
    }
    const std::string &connection() const { return connection_; }
    store::database &admin() { return admin_; }

private:
    std::string name_;
    std::string connection_;
    store::database admin_;
};

// A new database of its own on the test PostgreSQL server (test_postgres()), holding one empty schema
// `schema`, dropped with its connections when the object goes; connection() reaches that schema.
// Where a PostgreSQL backup is restored: pg_restore puts the tables back in the schema they came from.
class scratch_database {
public:
    scratch_database(store::database &admin, const std::string &schema) : name_(unique_test_name()), admin_(admin) {
        admin_.session() << "CREATE DATABASE " + name_;
        std::string server = *test_postgres();
        server.replace(server.find("Database=waymark_test;"), 22, "Database=" + name_ + ";");
        store::database(server).session() << "CREATE SCHEMA " + schema;
        connection_ = server + "ConnSettings=SET search_path TO " + schema + ";";
    }
    scratch_database(const scratch_database &) = delete;
    scratch_database &operator=(const scratch_database &) = delete;
    ~scratch_database() {
        try {
            admin_.session() << "DROP DATABASE " + name_ + " WITH (FORCE)";
        } catch (const std::exception &left) {
            ADD_FAILURE() << "The test database " << name_ << " could not be dropped: " << left.what();
        }
    }
    const std::string &connection() const { return connection_; }

private:
    std::string name_;
    store::database &admin_;
    std::string connection_;
};

class database_test : public ::testing::TestWithParam<backend> {
protected:
    void SetUp() override {
        if (GetParam() == backend::sqlite) {
            folder_ = std::filesystem::temp_directory_path() / unique_test_name();
            std::filesystem::create_directories(folder_);
            connection_ = "DRIVER=SQLite3;Database=" + (folder_ / "waymark.db").string() + ";";
            return;
        }
        const auto server = test_postgres();
        if (!server) {
            skip_without_postgres();
            return;
        }
        schema_.emplace(*server);
        connection_ = schema_->connection();
    }

    void TearDown() override {
        db_.reset();
        schema_.reset();
        if (!folder_.empty()) {
            std::error_code ignored;
            std::filesystem::remove_all(folder_, ignored);
        }
    }

    // This test's own database: a connection string and a folder (SQLite) or schema (PostgreSQL).
    const std::string &connection() const { return connection_; }
    // A scratch folder for files the test writes (created on demand).
    std::filesystem::path scratch_folder() {
        if (folder_.empty()) {
            folder_ = std::filesystem::temp_directory_path() / unique_test_name();
            std::filesystem::create_directories(folder_);
        }
        return folder_;
    }
    bool on_postgresql() const { return GetParam() == backend::postgresql; }

    // A connection to this test's database, opened on first use; empty schema.
    store::database &db() {
        if (!db_) db_.emplace(connection_);
        return *db_;
    }
    // The same, with every migration applied.
    store::database &migrated_db() {
        store::migrate(db());
        return *db_;
    }
    // A second connection to the server outside this test's schema (PostgreSQL only).
    store::database &admin() { return schema_->admin(); }

private:
    std::filesystem::path folder_;
    std::optional<scratch_schema> schema_;
    std::string connection_;
    std::optional<store::database> db_;
};

}  // namespace waymark::testing

#define WAYMARK_ON_EVERY_DATABASE(suite)                                                                   \
    INSTANTIATE_TEST_SUITE_P(on, suite,                                                                    \
                             ::testing::Values(::waymark::testing::backend::sqlite,                        \
                                               ::waymark::testing::backend::postgresql),                   \
                             ::waymark::testing::backend_name)
