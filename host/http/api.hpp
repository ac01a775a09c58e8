// The JSON API: what its routes reach and the one call that adds them all to a router. Each
// resource's routes live in routes/<resource>_routes.cpp as add_<resource>_routes(router&,
// const api_services&); routes/routes.cpp lists them.
#pragma once

#include "http/database_pool.hpp"
#include "http/router.hpp"

#include "plugin_host/plugin_worker.hpp"
#include "plugin_host/registry.hpp"
#include "plugin_host/scheme_catalog.hpp"

#include <iosfwd>
#include <string>

namespace waymark::services {
class after_judgements;
}

namespace waymark::http {

inline const std::string api_base = "/api/v1";

class session_policy;

// Built once when the server starts and shared by every request: the plugin registry and scheme
// instances are thread-safe, and each request leases its own database connection.
struct api_services {
    const plugins::registry &registry;
    const plugins::scheme_catalog &schemes;
    database_pool *databases = nullptr;  // nullptr when the server runs without a database
    const session_policy *sessions = nullptr;  // nullptr when the server signs nobody in (the local user)
    // What every save of judgements does next (the server's target revalidation); nullptr: nothing.
    const services::after_judgements *after_judgements = nullptr;
    // Where renderers run (a worker process per report); nullptr: in this process.
    const plugins::plugin_worker *renderer_worker = nullptr;

    // The read replica (a PostgreSQL streaming-replication standby) reports and summaries read
    // from; nullptr: they read from `databases`. `warnings` gets one line whenever it cannot be
    // reached and a read falls back to the primary.
    database_pool *replica_databases = nullptr;
    std::ostream *warnings = nullptr;

    // A connection for one request; 503 {error:"unavailable"} when the server has no database.
    database_pool::lease database() const;

    // A connection for a read that need not see the request's own writes, and the instant the data
    // it reads reflects ('YYYY-MM-DDTHH:MM:SSZ'): the replica's last replayed transaction, or now on
    // the primary, which it falls back to when the replica cannot be reached.
    struct report_lease {
        database_pool::lease database;
        std::string reflects;
    };
    report_lease report_database() const;
};

// The response header a report or summary states the instant its data reflects in.
inline const std::string reflects_header = "Waymark-Reflects";

void add_api_routes(router &routes, const api_services &services);

}  // namespace waymark::http
