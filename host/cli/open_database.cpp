#include "open_database.hpp"

#include "sims/named_queries.hpp"
#include "store/migrations.hpp"
#include "store/settings.hpp"

namespace waymark::cli {

store::database open_database(const invocation &args) {
    return store::open(store::resolve_settings(args.option("db"), args.option("data-dir"), args.option("config")));
}

std::string_view mis_schema_of(const store::database &database) {
    return connectors::default_mis_schema(database.kind() != store::dialect::sqlite);
}

}  // namespace waymark::cli
