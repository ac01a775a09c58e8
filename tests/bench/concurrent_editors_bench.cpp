// Fifty signed-in teachers editing overlapping cells of the same two class grids for sixty seconds
// through a real `waymark serve` (issue 18, item 4), on SQLite and then on the PostgreSQL named by
// WAYMARK_TEST_POSTGRES, in one run (tests/http/concurrent_editors.hpp does the work and the checks).
// Prints per database the saves answered 200, the 409 conflicts, every other answer (there must be
// no 5xx), p50/p95 of the grid load and the save, and the invariants: no lost update, every 409 with
// the other record, the history counted as the audit log counts it. Exits non-zero when an invariant
// broke. WAYMARK_BENCH_TEACHERS (50), WAYMARK_BENCH_SECONDS (60) and WAYMARK_BENCH_THINK_MS (100,
// each teacher's pause from 0 to this between loading the grid and saving) change the run.
#include "bench_database.hpp"
#include "concurrent_editors.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>

namespace {

using waymark::testing::backend;

int setting(const char *name, int fallback) {
    const char *text = std::getenv(name);
    return text == nullptr || *text == '\0' ? fallback : std::atoi(text);
}

bool invariants_broken = false;

void print(const waymark::testing::crowd_outcome &run, const waymark::testing::crowd_options &options) {
    using waymark::testing::percentile_ms;
    std::cout << run.database << ": " << options.teachers << " teachers for " << options.length.count() << " s (pausing up to "
              << options.think_ms << " ms before each save)\n"
              << "  saves answered 200: " << run.saves_ok << " (" << run.cells_saved << " cells), 409 conflicts: " << run.conflicts
              << ", other answers: " << run.other_answers.size() << " kinds (5xx: " << run.server_errors() << ")\n"
              << "  grid load: " << run.grid_loads << ", p50 " << percentile_ms(run.grid_ms, 0.5) << " ms, p95 "
              << percentile_ms(run.grid_ms, 0.95) << " ms\n"
              << "  save:      " << run.save_ms.size() << ", p50 " << percentile_ms(run.save_ms, 0.5) << " ms, p95 "
              << percentile_ms(run.save_ms, 0.95) << " ms\n"
              << "  history records " << run.history_records << ", audit log: " << run.audited_saves_ok << " saves of "
              << run.audited_cells << " cells and " << run.audited_conflicts << " conflicts\n"
              << "  invariants (no lost update, every 409 with the other record, history = audit log): "
              << (run.violations.empty() ? "all hold" : std::to_string(run.violations.size()) + " broken") << '\n';
    for (std::size_t i = 0; i < std::min<std::size_t>(10, run.violations.size()); ++i) std::cout << "    " << run.violations[i] << '\n';
    std::cout << std::flush;
}

void concurrent_editors(benchmark::State &state, backend kind) {
    if (!waymark::testing::available(state, kind)) return;
    const waymark::testing::crowd_options options{setting("WAYMARK_BENCH_TEACHERS", 50),
                                                  std::chrono::seconds(setting("WAYMARK_BENCH_SECONDS", 60)),
                                                  setting("WAYMARK_BENCH_THINK_MS", 100)};
    for (auto _ : state) {
        waymark::testing::bench_database scratch(kind);
        const auto run = waymark::testing::run_crowd(scratch.db(), options);
        print(run, options);
        using waymark::testing::percentile_ms;
        state.counters["saves_200"] = static_cast<double>(run.saves_ok);
        state.counters["conflicts_409"] = static_cast<double>(run.conflicts);
        state.counters["server_errors"] = static_cast<double>(run.server_errors());
        state.counters["grid_p50_ms"] = percentile_ms(run.grid_ms, 0.5);
        state.counters["grid_p95_ms"] = percentile_ms(run.grid_ms, 0.95);
        state.counters["save_p50_ms"] = percentile_ms(run.save_ms, 0.5);
        state.counters["save_p95_ms"] = percentile_ms(run.save_ms, 0.95);
        state.counters["broken_invariants"] = static_cast<double>(run.violations.size());
        if (!run.violations.empty()) {
            invariants_broken = true;
            state.SkipWithError(run.violations.front().c_str());
        }
    }
}

BENCHMARK_CAPTURE(concurrent_editors, sqlite, backend::sqlite)->Iterations(1)->Unit(benchmark::kSecond);
BENCHMARK_CAPTURE(concurrent_editors, postgresql, backend::postgresql)->Iterations(1)->Unit(benchmark::kSecond);

}  // namespace

int main(int argc, char **argv) {
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return invariants_broken ? 1 : 0;
}
