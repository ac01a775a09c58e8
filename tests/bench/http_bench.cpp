// The JSON API frame's own cost: a small JSON GET over a keep-alive loopback connection, through
// the real server, router, access check and JSON writer (the handler does no work of its own).
// Items per second are requests per second; the p50/p95 counters are one request's latency in
// microseconds (each client's own, averaged over the clients). With several clients each keeps its own connection, as browsers do.
// signed_in_json_get is the same behind sign-in: the session cookie looked up in an SQLite database
// on every request (what a signed-in request costs over the local user's).
#include "http/access.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/session_policy.hpp"

#include "services/access/credentials.hpp"
#include "services/access/sessions.hpp"
#include "services/access/users.hpp"
#include "store/migrations.hpp"
#include "store/schools.hpp"
#include "store/settings.hpp"

#include <unistd.h>

#include <filesystem>

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
namespace store = waymark::store;

void add_pupil_route(router &routes) {
    routes.add("GET", "/api/v1/pupils/{id}", permission::read_school, [](const request &asked, response &reply) {
            Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
            body.set("id", asked.path_parameter("id"));
            body.set("name", "Zoë Example");
            body.set("year", 4);
            reply.json(body);
        });
}

struct bench_server {
    local_user_policy policy{principal{"bench", "Bench"}, true};
    std::ostringstream failures;
    router routes{policy, failures};
    std::unique_ptr<server> serving;

    bench_server() {
        add_pupil_route(routes);
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

// The same route behind sign-in: one teacher signed in on an SQLite database of its own.
struct signed_in_server {
    std::filesystem::path folder = std::filesystem::temp_directory_path() / ("wm_http_bench_" + std::to_string(::getpid()));
    database_pool databases{store::open(store::resolve_settings(std::nullopt, folder.string(), std::nullopt)), 64};
    session_policy policy{databases, waymark::services::sign_in_rules{}};
    std::ostringstream failures;
    router routes{policy, failures};
    std::unique_ptr<server> serving;
    std::string cookie;

    signed_in_server() {
        add_pupil_route(routes);
        auto database = databases.acquire();
        database->transaction("adding the bench school", [](soci::session &session) {
            store::find_or_create_school(session, {0, "801", "2000", "", "Bench Primary", "PR1 1AA", {2025}});
        });
        const auto made = waymark::services::add_user(*database, {"bench", "", waymark::domain::user_role::leader, "8012000", {}, {}},
                                                      waymark::services::instant_text(waymark::services::now_instant()));
        const auto now = waymark::services::now_instant();
        const std::string token = waymark::services::start_session(*database, "bench", made.password, "127.0.0.1", now, {});
        const std::string code = waymark::services::totp_code(*waymark::services::base32_decode(made.totp_secret),
                                                              waymark::services::totp_step(now.time_since_epoch().count()));
        waymark::services::complete_second_step(*database, token, code, "127.0.0.1", now, {});
        cookie = std::string(session_cookie) + "=" + token;
        server_options options;
        options.port = 0;
        serving = std::make_unique<server>(routes, options);
        serving->start();
    }
    ~signed_in_server() {
        serving.reset();
        std::filesystem::remove_all(folder);
    }
};

signed_in_server &shared_signed_in_server() {
    static signed_in_server instance;
    return instance;
}

void timed_gets(benchmark::State &state, uint16_t port, const std::string &cookie) {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    session.setKeepAlive(true);
    std::vector<double> micros;
    std::string body;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        Poco::Net::HTTPRequest request("GET", "/api/v1/pupils/1234", Poco::Net::HTTPMessage::HTTP_1_1);
        request.setKeepAlive(true);
        if (!cookie.empty()) request.set("Cookie", cookie);
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

void small_json_get(benchmark::State &state) { timed_gets(state, shared_server().serving->port(), ""); }
void signed_in_json_get(benchmark::State &state) {
    timed_gets(state, shared_signed_in_server().serving->port(), shared_signed_in_server().cookie);
}

BENCHMARK(small_json_get)->UseRealTime()->Threads(1)->Threads(8)->Threads(50);
BENCHMARK(signed_in_json_get)->UseRealTime()->Threads(1)->Threads(8)->Threads(50);

}  // namespace

BENCHMARK_MAIN();
