// Every loaded scheme plugin, created once with the school's configuration and shared: scheme
// methods are thread-safe, so a server's requests use these instances without creating their own.
#pragma once

#include "plugin_host/registry.hpp"
#include "plugin_host/scheme.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::plugins {

struct scheme_entry {
    plugin_listing listing;
    std::optional<scheme> ready;  // empty when the plugin could not be created
    std::string problem;          // why not (the plugin's sentence, e.g. a bands file it needs)
};

class scheme_catalog {
public:
    // config_of(id) is the configuration text for a plugin id ("" for none). A scheme that cannot be
    // created is kept with its problem, so a listing still shows it and says why it is unusable.
    scheme_catalog(const registry &registry, const std::function<std::string(std::string_view)> &config_of);

    const std::vector<scheme_entry> &entries() const { return entries_; }
    const scheme_entry *find(std::string_view id) const;

private:
    std::vector<scheme_entry> entries_;
};

}  // namespace waymark::plugins
