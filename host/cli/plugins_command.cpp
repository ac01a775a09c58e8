#include "command.hpp"
#include "plugin_report.hpp"
#include "tracking_session.hpp"

#include "plugin_host/plugin_worker.hpp"

#include <waymark/plugin.h>

#include <ostream>

namespace waymark::cli {

namespace {

int run_plugins(const invocation &args, io streams) {
    const std::string &action = args.positional(0, "the action (list or check)");
    // Refusals are part of what these commands print; the log shows only the plugins' own errors.
    plugins::logger log(streams.err, WAYMARK_LOG_ERROR);
    plugins::registry registry(log);
    if (action == "list") {
        if (args.positional().size() > 1) throw usage_error("`plugins list` takes no file; use `plugins check FILE`.");
        registry.load_default_folders();
        if (args.has_switch("json")) {
            print_plugins_json(registry, streams.out);
        } else {
            print_plugins(registry, streams.out);
        }
        return 0;
    }
    if (action == "check") {
        // In a worker process: a plugin that crashes or hangs when called is reported, not fatal.
        const std::string file = args.positional(1, "the plugin FILE to check");
        plugins::worker_limits limits;
        limits.wall_time = limits.processor_time =
            std::chrono::seconds(whole_number_option(args.option_or("seconds", "60"), "--seconds", 1, 3600));
        const plugins::plugin_worker worker(plugins::worker_executable(), limits);
        try {
            worker.run({"check", file}, "", streams.out, "The plugin file " + file, "being checked");
        } catch (const plugins::plugin_error &refused) {
            streams.out.flush();
            streams.err << refused.what() << '\n';
            return 1;
        }
        return 0;
    }
    throw usage_error("Unknown action '" + action + "'; use list or check.");
}

}  // namespace

extern const command plugins_command{
    "plugins",
    "plugins list [--json] | plugins check FILE [--seconds N]",
    "List the loaded plugins and refused files, or check one plugin file.",
    "`plugins list` loads every plugin the host would load (the folder `plugins` beside the executable,\n"
    "../lib/waymark/plugins, and the folders of WAYMARK_PLUGIN_PATH) and prints each plugin's id, kind,\n"
    "name, vendor, version and file, then each refused file with the reason. --json prints the same as\n"
    "JSON. `plugins check FILE` loads one file as the host would and prints its plugins, then creates\n"
    "each one without a configuration and has each renderer render a sample report (exit status 0), or\n"
    "prints the reason it is refused (exit status 1). The check runs in a worker process, as serve runs\n"
    "renderers, so a plugin that crashes, runs out of memory (1024 MB) or does not finish within\n"
    "--seconds (default 60) is reported with what stopped it (exit status 1).",
    {"json"},
    {"seconds"},
    run_plugins};

}  // namespace waymark::cli
