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

// A server setting: its --flag, else its key in the settings file's [server] section (port,
// idle_minutes...); `where` names the one it came from in a refusal.
struct server_setting {
    std::string value;
    std::string where;
};

std::optional<server_setting> setting_of(const invocation &args, const store::settings &settings, std::string_view flag) {
    if (auto given = args.option(flag)) return server_setting{*given, "--" + std::string(flag)};
    std::string key(flag);
    std::replace(key.begin(), key.end(), '-', '_');
    const auto found = settings.server.find(key);
    if (found == settings.server.end()) return std::nullopt;
    return server_setting{found->second, "`" + key + "` in the [server] section of " + settings.file->string()};
}

int whole_number_setting(const std::optional<server_setting> &setting, int fallback, int lowest, int highest) {
    if (!setting) return fallback;
    const auto number = domain::parse_whole_number(setting->value, lowest, highest);
    if (!number) {
        throw usage_error(setting->where + " takes a whole number from " + std::to_string(lowest) + " to " +
                          std::to_string(highest) + ", not '" + setting->value + "'");
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
std::vector<std::string> trusted_proxies(const std::optional<server_setting> &setting) {
    std::vector<std::string> proxies;
    if (!setting) return proxies;
    const std::string &given = setting->value;
    for (std::size_t at = 0; at < given.size();) {
        const std::size_t end = std::min(given.find(',', at), given.size());
        const std::string address = given.substr(at, end - at);
        Poco::Net::IPAddress parsed;
        if (!Poco::Net::IPAddress::tryParse(address, parsed))
            throw usage_error(setting->where + " takes the IP addresses of reverse proxies, separated by commas; '" +
                              address + "' is not one.");
        proxies.push_back(parsed.toString());
        at = end + 1;
    }
    return proxies;
}

// How `waymark serve` runs, from its flags and the settings file, each value checked.
struct serve_configuration {
    http::server_options options;
    std::chrono::minutes idle_limit{60};
    std::vector<std::string> proxies;
    std::optional<std::string> web_root;
    plugins::worker_limits renderer_limits;
};

serve_configuration read_configuration(const invocation &args, const store::settings &settings) {
    serve_configuration config;
    auto &options = config.options;
    if (const auto bind = setting_of(args, settings, "bind")) {
        Poco::Net::IPAddress parsed;
        if (!Poco::Net::IPAddress::tryParse(bind->value, parsed))
            throw usage_error(bind->where + " takes an IP address to listen on (127.0.0.1, 0.0.0.0, ::1), not '" +
                              bind->value + "'.");
        options.bind_address = bind->value;
    }
    options.port = static_cast<uint16_t>(whole_number_setting(setting_of(args, settings, "port"), options.port, 0, 65535));
    options.worker_threads =
        whole_number_setting(setting_of(args, settings, "threads"), options.worker_threads, 2, 1024);
    config.idle_limit = std::chrono::minutes(whole_number_setting(setting_of(args, settings, "idle-minutes"), 60, 1, 24 * 60));
    config.proxies = trusted_proxies(setting_of(args, settings, "trusted-proxy"));
    auto &limits = config.renderer_limits;
    limits.wall_time = limits.processor_time = std::chrono::seconds(
        whole_number_setting(setting_of(args, settings, "plugin-seconds"), static_cast<int>(limits.wall_time.count()), 1, 3600));
    limits.memory_megabytes = static_cast<std::size_t>(whole_number_setting(
        setting_of(args, settings, "plugin-memory-mb"), static_cast<int>(limits.memory_megabytes), 64, 64 * 1024));
    config.web_root = args.option("web-root");
    if (config.web_root && !std::filesystem::is_regular_file(std::filesystem::path(*config.web_root) / "index.html")) {
        throw usage_error("--web-root names the folder of the web page's files (host/web), which holds index.html; '" +
                          *config.web_root + "' does not");
    }
    return config;
}

// --check-config: every problem the settings have, one line each, without serving or changing anything.
int check_configuration(const invocation &args, io streams) {
    const store::settings settings =
        store::resolve_settings(args.option("db"), args.option("data-dir"), args.option("config"));
    const std::string file = settings.file ? settings.file->string() : std::string("(no settings file; defaults)");
    int problems = 0;
    const auto problem = [&](const std::string &sentence) {
        streams.out << "  problem: " << sentence << "\n";
        ++problems;
    };
    streams.out << "Settings: " << file << "\n";
    for (const auto &key : settings.unknown_keys) {
        problem("`" + key + "` is not a setting Waymark reads (misspelt, or in the wrong section?); see README, "
                "'The database and the settings file'.");
    }
    try {
        const auto config = read_configuration(args, settings);
        streams.out << "  serves: http://" << config.options.bind_address << ":" << config.options.port << "/ with "
                    << config.options.worker_threads << " threads, sessions idle after " << config.idle_limit.count()
                    << " minutes, " << config.proxies.size() << " trusted proxies\n";
    } catch (const usage_error &e) {
        problem(e.what());
    }
    streams.out << "  data folder: " << settings.data_dir.string() << "\n";
    try {
        const bool embedded = settings.connection == store::embedded_connection(settings.data_dir);
        if (embedded && !std::filesystem::exists(settings.data_dir / "waymark.db")) {
            streams.out << "  database: the embedded file " << (settings.data_dir / "waymark.db").string()
                        << " does not exist yet; the first `waymark serve` or `waymark migrate` makes it\n";
        } else {
            store::database db = store::connect(settings);
            const int version = store::schema_version(db);
            streams.out << "  database: " << store::dialect_name(db.kind()) << ", Waymark schema version " << version
                        << " (this waymark's is " << store::latest_schema_version() << ")\n";
            if (version > store::latest_schema_version()) {
                problem("the database's schema is newer than this waymark; upgrade the package before serving it.");
            }
        }
    } catch (const std::exception &e) {
        problem(std::string("the database cannot be opened: ") + e.what());
    }
    plugins::logger quiet(streams.err, WAYMARK_LOG_ERROR);
    plugins::registry registry(quiet);
    registry.load_default_folders();
    std::size_t loaded = 0;
    for (const auto &report : registry.reports()) {
        if (report.loaded) {
            ++loaded;
        } else {
            problem(report.message);
        }
    }
    streams.out << "  plugins: " << loaded << " files loaded\n";
    streams.out << (problems == 0 ? "The settings are usable.\n"
                                  : std::to_string(problems) + (problems == 1 ? " problem" : " problems") +
                                        " to fix before `waymark serve` starts cleanly.\n");
    return problems == 0 ? 0 : 1;
}

int run_serve(const invocation &args, io streams) {
    if (args.has_switch("check-config")) return check_configuration(args, streams);
    const termination_signals signals;  // before any thread starts, so every one inherits the mask
    const store::settings settings =
        store::resolve_settings(args.option("db"), args.option("data-dir"), args.option("config"));
    const serve_configuration config = read_configuration(args, settings);
    const http::server_options &options = config.options;
    const auto &web_root = config.web_root;
    for (const auto &key : settings.unknown_keys) {
        streams.err << "waymark serve: `" << key << "` in " << settings.file->string()
                    << " is not a setting Waymark reads; it is ignored (`waymark serve --check-config` lists them).\n";
    }
    http::database_pool databases(store::open(settings), static_cast<std::size_t>(options.worker_threads));
    const std::string replica = args.option("replica").value_or(settings.replica);
    std::optional<http::database_pool> replica_databases;
    if (!replica.empty()) {
        if (databases.kind() != store::dialect::postgresql)
            throw usage_error("--replica names a PostgreSQL standby of a PostgreSQL primary; this database is " +
                              std::string(store::dialect_name(databases.kind())) + ".");
        // Opened on the first report, so a standby that is down now only makes reports read from the primary.
        replica_databases.emplace(replica, store::dialect::postgresql, static_cast<std::size_t>(options.worker_threads));
    }

    plugins::logger log(streams.err, WAYMARK_LOG_ERROR);
    plugins::registry registry(log);
    registry.load_default_folders();
    const plugins::scheme_catalog schemes(registry, [&](std::string_view id) { return settings.plugin_config(id); });
    const services::scheme_library library(schemes);
    const services::target_revalidation revalidation(registry, library);

    services::sign_in_rules rules;
    rules.idle_limit = config.idle_limit;
    rules.warn_before = std::min(rules.warn_before, rules.idle_limit / 2);
    // Everyone signs in, on loopback too: the local-user policy is for tests that build the server
    // in-process, never for a running server.
    const http::session_policy policy(databases, rules, services::now_instant, config.proxies);
    http::router routes(policy, streams.err);
    // Every report a renderer writes is rendered in a worker process, so a renderer that crashes,
    // hangs or eats memory refuses that report and nothing else.
    const plugins::plugin_worker renderer_worker(plugins::worker_executable(), config.renderer_limits);
    http::api_services services{registry, schemes, &databases, &policy, &revalidation, &renderer_worker};
    if (replica_databases) {
        services.replica_databases = &*replica_databases;
        services.warnings = &streams.err;
    }
    http::add_api_routes(routes, services);

    const http::static_files pages = web_root ? http::static_files(*web_root) : http::static_files();

    http::server server(routes, options, &pages);
    server.start();
    streams.out << "Waymark serves the web page at " << server.url() << "/ and the API at " << server.url()
                << http::api_base << " (" << store::dialect_name(databases.kind()) << " database"
                << (replica_databases ? ", reports read from the replica " + store::redacted(replica) : std::string())
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
    "serve [--port N] [--bind ADDRESS] [--threads N] [--idle-minutes N] [--trusted-proxy ADDRESS,...] [--web-root DIR]"
    " [--plugin-seconds N] [--plugin-memory-mb N] [--replica CONNECTION]"
    " | serve --check-config",
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
    "shows on the next reload without rebuilding. Everything under /api/ is the JSON API.\n"
    "\n"
    "Reports are rendered (PDF, spreadsheet, CSV) in a worker process, one per report, so a renderer\n"
    "plugin that crashes, loops or eats memory refuses that report with one sentence and the server\n"
    "carries on: the worker is stopped after --plugin-seconds (default 60) and may use --plugin-memory-mb\n"
    "of memory (default 1024).\n"
    "\n"
    "Reports and summaries can read from a PostgreSQL streaming-replication standby, sparing the\n"
    "primary: --replica CONNECTION (or `replica =` in the settings file's [database] section) is its\n"
    "ODBC connection string. Every write, and every read that must see its own write (the grids),\n"
    "stays on the primary. Each report and summary answer carries a Waymark-Reflects header: the\n"
    "instant its data reflects (the standby's last replayed commit, or now on the primary). When the\n"
    "standby cannot be reached, reports read from the primary and one warning line goes to the\n"
    "error output per report.\n"
    "\n"
    "Each flag but --web-root and --replica can instead be set in the settings file's [server]\n"
    "section, where a flag given on the command line wins: bind, port, threads, idle_minutes,\n"
    "trusted_proxy, plugin_seconds, plugin_memory_mb (the installed service reads\n"
    "/etc/waymark/waymark.ini). `waymark serve --check-config` reads the settings as serve would\n"
    "and lists every problem, one line each (a key Waymark does not read, a value out of range, a\n"
    "database that cannot be opened or is newer than this waymark, a refused plugin), then exits 0\n"
    "when there are none and 1 otherwise, serving nothing and changing nothing.\n"
    "\n"
    "SIGTERM (systemctl stop) and Ctrl-C stop it gracefully: it stops accepting connections, answers\n"
    "the requests in progress, then exits 0.",
    {"check-config"},
    {"bind", "web-root", "replica", "port", "threads", "idle-minutes", "trusted-proxy", "plugin-seconds", "plugin-memory-mb"},
    run_serve};

}  // namespace waymark::cli
