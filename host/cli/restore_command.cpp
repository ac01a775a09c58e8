#include "command.hpp"

#include "store/backup.hpp"
#include "store/settings.hpp"

#include <ostream>

namespace waymark::cli {
namespace {

int run_restore(const invocation &args, io streams) {
    const std::string &file = args.positional(0, "the backup file to restore (what `waymark backup --out FILE` made)");
    if (args.positional().size() > 1) throw usage_error("`restore` takes one backup file, not " + std::to_string(args.positional().size()) + ".");
    const auto into = store::resolve_settings(args.option("db"), args.option("data-dir"), args.option("config"));
    const auto report = store::restore(file, into);
    streams.out << "Restored " << file << " (Waymark schema version " << report.backup_version << ") into the "
                << store::dialect_name(report.kind) << " database \"" << store::redacted(into.connection) << "\". It is at schema version "
                << report.schema_version
                << (report.schema_version == report.backup_version ? std::string() : " (migrated from " + std::to_string(report.backup_version) + ")")
                << ".\n";
    return 0;
}

}  // namespace

extern const command restore_command{
    "restore",
    "restore FILE [--data-dir DIR | --db CONNECTION]",
    "Put a backup made by `waymark backup` into a data folder or database that holds none yet.",
    "An SQLite backup goes into the data folder's embedded database (DIR/waymark.db, made with the\n"
    "folder); a PostgreSQL one (a pg_dump archive) into the empty PostgreSQL database --db names, by\n"
    "Debian's pg_restore in one transaction. A backup made by an older waymark is then migrated to this\n"
    "one's schema.\n"
    "\n"
    "Refused, with nothing changed: a file that is not a Waymark backup, a backup whose schema is newer\n"
    "than this waymark (use that waymark or a newer one), a damaged SQLite file, and a data folder or\n"
    "database that already holds a Waymark database. To go back to a backup, stop `waymark serve`,\n"
    "move the data folder aside (or use a new database), restore, and start the server on it.",
    {},
    {},
    run_restore};

}  // namespace waymark::cli
