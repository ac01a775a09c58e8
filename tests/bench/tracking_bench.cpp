// What the web grid waits for: loading an assessment's class grid (30 pupils, every column, with a
// history of earlier changes in the table) and saving a flood-fill of one column for that class, on
// both databases, by service call and through the JSON API (a real server on loopback and a
// keep-alive client, as the page will call it). Target: under 15 ms each (issue 15). PostgreSQL cases
// run when WAYMARK_TEST_POSTGRES names a server.
#include "bench_database.hpp"
#include "domain/upn.hpp"
#include "http/access.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "services/tracking/class_grid.hpp"
#include "store/pupils.hpp"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <benchmark/benchmark.h>

#include <sstream>

namespace {

using namespace waymark;
using waymark::testing::backend;

constexpr int classes = 14;
constexpr int class_size = 30;

// A 420-pupil school (a two-form-entry primary, the demo's size) with an assessment whose five subjects
// each have three changes per pupil, and a test score, formative text and phonics for every pupil.
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
            domain::pupil p = waymark::testing::bench_pupil(serial);
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
        spec.formative_title = "KLIPS";
        spec.phonics = true;
        assessment = services::create_assessment(bench.db(), school, spec, schemes, "org.waymark.lancashire-four-band");
        const std::vector<std::pair<std::string, std::vector<std::string>>> columns{
            {"reading", {"B", "T", "OT"}}, {"writing", {"T", "OT", "D"}}, {"maths", {"B", "OT", "OT"}},
            {"gps", {"T", "T", "OT"}}, {"science", {"43", "44", "45"}}};
        for (int round = 0; round < 3; ++round) {
            std::vector<services::cell_change> changes;
            for (const auto &p : pupils)
                for (const auto &[subject, values] : columns)
                    changes.push_back({{p.upn, subject, services::cell_kind::judgement}, values[round], {}, {}, {}});
            services::record_changes(bench.db(), school, assessment, schemes, changes,
                                     {"bench", "2026-02-1" + std::to_string(round) + "T09:00:00Z"});
        }
        // Every other column once: the maths test score, formative text per subject, phonics.
        std::vector<services::cell_change> others;
        for (const auto &p : pupils) {
            others.push_back({{p.upn, "maths", services::cell_kind::test}, "104", {}, {}, {}});
            for (const auto &[subject, values] : columns)
                others.push_back({{p.upn, subject, services::cell_kind::formative}, "Secure in most objectives", {}, {}, {}});
            others.push_back({{p.upn, "phonics", services::cell_kind::phonics}, "Phase 5", {}, {}, {}});
        }
        services::record_changes(bench.db(), school, assessment, schemes, others, {"bench", "2026-02-13T09:00:00Z"});
        bench.analyze();
    }
};

services::pupil_selection one_class() {
    services::pupil_selection which;
    which.filter.class_name = "Class 3";
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
        const services::cell_change column{{"", "writing", services::cell_kind::judgement}, values[round++ % 2], {}, {}, {}};
        benchmark::DoNotOptimize(services::fill_column(tracked.bench.db(), tracked.school, tracked.assessment, tracked.schemes,
                                                       one_class(), column, {"bench", ""}));
    }
    state.SetItemsProcessed(state.iterations() * class_size);
}

// The tracked school behind `waymark serve`'s API: the same routes, scheme instances and a pool of
// connections to the bench database, on an ephemeral loopback port.
struct served_school {
    tracked_school tracked;
    http::local_user_policy policy{http::principal{"bench", "Bench"}, true};
    std::ostringstream failures;
    http::router routes{policy, failures};
    http::database_pool pool;
    http::api_services services{tracked.registry, tracked.catalog, &pool};
    std::unique_ptr<http::server> server;
    std::unique_ptr<Poco::Net::HTTPClientSession> client;
    std::string assessment_url;

    explicit served_school(backend kind)
        : tracked(kind), pool(store::database(tracked.bench.db().connection()), 4),
          assessment_url("/api/v1/schools/8012000/assessments/" + std::to_string(tracked.assessment.id)) {
        http::add_api_routes(routes, services);
        http::server_options options;
        options.port = 0;
        server = std::make_unique<http::server>(routes, options);
        server->start();
        client = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", server->port());
        client->setKeepAlive(true);
    }

    // Sends one request and reads the whole reply; its body's size, or an error for the benchmark.
    std::size_t send(benchmark::State &state, const std::string &method, const std::string &uri, const std::string &body = "") {
        Poco::Net::HTTPRequest request(method, uri, Poco::Net::HTTPMessage::HTTP_1_1);
        request.setKeepAlive(true);
        if (!body.empty()) {
            request.setContentType("application/json");
            request.setContentLength64(static_cast<Poco::Int64>(body.size()));
            client->sendRequest(request) << body;
        } else {
            client->sendRequest(request);
        }
        Poco::Net::HTTPResponse response;
        std::istream &in = client->receiveResponse(response);
        const std::string reply(std::istreambuf_iterator<char>(in), {});
        if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK) state.SkipWithError(("the API answered " + reply).c_str());
        return reply.size();
    }
};

void class_grid_through_api(benchmark::State &state, backend kind) {
    if (!waymark::testing::available(state, kind)) return;
    served_school served(kind);
    const std::string uri = served.assessment_url + "/grid?class=Class%203";
    for (auto _ : state) benchmark::DoNotOptimize(served.send(state, "GET", uri));
    state.SetItemsProcessed(state.iterations() * class_size);
}

void flood_fill_through_api(benchmark::State &state, backend kind) {
    if (!waymark::testing::available(state, kind)) return;
    served_school served(kind);
    const std::string uri = served.assessment_url + "/judgements/fill";
    const std::vector<std::string> bodies{R"({"subject":"writing","value":"T","class":"Class 3"})",
                                          R"({"subject":"writing","value":"OT","class":"Class 3"})"};
    std::size_t round = 0;
    for (auto _ : state) benchmark::DoNotOptimize(served.send(state, "POST", uri, bodies[round++ % 2]));
    state.SetItemsProcessed(state.iterations() * class_size);
}

BENCHMARK_CAPTURE(class_grid, sqlite, backend::sqlite)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(class_grid, postgresql, backend::postgresql)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(flood_fill, sqlite, backend::sqlite)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(flood_fill, postgresql, backend::postgresql)->Unit(benchmark::kMillisecond);
// The server does the work on its own threads, so the client thread's CPU time (under 0.2 ms) cannot
// choose the iteration count: by it, Google Benchmark ran 10,000 flood-fills of the same 30 cells.
BENCHMARK_CAPTURE(class_grid_through_api, sqlite, backend::sqlite)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(class_grid_through_api, postgresql, backend::postgresql)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(flood_fill_through_api, sqlite, backend::sqlite)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(flood_fill_through_api, postgresql, backend::postgresql)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
