#include "http/api.hpp"

#include "http/api_error.hpp"

namespace waymark::http {

database_pool::lease api_services::database() const {
    if (databases == nullptr) {
        throw api_error(status::HTTP_SERVICE_UNAVAILABLE, "unavailable", std::nullopt,
                        "This server runs without a database; start it with `waymark serve` and a configured database.");
    }
    return databases->acquire();
}

}  // namespace waymark::http
