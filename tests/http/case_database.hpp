// A case of a parameterised API test over either database: the PostgreSQL schema is made before the
// API's pool opens it and dropped after the pool has gone, so the class deriving from it lists it
// first among its bases (before served_api_with_database or signed_in_api).
//
//   class my_routes : public ::testing::WithParamInterface<backend>, protected case_database, public signed_in_api {
//       my_routes() : case_database(GetParam()), signed_in_api(schema_pool()) {}
//       void SetUp() override { if (skipped_without_postgres(GetParam())) return; ... }
//   };
#pragma once

#include "database_fixture.hpp"

#include "http/database_pool.hpp"
#include "store/settings.hpp"

#include <filesystem>
#include <memory>
#include <optional>

namespace waymark::testing {

// The PostgreSQL schema of a case, made before the API's pool opens it and dropped after it has gone.
class case_database {
protected:
    explicit case_database(backend which) {
        if (which == backend::postgresql) {
            if (const auto server = test_postgres()) schema.emplace(*server);
        }
    }
    // The pool over the schema; nothing (the embedded database) for SQLite or without a server.
    std::unique_ptr<http::database_pool> schema_pool() {
        if (!schema) return nullptr;
        return std::make_unique<http::database_pool>(
            store::open(store::resolve_settings(schema->connection(), std::filesystem::temp_directory_path().string(), std::nullopt)), 2);
    }
    // For SetUp: true (the case skipped, or failed under WAYMARK_TEST_REQUIRE_POSTGRES=1) when it is
    // the PostgreSQL case and no server is named.
    bool skipped_without_postgres(backend which) {
        if (which != backend::postgresql || schema) return false;
        skip_without_postgres();
        return true;
    }
    std::optional<scratch_schema> schema;
};

}  // namespace waymark::testing
