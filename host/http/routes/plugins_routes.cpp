// GET /api/v1/plugins: the loaded plugins and refused files, as `waymark plugins list --json`.
#include "http/api.hpp"

#include "plugin_host/plugin_listing_json.hpp"

namespace waymark::http {

void add_plugins_routes(router &routes, const api_services &services) {
    routes.add("GET", api_base + "/plugins", permission::administer, [&services](const request &, response &reply) {
        reply.json(plugins::plugins_json(services.registry));
    });
}

}  // namespace waymark::http
