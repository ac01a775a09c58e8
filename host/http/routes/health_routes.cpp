// GET /api/v1/health: that the server answers, what it is and which database it serves.
#include "http/api.hpp"

#include "store/database.hpp"

#include <waymark/plugin.h>

namespace waymark::http {

void add_health_routes(router &routes, const api_services &services) {
    routes.add("GET", api_base + "/health", permission::anyone, [&services](const request &, response &reply) {
        Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
        body.set("status", "ok");
        body.set("version", WAYMARK_VERSION);
        body.set("sdk_version", std::to_string(WAYMARK_SDK_VERSION_MAJOR) + "." +
                                    std::to_string(WAYMARK_SDK_VERSION_MINOR) + "." +
                                    std::to_string(WAYMARK_SDK_VERSION_PATCH));
        if (services.databases != nullptr) {
            body.set("database", std::string(store::dialect_name(services.databases->kind())));
        } else {
            body.set("database", Poco::Dynamic::Var());
        }
        reply.json(body);
    });
}

}  // namespace waymark::http
