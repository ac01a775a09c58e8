#include "command.hpp"

#include "store/backup.hpp"
#include "store/settings.hpp"

#include <chrono>
#include <cstdio>
#include <ostream>

namespace waymark::cli {
namespace {

// 1234567 -> "1.2 MB", 2048 -> "2.0 kB".
std::string file_size_text(std::uintmax_t bytes) {
    const bool megabytes = bytes >= 1000 * 1000;
    char text[32];
    std::snprintf(text, sizeof text, "%.1f %s", static_cast<double>(bytes) / (megabytes ? 1e6 : 1e3), megabytes ? "MB" : "kB");
    return text;
}

int run_backup(const invocation &args, io streams) {
    if (!args.positional().empty()) throw usage_error("`backup` takes no arguments; name the new file with --out FILE.");
    const std::string &out = args.required_option("out");
    const auto from = store::resolve_settings(args.option("db"), args.option("data-dir"), args.option("config"));
    const auto started = std::chrono::steady_clock::now();
    const auto report = store::back_up(from, out);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f", took.count());
    streams.out << "Backed up the " << store::dialect_name(report.kind) << " database \"" << store::redacted(from.connection)
                << "\" (Waymark schema version " << report.schema_version << ") to " << out << ": "
                << file_size_text(report.bytes) << " in " << seconds << " s. `waymark restore " << out
                << "` puts it back.\n";
    return 0;
}

}  // namespace

extern const command backup_command{
    "backup",
    "backup --out FILE",
    "Copy Waymark's database into a new file while it is in use (README, 'Backup and restore').",
    "The embedded SQLite database is copied with SQLite's VACUUM INTO: one consistent copy, taken while\n"
    "`waymark serve` goes on saving (a save is wholly in the copy or wholly out of it); the copy is an\n"
    "SQLite file of its own. A PostgreSQL database (--db) is dumped by Debian's pg_dump (package\n"
    "postgresql-client) in its custom format, Waymark's tables (wm_*) only; the server, port, database\n"
    "and user come from the connection string and its password is passed through PGPASSWORD, never on\n"
    "a command line. SQL Server is not backed up here: use its own BACKUP DATABASE.\n"
    "\n"
    "FILE must not exist (a backup never overwrites one) and its folder must. Nothing in the database\n"
    "is changed, and a data folder without a database is refused rather than given an empty one.",
    {},
    {"out"},
    run_backup};

}  // namespace waymark::cli
