// The same crowd of signed-in teachers loading and saving their class grids (tests/http/
// concurrent_editors.hpp) on the PostgreSQL named by WAYMARK_TEST_POSTGRES, first against one
// `waymark serve`, then against four behind a Debian nginx round-robin (issue 15, item 2), so the
// scaling is a measured ratio. Prints for each p50/p95 of the grid load and the save, the saves
// answered 200, the 409s and every other answer (errors), and the invariants. Exits non-zero when an
// invariant broke. WAYMARK_BENCH_TEACHERS (50), WAYMARK_BENCH_SECONDS (20) and WAYMARK_BENCH_THINK_MS
// (100) change the run.
#include "bench_database.hpp"
#include "many_processes.hpp"

#include <cstdlib>
#include <iostream>

namespace {

using namespace waymark::testing;

int setting(const char *name, int fallback) {
    const char *text = std::getenv(name);
    return text == nullptr || *text == '\0' ? fallback : std::atoi(text);
}

bool print(const std::string &what, const crowd_outcome &run) {
    long long errors = 0;
    for (const auto &[status, times] : run.other_answers) errors += times;
    std::cout << what << ": " << run.grid_loads << " grid loads, p50 " << percentile_ms(run.grid_ms, 0.5) << " ms, p95 "
              << percentile_ms(run.grid_ms, 0.95) << " ms; " << run.save_ms.size() << " saves, p50 "
              << percentile_ms(run.save_ms, 0.5) << " ms, p95 " << percentile_ms(run.save_ms, 0.95) << " ms; 200: " << run.saves_ok
              << ", 409: " << run.conflicts << ", errors (any other answer): " << errors << " (5xx: " << run.server_errors()
              << "); invariants: " << (run.violations.empty() ? "all hold" : std::to_string(run.violations.size()) + " broken") << '\n';
    for (std::size_t i = 0; i < std::min<std::size_t>(5, run.violations.size()); ++i) std::cout << "    " << run.violations[i] << '\n';
    std::cout << std::flush;
    return run.violations.empty();
}

}  // namespace

int main() {
    if (!test_postgres()) {
        std::cout << "WAYMARK_TEST_POSTGRES is not set: many_processes_bench needs a PostgreSQL server.\n";
        return 0;
    }
    crowd_options options{setting("WAYMARK_BENCH_TEACHERS", 50), std::chrono::seconds(setting("WAYMARK_BENCH_SECONDS", 20)),
                          setting("WAYMARK_BENCH_THINK_MS", 100)};
    std::cout << options.teachers << " teachers for " << options.length.count() << " s each run (pausing up to " << options.think_ms
              << " ms before each save), " << std::thread::hardware_concurrency() << " cores\n";
    bool held = true;
    {
        bench_database scratch(backend::postgresql);
        held = print("1 waymark serve", run_crowd(scratch.db(), options)) && held;
    }
    {
        bench_database scratch(backend::postgresql);
        serve_processes serving(scratch.db().connection(), 4);
        const nginx_in_front nginx(serving.ports);
        if (!nginx.started()) {
            std::cout << "nginx did not start.\n";
            return 1;
        }
        options.served_port = nginx.port();
        held = print("4 waymark serve behind nginx", run_crowd(scratch.db(), options)) && held;
    }
    return held ? 0 : 1;
}
