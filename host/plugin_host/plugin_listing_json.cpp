#include "plugin_host/plugin_listing_json.hpp"

#include <Poco/JSON/Array.h>

namespace waymark::plugins {

Poco::JSON::Object descriptor_json(const descriptor_info &descriptor) {
    Poco::JSON::Object entry(Poco::JSON_PRESERVE_KEY_ORDER);
    entry.set("id", descriptor.id);
    entry.set("kind", descriptor.kind);
    entry.set("name", descriptor.name);
    entry.set("vendor", descriptor.vendor);
    entry.set("version", descriptor.version);
    entry.set("description", descriptor.description);
    return entry;
}

Poco::JSON::Object plugins_json(const registry &registry) {
    Poco::JSON::Array plugin_list;
    for (const auto &plugin : registry.plugins()) {
        Poco::JSON::Object entry = descriptor_json(plugin.descriptor);
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
