// Import from the MIS at local-authority size: a full sync against SOCI alone bulk fetching the same
// pupil rows through the same ODBC driver, in the same run. The LA database (500 schools x 200 pupils
// by default; WAYMARK_BENCH_SCHOOLS / WAYMARK_BENCH_PUPILS change it) is built once into a file under
// the build folder and reused; with WAYMARK_TEST_POSTGRES set, the same runs on PostgreSQL, the MIS
// kept in a schema named after its size.
#include "demo/demo_mis.hpp"
#include "services/transfer/sync.hpp"
#include "sims/named_queries.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

#include <benchmark/benchmark.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

namespace {

using namespace waymark;

std::string_view sims_queries();

int from_environment(const char *name, int fallback) {
    const char *text = std::getenv(name);
    return text == nullptr || *text == '\0' ? fallback : std::atoi(text);
}

constexpr std::chrono::year_month_day bench_day{std::chrono::year{2026}, std::chrono::November, std::chrono::day{22}};

// One benchmark database: Waymark's tables and the MIS, built on first use.
struct la_database {
    std::unique_ptr<store::database> db;
    std::string mis_schema;

    static la_database &on(bool postgresql) {
        static std::array<std::unique_ptr<la_database>, 2> opened;
        auto &slot = opened[postgresql ? 1 : 0];
        if (!slot) slot = std::make_unique<la_database>(open(postgresql));
        return *slot;
    }

    static la_database open(bool postgresql) {
        const int schools = from_environment("WAYMARK_BENCH_SCHOOLS", 500);
        const int pupils = from_environment("WAYMARK_BENCH_PUPILS", 200);
        const std::string size = std::to_string(schools) + "x" + std::to_string(pupils);
        la_database la;
        if (postgresql) {
            std::string server = std::getenv("WAYMARK_TEST_POSTGRES");
            if (server.back() != ';') server += ';';
            store::database(server).session() << "CREATE SCHEMA IF NOT EXISTS bench_wm_" + size;
            la.db = std::make_unique<store::database>(server + "ConnSettings=SET search_path TO bench_wm_" + size + ";");
            la.mis_schema = "bench_mis_" + size;
        } else {
            const auto folder = std::filesystem::path(WAYMARK_BINARY_DIR) / "bench-data";
            std::filesystem::create_directories(folder);
            la.db = std::make_unique<store::database>("DRIVER=SQLite3;Database=" + (folder / ("la-" + size + ".db")).string() + ";");
        }
        store::migrate(*la.db);
        if (!connectors::demo::demo_mis_exists(la.db->session(), la.mis_schema)) {
            std::cerr << "Building the " << size << " LA MIS for " << (postgresql ? "PostgreSQL" : "SQLite") << " once...\n";
            connectors::demo::demo_options options;
            options.seed = 42;
            options.schools = schools;
            options.pupils_per_school = pupils;
            options.as_of = bench_day;
            const auto started = std::chrono::steady_clock::now();
            connectors::demo::build_demo_mis(la.db->session(), la.mis_schema, options);
            std::cerr << "  built in " << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << " s\n";
        }
        return la;
    }

    services::mis_source source(bool statutory_results) const { return {mis_schema, bench_day, statutory_results}; }

