// What the host has loaded, as people and scripts read it: used by `waymark plugins` and by the
// main job.
#pragma once

#include "plugin_host/registry.hpp"

#include <iosfwd>

namespace waymark::cli {

// One row per loaded plugin (id, kind, name, vendor, version, file), then every refusal sentence.
void print_plugins(const plugins::registry &registry, std::ostream &out);

// {"plugins": [{id, kind, name, vendor, version, description, file}], "refused": [{file, message}]}
void print_plugins_json(const plugins::registry &registry, std::ostream &out);

// The descriptors of one file's load report, or its refusal sentence.
void print_load_report(const plugins::load_report &report, std::ostream &out);

}  // namespace waymark::cli
