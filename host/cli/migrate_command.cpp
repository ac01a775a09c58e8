#include "command.hpp"

#include "store/migrations.hpp"
#include "store/settings.hpp"

#include <ostream>

namespace waymark::cli {
namespace {

int run_migrate(const invocation &args, io streams) {
    if (!args.positional().empty()) throw usage_error("`migrate` takes no arguments.");
    const auto where = store::resolve_settings(args.option("db"), args.option("data-dir"), args.option("config"));
    store::database database = store::connect(where);
    const auto report = store::migrate(database);
    const std::string place = std::string(store::dialect_name(database.kind())) + " database " +
                              store::redacted(where.connection);
    if (report.from == report.to) {
        streams.out << "Waymark's tables in the " << place << " are already at schema version " << report.to
                    << "; nothing to do.\n";
    } else {
        streams.out << "Waymark's tables in the " << place << " are now at schema version " << report.to
                    << " (they were at " << report.from << ").\n";
    }
    return 0;
}

}  // namespace

extern const command migrate_command{
    "migrate",
    "migrate",
    "Create or upgrade Waymark's own tables (wm_*) in the database.",
    "Applies every numbered migration the database lacks, each in its own transaction, and says which\n"
    "schema version the database is at. Running it again changes nothing. A database whose schema is\n"
    "newer than this waymark is refused untouched. Every other command migrates by itself; this one is\n"
    "for installers and upgrades.",
    {},
    {},
    run_migrate};

}  // namespace waymark::cli
