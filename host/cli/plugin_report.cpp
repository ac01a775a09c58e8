#include "plugin_report.hpp"
#include "print_json.hpp"

#include "text_table.hpp"

#include "plugin_host/plugin_listing_json.hpp"

#include <ostream>

namespace waymark::cli {

namespace {

text_table descriptor_table() { return text_table({"id", "kind", "name", "vendor", "version", "file"}); }

void add_descriptor(text_table &table, const plugins::descriptor_info &d, const std::filesystem::path &file) {
    table.add_row({d.id, d.kind, d.name, d.vendor, d.version, file.string()});
}

}  // namespace

void print_plugins(const plugins::registry &registry, std::ostream &out) {
    const auto loaded = registry.plugins();
    out << "Plugins loaded: " << loaded.size() << '\n';
    text_table table = descriptor_table();
    for (const auto &plugin : loaded) add_descriptor(table, plugin.descriptor, plugin.file);
    if (!table.empty()) table.print(out);
    std::size_t refused = 0;
    for (const auto &report : registry.reports()) refused += report.loaded ? 0 : 1;
    if (refused == 0) return;
    out << "Files refused: " << refused << '\n';
    for (const auto &report : registry.reports()) {
        if (!report.loaded) out << "  " << report.message << '\n';
    }
}

void print_plugins_json(const plugins::registry &registry, std::ostream &out) {
    print_json(out, plugins::plugins_json(registry));
}

void print_load_report(const plugins::load_report &report, std::ostream &out) {
    if (!report.loaded) {
        out << report.message << '\n';
        return;
    }
    out << report.path.string() << " is a loadable Waymark plugin library offering " << report.descriptors.size()
        << (report.descriptors.size() == 1 ? " plugin:\n" : " plugins:\n");
    text_table table = descriptor_table();
    for (const auto &d : report.descriptors) add_descriptor(table, d, report.path);
    table.print(out);
}

}  // namespace waymark::cli
