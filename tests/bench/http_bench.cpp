// The JSON API frame's own cost: a small JSON GET over a keep-alive loopback connection, through
// the real server, router, access check and JSON writer (the handler does no work of its own).
// Items per second are requests per second; the p50/p95 counters are one request's latency in
// microseconds (each client's own, averaged over the clients). With several clients each keeps its own connection, as browsers do.
#include "http/access.hpp"
#include "http/router.hpp"
#include "http/server.hpp"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <sstream>
#include <vector>

namespace {

using namespace waymark::http;

struct bench_server {
    local_user_policy policy{principal{"bench", "Bench"}, true};
    std::ostringstream failures;
    router routes{policy, failures};
    std::unique_ptr<server> serving;

    bench_server() {
        routes.add("GET", "/api/v1/pupils/{id}", permission::read_school, [](const request &asked, response &reply) {
            Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
            body.set("id", asked.path_parameter("id"));
            body.set("name", "Zoë Example");
            body.set("year", 4);
            reply.json(body);
        });
        server_options options;
        options.port = 0;
        serving = std::make_unique<server>(routes, options);
        serving->start();
    }
};

bench_server &shared_server() {
    static bench_server instance;
    return instance;
}

void small_json_get(benchmark::State &state) {
    Poco::Net::HTTPClientSession session("127.0.0.1", shared_server().serving->port());
    session.setKeepAlive(true);
    std::vector<double> micros;
    std::string body;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        Poco::Net::HTTPRequest request("GET", "/api/v1/pupils/1234", Poco::Net::HTTPMessage::HTTP_1_1);
        request.setKeepAlive(true);
        session.sendRequest(request);
        Poco::Net::HTTPResponse response;
        std::istream &in = session.receiveResponse(response);
        body.assign(std::istreambuf_iterator<char>(in), {});
        micros.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
        if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK) state.SkipWithError("the request failed");
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
    if (micros.empty()) return;
    std::sort(micros.begin(), micros.end());
    // Each client thread's own percentiles, averaged over the threads.
    state.counters["p50_us"] = benchmark::Counter(micros[micros.size() / 2], benchmark::Counter::kAvgThreads);
    state.counters["p95_us"] = benchmark::Counter(micros[micros.size() * 95 / 100], benchmark::Counter::kAvgThreads);
}

BENCHMARK(small_json_get)->UseRealTime()->Threads(1)->Threads(8)->Threads(50);

}  // namespace

BENCHMARK_MAIN();
