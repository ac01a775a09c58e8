// A migrated database of one kind for benchmarks: a fresh SQLite file or a fresh PostgreSQL schema on
// the server named by WAYMARK_TEST_POSTGRES (PostgreSQL cases are skipped without one).
#pragma once

#include "database_fixture.hpp"

#include <benchmark/benchmark.h>

namespace waymark::testing {

// A migrated database of one kind that lives for one benchmark run.
class bench_database {
public:
    explicit bench_database(backend kind) {
        name_ = unique_test_name();
        if (kind == backend::sqlite) {
            folder_ = std::filesystem::temp_directory_path() / name_;
            std::filesystem::create_directories(folder_);
            db_.emplace("DRIVER=SQLite3;Database=" + (folder_ / "waymark.db").string() + ";");
        } else {
            admin_.emplace(*test_postgres());
            admin_->session() << "CREATE SCHEMA " + name_;
            db_.emplace(*test_postgres() + "ConnSettings=SET search_path TO " + name_ + ";");
        }
        store::migrate(*db_);
    }
    ~bench_database() {
        db_.reset();
        if (admin_) admin_->session() << "DROP SCHEMA " + name_ + " CASCADE";
        if (!folder_.empty()) std::filesystem::remove_all(folder_);
    }
    store::database &db() { return *db_; }

private:
    std::string name_;
    std::filesystem::path folder_;
    std::optional<store::database> admin_;
    std::optional<store::database> db_;
};

inline bool available(benchmark::State &state, backend kind) {
    if (kind == backend::postgresql && !test_postgres()) {
        state.SkipWithError("WAYMARK_TEST_POSTGRES is not set");
        return false;
    }
    return true;
}

}  // namespace waymark::testing