    void forget_waymark_pupils() {
        db->transaction("emptying the benchmark's wm_ tables", [](soci::session &session) {
            for (const char *table : {"wm_eyfsp_results", "wm_phonics_results", "wm_key_stage_results", "wm_pupils"})
                session << "DELETE FROM " + std::string(table);
            session << "DELETE FROM wm_classes";
            session << "DELETE FROM wm_schools";
        });
    }
};

bool skip_without_postgres(benchmark::State &state, bool postgresql) {
    if (postgresql && std::getenv("WAYMARK_TEST_POSTGRES") == nullptr) {
        state.SkipWithError("set WAYMARK_TEST_POSTGRES to run this on PostgreSQL");
        return true;
    }
    return false;
}

// Fetches every row of `prepared` (its parameters already bound) into `width` text columns in batches;
// returns the number of rows.
std::size_t fetch_all(soci::details::prepare_temp_type prepared, std::size_t width) {
    constexpr std::size_t batch = 5000;
    std::vector<std::vector<std::string>> columns(width, std::vector<std::string>(batch));
    for (auto &column : columns) prepared, soci::into(column);
    soci::statement statement = prepared;
    statement.execute();
    std::size_t rows = 0;
    while (statement.fetch()) {
        rows += columns[0].size();
        for (auto &column : columns) column.resize(batch);
    }
    return rows;
}

// The baseline: the connector's own queries (pupils, then statutory results when `with_results`),
// every row fetched into plain vectors, nothing else.
void soci_bulk_fetch(benchmark::State &state, bool postgresql, bool with_results) {
    if (skip_without_postgres(state, postgresql)) return;
    auto &la = la_database::on(postgresql);
    const connectors::named_queries queries(sims_queries(), "queries.sql", la.mis_schema);
    const std::string as_of = "2026-11-22", ever6_from = "2020-11-22";
    std::size_t rows = 0, result_rows = 0;
    for (auto _ : state) {
        rows = fetch_all((la.db->session().prepare << queries["pupils"], soci::use(as_of, "as_of"),
                          soci::use(ever6_from, "ever6_from")),
                         19);
        if (with_results) result_rows = fetch_all(la.db->session().prepare << queries["statutory_results"], 5);
        benchmark::DoNotOptimize(rows);
    }
    state.counters["pupils"] = static_cast<double>(rows);
    state.counters["results"] = static_cast<double>(result_rows);
    state.counters["rows/s"] = benchmark::Counter(static_cast<double>(rows + result_rows) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// A first import: every school created, every pupil and statutory result inserted, in one transaction.
void sync_into_empty_store(benchmark::State &state, bool postgresql) {
    if (skip_without_postgres(state, postgresql)) return;
    auto &la = la_database::on(postgresql);
    std::size_t added = 0;
    for (auto _ : state) {
        state.PauseTiming();
        la.forget_waymark_pupils();
        state.ResumeTiming();
        const auto plan = services::run_sync(*la.db, la.source(true));
        added = 0;
        for (const auto &school : plan.schools) added += school.adds.size();
    }
    state.counters["pupils"] = static_cast<double>(added);
}

// The termly import: every pupil (and, with results, every statutory result) read from both sides
// and compared, nothing to change.
void sync_unchanged(benchmark::State &state, bool postgresql, bool with_results) {
    if (skip_without_postgres(state, postgresql)) return;
    auto &la = la_database::on(postgresql);
    if (!services::plan_sync(*la.db, la.source(with_results)).empty()) services::run_sync(*la.db, la.source(with_results));
    int compared = 0;
    for (auto _ : state) {
        const auto plan = services::run_sync(*la.db, la.source(with_results));
        if (!plan.empty()) state.SkipWithError("a second sync found changes");
        compared = 0;
        for (const auto &school : plan.schools) compared += school.unchanged;
    }
    state.counters["pupils"] = compared;
}

BENCHMARK_CAPTURE(soci_bulk_fetch, sqlite_pupils, false, false)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK_CAPTURE(sync_unchanged, sqlite_pupils, false, false)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK_CAPTURE(soci_bulk_fetch, sqlite_pupils_and_results, false, true)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);
BENCHMARK_CAPTURE(sync_unchanged, sqlite_pupils_and_results, false, true)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);
BENCHMARK_CAPTURE(sync_into_empty_store, sqlite, false)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);
BENCHMARK_CAPTURE(soci_bulk_fetch, postgresql_pupils, true, false)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK_CAPTURE(sync_unchanged, postgresql_pupils, true, false)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK_CAPTURE(soci_bulk_fetch, postgresql_pupils_and_results, true, true)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);
BENCHMARK_CAPTURE(sync_unchanged, postgresql_pupils_and_results, true, true)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);
BENCHMARK_CAPTURE(sync_into_empty_store, postgresql, true)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

}  // namespace

namespace waymark::connectors {
std::string_view sims_queries_sql();  // the profile's SQL as the connector compiles it in
}

namespace {
std::string_view sims_queries() { return waymark::connectors::sims_queries_sql(); }
}  // namespace

BENCHMARK_MAIN();
