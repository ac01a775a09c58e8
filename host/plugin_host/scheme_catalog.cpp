#include "plugin_host/scheme_catalog.hpp"

#include "plugin_host/plugin_error.hpp"

#include <algorithm>

namespace waymark::plugins {

scheme_catalog::scheme_catalog(const registry &registry,
                               const std::function<std::string(std::string_view)> &config_of) {
    for (auto &listing : registry.plugins_of_kind(WAYMARK_KIND_SCHEME)) {
        scheme_entry entry{std::move(listing), std::nullopt, {}};
        try {
            entry.ready.emplace(registry.create_scheme(entry.listing.descriptor.id, config_of(entry.listing.descriptor.id)));
        } catch (const plugin_error &e) {
            entry.problem = e.what();
        }
        entries_.push_back(std::move(entry));
    }
}

const scheme_entry *scheme_catalog::find(std::string_view id) const {
    const auto it = std::find_if(entries_.begin(), entries_.end(),
                                 [&](const scheme_entry &e) { return e.listing.descriptor.id == id; });
    return it == entries_.end() ? nullptr : &*it;
}

}  // namespace waymark::plugins
