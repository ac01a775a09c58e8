// What the plugin host itself costs: loading and checking a library (dlopen, entry, factory and
// descriptor checks, init, then deinit and dlclose), creating an instance, and one judgement through
// the scheme handle alone versus in batches (the built-in schemes' own speed is in tests/bench), and
// one report rendered in this process versus in a worker process (what serve pays for isolation).
#include "plugin_host/plugin_worker.hpp"
#include "plugin_host/registry.hpp"
#include "plugin_host/renderer.hpp"

#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <vector>

namespace {

using waymark::plugins::judgement_context;
using waymark::plugins::logger;
using waymark::plugins::registry;

const std::string hello = WAYMARK_FIXTURE_DIR "/fixture_hello.so";

void load_and_unload_a_library(benchmark::State &state) {
    std::ostringstream quiet;
    logger log(quiet);
    for (auto _ : state) {
        registry plugins(log);
        benchmark::DoNotOptimize(plugins.load_file(hello).loaded);
    }
}
BENCHMARK(load_and_unload_a_library);

void refuse_a_foreign_sdk_version(benchmark::State &state) {
    std::ostringstream quiet;
    logger log(quiet);
    for (auto _ : state) {
        registry plugins(log);
        benchmark::DoNotOptimize(plugins.load_file(WAYMARK_FIXTURE_DIR "/fixture_major_two.so").loaded);
    }
}
BENCHMARK(refuse_a_foreign_sdk_version);

void create_a_scheme(benchmark::State &state) {
    registry plugins;
    plugins.load_file(hello);
    for (auto _ : state) benchmark::DoNotOptimize(plugins.create_scheme("org.example.hello-scheme").grade_count());
}
BENCHMARK(create_a_scheme);

// Judgements through one scheme handle, `range(0)` grades per call.
void evaluate(benchmark::State &state) {
    registry plugins;
    plugins.load_file(hello);
    const auto scheme = plugins.create_scheme("org.example.hello-scheme");
    const judgement_context context{4, WAYMARK_TERM_SPRING, "maths"};
    std::vector<uint32_t> grades(static_cast<std::size_t>(state.range(0)));
    for (std::size_t i = 0; i < grades.size(); ++i) grades[i] = static_cast<uint32_t>(i % 3);
    std::vector<waymark_evaluation> out(grades.size());
    for (auto _ : state) {
        scheme.evaluate(context, grades, out);
        benchmark::DoNotOptimize(out.data());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(evaluate)->Arg(1)->Arg(64)->Arg(4096);

// The matrix fixture report as PDF (`range(0)` 0) or CSV (1), in this process or in a worker.
void render_a_report(benchmark::State &state, bool in_worker) {
    std::ifstream in(WAYMARK_SOURCE_DIR "/tests/reports/fixtures/matrix_landscape.json", std::ios::binary);
    const std::string document((std::istreambuf_iterator<char>(in)), {});
    registry plugins;
    plugins.load_folder(WAYMARK_PLUGIN_DIR);
    const waymark::plugins::plugin_worker worker(WAYMARK_BIN, {});
    const auto renderer = find_renderer(plugins, state.range(0) == 0 ? "pdf" : "csv", "", in_worker ? &worker : nullptr);
    for (auto _ : state) {
        std::ostringstream out;
        renderer.render(document, out);
        benchmark::DoNotOptimize(out.str().size());
    }
}
void render_in_this_process(benchmark::State &state) { render_a_report(state, false); }
void render_in_a_worker(benchmark::State &state) { render_a_report(state, true); }
BENCHMARK(render_in_this_process)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(render_in_a_worker)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
