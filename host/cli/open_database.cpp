#include "open_database.hpp"

#include "sims/named_queries.hpp"
#include "store/migrations.hpp"
#include "store/settings.hpp"

#include <chrono>

namespace waymark::cli {

store::database open_database(const invocation &args) {
    return store::open(store::resolve_settings(args.option("db"), args.option("data-dir"), args.option("config")));
}

domain::date as_of_option(const invocation &args) {
    const auto text = args.option("as-of");
    if (!text) return domain::today_utc();
    const auto day = domain::parse_iso_date(*text);
    if (!day) throw usage_error("--as-of takes a date as YYYY-MM-DD, not '" + *text + "'");
    return *day;
}

std::string_view mis_schema_of(const store::database &database) {
    return connectors::default_mis_schema(database.kind() != store::dialect::sqlite);
}

}  // namespace waymark::cli
