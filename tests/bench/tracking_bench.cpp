// What the web grid waits for: loading an assessment's class grid (30 pupils, every column, with a
// history of earlier changes in the table) and saving a flood-fill of one column for that class, on
// both databases. Target: under 20 ms each. PostgreSQL cases run when WAYMARK_TEST_POSTGRES names a
// server.
#include "bench_database.hpp"
#include "domain/upn.hpp"
#include "services/class_grid.hpp"
#include "store/pupils.hpp"

#include <benchmark/benchmark.h>

namespace {

using namespace waymark;
using waymark::testing::backend;

constexpr int classes = 14;
constexpr int class_size = 30;

// A 420-pupil school with an assessment whose five subjects each have three changes per pupil.
struct tracked_school {
    waymark::testing::bench_database bench;
    plugins::registry registry;
    plugins::scheme_catalog catalog{loaded(registry), [](std::string_view) { return std::string(); }};
    services::scheme_library schemes{catalog};
    store::school school;
    services::assessment assessment;

    static plugins::registry &loaded(plugins::registry &plugins) {
        plugins.load_folder(WAYMARK_PLUGIN_DIR);
        return plugins;
    }

    explicit tracked_school(backend kind) : bench(kind) {
        school = bench.db().transaction("adding the school", [](soci::session &session) {
            return store::find_or_create_school(session, {0, "801", "2000", "", "Bench Primary", "PR1 8XJ", {2025}});
        });
        std::vector<domain::pupil> pupils;
        for (int serial = 1; serial <= classes * class_size; ++serial) {
            domain::pupil p;
            std::string digits = std::to_string(serial);
            const std::string body = "8012000" + std::string(5 - digits.size(), '0') + digits;
            p.upn = domain::upn_check_letter(body) + body;
            p.surname = "Pupil" + digits;
            p.forename = "Sam";
            p.date_of_birth = domain::date{std::chrono::year{2016}, std::chrono::month{10}, std::chrono::day{3}};
            p.postcode = "PR1 1AA";
            p.class_name = "Class " + std::to_string(1 + serial % classes);
            pupils.push_back(p);
        }
        bench.db().transaction("adding pupils", [&](soci::session &session) { store::insert_pupils(session, school.id, pupils); });
        services::assessment spec;
        spec.name = "Spring 1";
        spec.assessed_on = domain::date{std::chrono::year{2026}, std::chrono::month{2}, std::chrono::day{10}};
        spec.year = {2025};
        spec.term = domain::term::spring;
        spec.year_groups = {4};
        spec.subjects = {{"science", "org.waymark.lep-points", {}}, {"gps", "", {}},
                         {"maths", "", services::test_score_kind::standardised}};
        spec.test_scores_title = "NFER";
        assessment = services::create_assessment(bench.db(), school, spec, schemes, "org.waymark.lancashire-four-band");
        const std::vector<std::pair<std::string, std::vector<std::string>>> columns{
            {"reading", {"B", "T", "OT"}}, {"writing", {"T", "OT", "D"}}, {"maths", {"B", "OT", "OT"}},
            {"gps", {"T", "T", "OT"}}, {"science", {"43", "44", "45"}}};
        for (int round = 0; round < 3; ++round) {
            std::vector<services::cell_change> changes;
            for (const auto &p : pupils)
                for (const auto &[subject, values] : columns)
                    changes.push_back({{p.upn, subject, services::cell_kind::judgement}, values[round], {}, {}});
            services::record_changes(bench.db(), school, assessment, schemes, changes,
                                     {"bench", "2026-02-1" + std::to_string(round) + "T09:00:00Z"});
        }
    }
};

services::pupil_selection one_class() {
    services::pupil_selection which;
    which.class_name = "Class 3";
    return which;
}

void class_grid(benchmark::State &state, backend kind) {
    if (!waymark::testing::available(state, kind)) return;
    tracked_school tracked(kind);
    for (auto _ : state) {
        const auto grid = services::load_class_grid(tracked.bench.db().session(), tracked.school, tracked.assessment,
                                                    tracked.schemes, one_class(), "");
        if (grid.rows.size() != class_size) state.SkipWithError("the class does not have 30 pupils");
        benchmark::DoNotOptimize(grid);
    }
    state.SetItemsProcessed(state.iterations() * class_size);
}

void flood_fill(benchmark::State &state, backend kind) {
    if (!waymark::testing::available(state, kind)) return;
    tracked_school tracked(kind);
    const std::vector<std::string> values{"T", "OT"};
    std::size_t round = 0;
    for (auto _ : state) {
        const services::cell_change column{{"", "writing", services::cell_kind::judgement}, values[round++ % 2], {}, {}};
        benchmark::DoNotOptimize(services::fill_column(tracked.bench.db(), tracked.school, tracked.assessment, tracked.schemes,
                                                       one_class(), column, {"bench", ""}));
    }
    state.SetItemsProcessed(state.iterations() * class_size);
}

BENCHMARK_CAPTURE(class_grid, sqlite, backend::sqlite)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(class_grid, postgresql, backend::postgresql)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(flood_fill, sqlite, backend::sqlite)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(flood_fill, postgresql, backend::postgresql)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
