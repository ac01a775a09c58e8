#include "command.hpp"

#include "domain/whole_number.hpp"

#include "http/access.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "http/session_policy.hpp"
#include "http/static_files.hpp"

#include "services/targets/target_validation.hpp"
#include "store/migrations.hpp"
#include "store/settings.hpp"

#include <waymark/plugin.h>

#include <Poco/Net/IPAddress.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <ostream>

#include <pthread.h>

namespace waymark::cli {

namespace {

int whole_number_option(const invocation &args, std::string_view name, int fallback, int lowest, int highest) {
    const auto text = args.option(name);
    if (!text) return fallback;
    const auto number = domain::parse_whole_number(*text, lowest, highest);
    if (!number) {
        throw usage_error("--" + std::string(name) + " takes a whole number from " + std::to_string(lowest) + " to " +
                          std::to_string(highest) + ", not '" + *text + "'");
    }
    return static_cast<int>(*number);
}

// SIGINT and SIGTERM blocked in this thread and every thread it starts, so they wait for sigwait.
class termination_signals {
public:
    termination_signals() {
        sigemptyset(&set_);
        sigaddset(&set_, SIGINT);
        sigaddset(&set_, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &set_, &previous_);
    }
    ~termination_signals() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
    termination_signals(const termination_signals &) = delete;
    termination_signals &operator=(const termination_signals &) = delete;

    int wait() const {
        int received = 0;
        sigwait(&set_, &received);
        return received;
    }

private:
    sigset_t set_{};
    sigset_t previous_{};
};

// --trusted-proxy 10.0.0.2,10.0.0.3: the reverse proxies whose X-Forwarded-For names the client.
std::vector<std::string> trusted_proxies(const invocation &args) {
    std::vector<std::string> proxies;
    const std::string given = args.option_or("trusted-proxy", "");
    for (std::size_t at = 0; at < given.size();) {
        const std::size_t end = std::min(given.find(',', at), given.size());
        const std::string address = given.substr(at, end - at);
        Poco::Net::IPAddress parsed;
        if (!Poco::Net::IPAddress::tryParse(address, parsed))
            throw usage_error("--trusted-proxy takes the IP addresses of reverse proxies, separated by commas; '" + address +
                              "' is not one.");
        proxies.push_back(parsed.toString());
        at = end + 1;
    }
    return proxies;
}

int run_serve(const invocation &args, io streams) {
    const termination_signals signals;  // before any thread starts, so every one inherits the mask
    http::server_options options;
    options.bind_address = args.option_or("bind", options.bind_address);
    options.port = static_cast<uint16_t>(whole_number_option(args, "port", options.port, 0, 65535));
    options.worker_threads = whole_number_option(args, "threads", options.worker_threads, 2, 1024);
    const auto web_root = args.option("web-root");
    if (web_root && !std::filesystem::is_regular_file(std::filesystem::path(*web_root) / "index.html")) {
        throw usage_error("--web-root names the folder of the web page's files (host/web), which holds index.html; '" +
                          *web_root + "' does not");
    }

    const store::settings settings =
        store::resolve_settings(args.option("db"), args.option("data-dir"), args.option("config"));
    http::database_pool databases(store::open(settings), static_cast<std::size_t>(options.worker_threads));

    plugins::logger log(streams.err, WAYMARK_LOG_ERROR);
    plugins::registry registry(log);
    registry.load_default_folders();
    const plugins::scheme_catalog schemes(registry, [&](std::string_view id) { return settings.plugin_config(id); });
    const services::scheme_library library(schemes);
    const services::target_revalidation revalidation(registry, library);

    services::sign_in_rules rules;
    rules.idle_limit = std::chrono::minutes(whole_number_option(args, "idle-minutes", 60, 1, 24 * 60));
    rules.warn_before = std::min(rules.warn_before, rules.idle_limit / 2);
    // Everyone signs in, on loopback too: the local-user policy is for tests that build the server
    // in-process, never for a running server.
    const http::session_policy policy(databases, rules, services::now_instant, trusted_proxies(args));
    http::router routes(policy, streams.err);
    const http::api_services services{registry, schemes, &databases, &policy, &revalidation};
    http::add_api_routes(routes, services);

    const http::static_files pages = web_root ? http::static_files(*web_root) : http::static_files();

    http::server server(routes, options, &pages);
    server.start();
    streams.out << "Waymark serves the web page at " << server.url() << "/ and the API at " << server.url()
                << http::api_base << " (" << store::dialect_name(databases.kind()) << " database"
                << (web_root ? ", page files read from " + *web_root : std::string()) << "); Ctrl-C stops it.\n";
    streams.out << "Open " << server.url() << "/ and sign in (idle sessions end after " << rules.idle_limit.count() / 60
                << " minutes; `waymark users add` makes accounts, `waymark demo` the demo's).\n";
    streams.out.flush();
    const int received = signals.wait();
    server.stop();
    streams.out << "Stopped on " << (received == SIGINT ? "SIGINT" : "SIGTERM") << ".\n";
    return 0;
}

}  // namespace

extern const command serve_command{
    "serve",
    "serve [--port N] [--bind ADDRESS] [--threads N] [--idle-minutes N] [--trusted-proxy ADDRESS,...] [--web-root DIR]",
    "Serve the web page (default http://127.0.0.1:8080/) and the JSON API (/api/v1) until Ctrl-C or SIGTERM.",
    "Opens the configured database and loads the plugins as the other commands do, then answers the\n"
    "JSON API described in host/http/API.md. The server listens on 127.0.0.1 (this machine only) unless\n"
    "--bind names another address. --port 0 picks a free port (printed). --threads bounds the\n"
    "connections served at once (default 64).\n"
    "\n"
    "Everyone signs in (README, 'Signing in and users'): user name and password, then the six-digit\n"
    "code of their authenticator app. A session ends after --idle-minutes without activity (default\n"
    "60; the page warns 5 minutes before). Users are made with `waymark users add`.\n"
    "\n"
    "Behind a reverse proxy (for HTTPS), name it with --trusted-proxy ADDRESS (several with commas):\n"
    "its X-Forwarded-For then gives the client's address for sign-in throttling and the audit log, and\n"
    "X-Forwarded-Proto: https marks the session cookie Secure. Anyone else's X-Forwarded-For is ignored.\n"
    "\n"
    "The web page teachers and leaders use (README, 'The web page') is served at / from files compiled\n"
    "into this program: open the printed address in a browser. --web-root DIR serves the page's files\n"
    "from DIR instead (the source folder host/web), read afresh on every request, so an edit to the page\n"
    "shows on the next reload without rebuilding. Everything under /api/ is the JSON API.",
    {},
    {"bind", "web-root", "port", "threads", "idle-minutes", "trusted-proxy"},
    run_serve};

}  // namespace waymark::cli
