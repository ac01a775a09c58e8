// Issue 2: each built-in scheme evaluates at least 20 million grades a second on one core, through
// the SDK. The built modules are loaded from WAYMARK_PLUGIN_DIR by the host's own plugin registry and
// evaluated in batches of 1024 grades, as the host's reports do.
#include "plugin_host/registry.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <vector>

namespace {

constexpr std::size_t batch_size = 1024;

waymark::plugins::registry &built_in_schemes() {
    static waymark::plugins::registry registry;
    static const bool loaded = [] {
        for (const char *module : {"lancashire-four-band", "lep-points", "app-sublevels", "school-bands"}) {
            const auto report = registry.load_file(std::string(WAYMARK_PLUGIN_DIR) + "/" + module + ".so");
            if (!report.loaded) {
                std::cerr << "scheme_evaluation_bench: " << report.message << "\n";
                std::exit(1);
            }
        }
        return true;
    }();
    (void)loaded;
    return registry;
}

void evaluate_batches(benchmark::State &state, const char *id, const std::string &config) {
    const waymark::plugins::scheme scheme = built_in_schemes().create_scheme(id, config);
    // A fixed spread of grades over the whole scheme, so every table row is exercised.
    std::vector<uint32_t> grades(batch_size);
    uint32_t seed = 12345;
    for (auto &grade : grades) {
        seed = seed * 1103515245u + 12345u;
        grade = (seed >> 8) % scheme.grade_count();
    }
    std::vector<waymark_evaluation> out(batch_size);
    const waymark::plugins::judgement_context year4_summer{4, WAYMARK_TERM_SUMMER, "maths"};
    for (auto _ : state) {
        scheme.evaluate(year4_summer, grades, out);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(batch_size));
}

BENCHMARK_CAPTURE(evaluate_batches, lancashire_four_band, "org.waymark.lancashire-four-band", "");
BENCHMARK_CAPTURE(evaluate_batches, lep_points, "org.waymark.lep-points", "");
BENCHMARK_CAPTURE(evaluate_batches, app_sublevels, "org.waymark.app-sublevels", "");
BENCHMARK_CAPTURE(evaluate_batches, school_bands, "org.waymark.school-bands",
                  WAYMARK_SOURCE_DIR "/plugins/school-bands/example.bands");

}  // namespace

BENCHMARK_MAIN();
