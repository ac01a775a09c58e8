#include "command.hpp"
#include "plugin_report.hpp"

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
        const plugins::load_report report = registry.load_file(args.positional(1, "the plugin FILE to check"));
        print_load_report(report, report.loaded ? streams.out : streams.err);
        return report.loaded ? 0 : 1;
    }
    throw usage_error("Unknown action '" + action + "'; use list or check.");
}

}  // namespace

extern const command plugins_command{
    "plugins",
    "plugins list [--json] | plugins check FILE",
    "List the loaded plugins and refused files, or check one plugin file.",
    "`plugins list` loads every plugin the host would load (the folder `plugins` beside the executable,\n"
    "../lib/waymark/plugins, and the folders of WAYMARK_PLUGIN_PATH) and prints each plugin's id, kind,\n"
    "name, vendor, version and file, then each refused file with the reason. --json prints the same as\n"
    "JSON. `plugins check FILE` loads one file as the host would and prints its plugins (exit status 0)\n"
    "or the reason it is refused (exit status 1).",
    {"json"},
    {},
    run_plugins};

}  // namespace waymark::cli
