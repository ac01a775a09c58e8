#include "http/api.hpp"

#include "http/api_error.hpp"

#include <algorithm>
#include <exception>
#include <mutex>
#include <optional>
#include <ostream>

namespace waymark::http {

database_pool::lease api_services::database() const {
    if (databases == nullptr) {
        throw api_error(status::HTTP_SERVICE_UNAVAILABLE, "unavailable", std::nullopt,
                        "This server runs without a database; start it with `waymark serve` and a configured database.");
    }
    return databases->acquire();
}

namespace {

std::string one_line(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

// A replica connection that answers, with the commit time of the last transaction it replayed, or
// nothing (after a line to `warnings`) when the standby cannot be reached. A dead connection fails
// its query here, so its lease goes back while the exception unwinds and the pool closes it.
std::optional<api_services::report_lease> replica_lease(database_pool &replica, std::ostream *warnings) {
    try {
        auto lease = replica.acquire();
        // NULL until the standby has replayed a transaction since it started; now is then the best it can say.
        std::string reflects;
        lease->session() << "SELECT to_char(COALESCE(pg_last_xact_replay_timestamp(), now()) AT TIME ZONE 'UTC', "
                            "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')",
            soci::into(reflects);
        return api_services::report_lease{std::move(lease), reflects};
    } catch (const std::exception &unreachable) {
        if (warnings != nullptr) {
            static std::mutex log_lock;
            const std::lock_guard guard(log_lock);
            *warnings << "waymark serve: warning: the read replica cannot be reached, so this report reads from the primary ("
                      << one_line(unreachable.what()) << ")\n" << std::flush;
        }
        return std::nullopt;
    }
}

}  // namespace

api_services::report_lease api_services::report_database() const {
    if (replica_databases != nullptr) {
        if (auto replica = replica_lease(*replica_databases, warnings)) return std::move(*replica);
    }
    return {database(), store::utc_timestamp_now()};
}

}  // namespace waymark::http
