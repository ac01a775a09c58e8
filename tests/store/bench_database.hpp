// A migrated database of one kind for benchmarks: a fresh SQLite file or a fresh PostgreSQL schema on
// the server named by WAYMARK_TEST_POSTGRES (PostgreSQL cases are skipped without one).
#pragma once

#include "database_fixture.hpp"
#include "domain/calendar.hpp"
#include "domain/pupil.hpp"
#include "domain/upn.hpp"

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
    // Table statistics brought up to date after a fixture's bulk set-up, as PostgreSQL's autovacuum
    // does within a minute of such writes (and as a school's database long since has): without them
    // the planner costs a freshly filled table as nearly empty.
    void analyze() { db_->session() << "ANALYZE"; }

private:
    std::string name_;
    std::filesystem::path folder_;
    std::optional<store::database> admin_;
    std::optional<store::database> db_;
};

// Pupil `serial` of a benchmark's school (LA 801, school 2000): a Year 4 in 2025/2026 with a valid UPN.
inline domain::pupil bench_pupil(int serial) {
    domain::pupil p;
    const std::string digits = std::to_string(serial);
    const std::string body = "8012000" + std::string(5 - digits.size(), '0') + digits;
    p.upn = domain::upn_check_letter(body) + body;
    p.surname = "Pupil" + digits;
    p.forename = "Sam";
    p.date_of_birth = domain::date{std::chrono::year{2016}, std::chrono::month{10}, std::chrono::day{3}};
    p.postcode = "PR1 1AA";
    return p;
}

inline bool available(benchmark::State &state, backend kind) {
    if (kind == backend::postgresql && !test_postgres()) {
        state.SkipWithError("WAYMARK_TEST_POSTGRES is not set");
        return false;
    }
    return true;
}

}  // namespace waymark::testing
