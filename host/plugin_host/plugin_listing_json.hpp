// What the host has loaded, as JSON: one document shared by `waymark plugins list --json` and
// `GET /api/v1/plugins`, so scripts read the same shape from either.
#pragma once

#include "plugin_host/registry.hpp"

#include <Poco/JSON/Object.h>

namespace waymark::plugins {

// {id, kind, name, vendor, version, description}: how every listing of plugins starts.
Poco::JSON::Object descriptor_json(const descriptor_info &descriptor);

// {"plugins": [{id, kind, name, vendor, version, description, file}], "refused": [{file, message}]}
Poco::JSON::Object plugins_json(const registry &registry);

}  // namespace waymark::plugins
