// `waymark plugin-worker`: the child process of plugin_host/plugin_worker.hpp. It limits itself, loads
// one plugin file and makes the one call it was started for; the parent turns how it ended (its exit
// status and the last line of its standard error, or the signal that stopped it) into a sentence.
#include "command.hpp"
#include "plugin_report.hpp"
#include "tracking_session.hpp"

#include "plugin_host/plugin_worker.hpp"
#include "plugin_host/registry.hpp"
#include "plugin_host/renderer.hpp"
#include "reports/document_json.hpp"

#include <iostream>
#include <new>
#include <optional>
#include <sstream>

namespace waymark::cli {

namespace {

// A plugin file loaded for one call, its refusal a plugin_error as every other failure is.
plugins::load_report load_or_refuse(plugins::registry &registry, const std::string &file) {
    plugins::load_report report = registry.load_file(file);
    if (!report.loaded) throw plugins::plugin_error(WAYMARK_ERROR_UNSUPPORTED, report.message);
    return report;
}

// The document JSON on standard input, rendered to standard output.
void render(plugins::registry &registry, const invocation &args, std::ostream &out) {
    const std::string &file = args.positional(1, "the plugin FILE");
    load_or_refuse(registry, file);
    const plugins::renderer renderer(registry.create(args.positional(2, "the plugin ID"), args.option_or("plugin-config", "")));
    std::ostringstream document_json;
    document_json << std::cin.rdbuf();
    renderer.render(document_json.str(), out);
}

// What `plugins check` shows of a plugin beyond its descriptor: it can be created, and a renderer
// renders a small report.
reports::document sample_document() {
    reports::document sample;
    sample.title = "Plugin check: a sample report";
    sample.school = "Waymark plugin check";
    sample.kind = "summary_table";
    sample.counts = "Nothing: a sample for the renderer";
    sample.generated = "2026-12-07T09:00:00Z";
    sample.as_of = "2026-12-07";
    sample.blocks.emplace_back(reports::heading{"A sample report", 1});
    sample.blocks.emplace_back(reports::paragraph{"Rendered by waymark plugins check.", false});
    reports::table figures;
    figures.title = "Figures";
    figures.columns = {{"Subject", reports::column_type::text, 1}, {"Pupils", reports::column_type::integer, 1}};
    const auto cell = [](std::string text, std::optional<double> value) {
        reports::cell made;
        made.text = std::move(text);
        made.value = value;
        return made;
    };
    figures.rows = {{cell("Reading", std::nullopt), cell("12", 12.0)}, {cell("Maths", std::nullopt), cell("11", 11.0)}};
    sample.blocks.emplace_back(std::move(figures));
    return sample;
}

void check(plugins::registry &registry, const invocation &args, std::ostream &out) {
    const std::string &file = args.positional(1, "the plugin FILE");
    const plugins::load_report report = load_or_refuse(registry, file);
    print_load_report(report, out);
    for (const auto &descriptor : report.descriptors) {
        out << "  " << descriptor.id << ": ";
        out.flush();  // what is written stays with the parent if the plugin crashes in the call below
        std::optional<plugins::instance> created;
        try {
            created.emplace(registry.create(descriptor.id));
        } catch (const plugins::plugin_error &needs) {
            // A scheme such as school-bands is made with the school's file; without one it says so.
            out << "not created without a configuration (" << needs.what() << ")\n";
            continue;
        }
        if (descriptor.kind != WAYMARK_KIND_RENDERER) {
            out << "created with no configuration\n";
            continue;
        }
        const plugins::renderer renderer(std::move(*created));
        std::ostringstream rendered;
        renderer.render(sample_document(), rendered);
        out << "rendered a sample report (" << rendered.str().size() << " bytes of " << renderer.media_type() << ")\n";
    }
}

int run_plugin_worker(const invocation &args, io streams) {
    plugins::worker_limits limits;
    limits.memory_megabytes = static_cast<std::size_t>(whole_number_option(args.required_option("memory-mb"), "--memory-mb", 1, 1 << 20));
    limits.processor_time = std::chrono::seconds(whole_number_option(args.required_option("cpu-seconds"), "--cpu-seconds", 1, 24 * 3600));
    const std::string &action = args.positional(0, "the call (render or check)");
    if (action != "render" && action != "check") throw usage_error("plugin-worker makes a render or check call, not '" + action + "'.");
    plugins::limit_this_process(limits);
    // The registry's own log would mix with the one sentence the parent reads: plugins' errors only.
    plugins::logger log(streams.err, WAYMARK_LOG_ERROR);
    plugins::registry registry(log);
    try {
        if (action == "render") render(registry, args, streams.out);
        else check(registry, args, streams.out);
    } catch (const plugins::plugin_error &refused) {
        streams.err << refused.what() << '\n';
        return refused.status();
    } catch (const reports::document_error &malformed) {
        streams.err << malformed.what() << '\n';
        return WAYMARK_ERROR_INVALID_INPUT;
    } catch (const std::bad_alloc &) {
        return plugins::worker_out_of_memory_status;
    }
    streams.out.flush();
    return streams.out.good() ? 0 : WAYMARK_ERROR_INTERNAL;
}

}  // namespace

extern const command plugin_worker_command{
    "plugin-worker",
    "plugin-worker --memory-mb M --cpu-seconds S render FILE ID [--plugin-config TEXT] | check FILE",
    "Run one plugin call in this process, for serve and plugins check (not for use by hand).",
    "The child process that keeps a plugin apart from the server: it limits its own memory (M MB of address\n"
    "space) and processor time (S seconds), loads FILE, and either renders the report document JSON on\n"
    "standard input with plugin ID (created with --plugin-config) to standard output, or checks FILE as\n"
    "`plugins check` shows it. It exits with the plugin's status and its sentence as the last line of\n"
    "standard error; `waymark serve` and `waymark plugins check` start it and say what stopped it.",
    {},
    {"memory-mb", "cpu-seconds", "plugin-config"},
    run_plugin_worker};

}  // namespace waymark::cli
