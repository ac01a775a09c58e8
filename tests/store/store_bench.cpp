// What the store's bulk paths cost on both databases: inserting, loading and updating a school's
// pupils, and writing statutory results. PostgreSQL cases run when WAYMARK_TEST_POSTGRES names a
// server (each in its own schema, dropped at the end).
#include "bench_database.hpp"
#include "sample_pupils.hpp"
#include "store/pupils.hpp"
#include "store/statutory.hpp"

#include <benchmark/benchmark.h>

namespace {

using namespace waymark;
using waymark::testing::available;
using waymark::testing::bench_database;

// Inserting a school's pupils in one transaction (rolled back after each timing, so every iteration
// starts from the same empty table).
void insert_pupils(benchmark::State &state, waymark::testing::backend kind) {
    if (!available(state, kind)) return;
    bench_database bench(kind);
    const auto pupils = waymark::testing::sample_pupils(static_cast<int>(state.range(0)));
    const auto school = waymark::testing::add_sample_school(bench.db(), {});
    for (auto _ : state) {
        soci::session &session = bench.db().session();
        session.begin();
        store::insert_pupils(session, school.id, pupils);
        state.PauseTiming();
        session.rollback();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

void load_pupils(benchmark::State &state, waymark::testing::backend kind) {
    if (!available(state, kind)) return;
    bench_database bench(kind);
    const auto school = waymark::testing::add_sample_school(bench.db(), waymark::testing::sample_pupils(static_cast<int>(state.range(0))));
    for (auto _ : state) benchmark::DoNotOptimize(store::load_pupils(bench.db().session(), school.id));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

void update_pupils(benchmark::State &state, waymark::testing::backend kind) {
    if (!available(state, kind)) return;
    bench_database bench(kind);
    const auto school = waymark::testing::add_sample_school(bench.db(), waymark::testing::sample_pupils(static_cast<int>(state.range(0))));
    auto pupils = store::load_pupils(bench.db().session(), school.id);
    for (auto &stored : pupils) stored.pupil.surname += " Changed";
    for (auto _ : state) {
        bench.db().transaction("updating", [&](soci::session &session) { store::update_pupils(session, school.id, pupils); });
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

// Nineteen results per pupil (17 goals, a phonics mark, a KS1 TA), written over the same rows each time.
void write_statutory(benchmark::State &state, waymark::testing::backend kind) {
    if (!available(state, kind)) return;
    bench_database bench(kind);
    const int count = static_cast<int>(state.range(0));
    const auto school = waymark::testing::add_sample_school(bench.db(), waymark::testing::sample_pupils(count));
    std::vector<domain::statutory_result> results;
    for (int p = 1; p <= count; ++p) {
        const auto upn = waymark::testing::sample_upn(p);
        for (int g = 1; g <= 17; ++g) {
            results.push_back({upn, domain::statutory_kind::eyfsp_goal, (g < 10 ? "E0" : "E") + std::to_string(g),
                               "Expected", {2019}});
        }
        results.push_back({upn, domain::statutory_kind::phonics_mark, "", std::to_string(p % 41), {2020}});
        results.push_back({upn, domain::statutory_kind::ks1_ta, "reading", "EXS", {2021}});
    }
    for (auto _ : state) {
        bench.db().transaction("writing results", [&](soci::session &session) {
            store::write_statutory_results(session, school.id, results);
        });
    }
    state.SetItemsProcessed(state.iterations() * static_cast<long>(results.size()));
}

using waymark::testing::backend;
BENCHMARK_CAPTURE(insert_pupils, sqlite, backend::sqlite)->Arg(420)->Arg(5000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(insert_pupils, postgresql, backend::postgresql)->Arg(420)->Arg(5000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(load_pupils, sqlite, backend::sqlite)->Arg(5000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(load_pupils, postgresql, backend::postgresql)->Arg(5000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(update_pupils, sqlite, backend::sqlite)->Arg(5000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(update_pupils, postgresql, backend::postgresql)->Arg(5000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(write_statutory, sqlite, backend::sqlite)->Arg(1000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(write_statutory, postgresql, backend::postgresql)->Arg(1000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
