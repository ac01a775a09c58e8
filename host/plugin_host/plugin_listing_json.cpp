#include "plugin_host/plugin_listing_json.hpp"

#include <Poco/JSON/Array.h>

namespace waymark::plugins {

Poco::JSON::Object plugins_json(const registry &registry) {
    Poco::JSON::Array plugin_list;
    for (const auto &plugin : registry.plugins()) {
        Poco::JSON::Object entry(Poco::JSON_PRESERVE_KEY_ORDER);
        const auto &d = plugin.descriptor;
        entry.set("id", d.id);
        entry.set("kind", d.kind);
        entry.set("name", d.name);
        entry.set("vendor", d.vendor);
        entry.set("version", d.version);
        entry.set("description", d.description);
        entry.set("file", plugin.file.string());
        plugin_list.add(entry);
    }
    Poco::JSON::Array refused;
    for (const auto &report : registry.reports()) {
        if (report.loaded) continue;
        Poco::JSON::Object entry(Poco::JSON_PRESERVE_KEY_ORDER);
        entry.set("file", report.path.string());
        entry.set("message", report.message);
        refused.add(entry);
    }
    Poco::JSON::Object document(Poco::JSON_PRESERVE_KEY_ORDER);
    document.set("plugins", plugin_list);
    document.set("refused", refused);
    return document;
}

}  // namespace waymark::plugins
