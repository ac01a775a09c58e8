// A copy of Waymark's database taken while it is in use (`waymark backup`), and its return into a
// place that holds no Waymark database yet (`waymark restore`).
//   SQLite: the backup is an SQLite file made by VACUUM INTO, one read transaction, so a save that
//     runs meanwhile is wholly in the copy or wholly out of it; the server goes on saving.
//   PostgreSQL: the backup is a pg_dump archive (custom format) of Waymark's tables (wm_*) in the
//     connection's schema, made by Debian's pg_dump and restored by its pg_restore, which take the
//     server, port, database and user from the ODBC connection string and the password through
//     PGPASSWORD (never on a command line).
//   SQL Server: refused; the server's own BACKUP DATABASE does it.
#pragma once

#include "store/database.hpp"
#include "store/settings.hpp"

#include <cstdint>
#include <filesystem>
#include <stdexcept>

namespace waymark::store {

// A backup that cannot be made or a file or target restore refuses: one sentence naming the file or
// database and what to do. Nothing was changed.
class backup_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct backup_report {
    dialect kind = dialect::sqlite;
    int schema_version = 0;   // the schema the backup holds
    std::uintmax_t bytes = 0;  // the backup file's size
};

// Copies the Waymark database `from` names into the new file `out`. Refuses an `out` that exists or
// whose folder does not, and a database that holds no Waymark tables (an embedded file that is not
// there is not created).
backup_report back_up(const settings &from, const std::filesystem::path &out);

struct restore_report {
    dialect kind = dialect::sqlite;
    int backup_version = 0;  // the schema the backup held
    int schema_version = 0;  // the schema now (this build's latest: an older backup is migrated)
};

// Puts the backup `file` into the database `into` names: an SQLite backup into its SQLite file (the
// data folder's embedded waymark.db), a PostgreSQL one into its server's database. Refuses, changing
// nothing, a file that is not a Waymark backup, one whose schema is newer than this build (naming
// both versions), and a target that already holds a Waymark database. An SQLite backup is checked
// and migrated in a copy beside the target, which takes the target's name only when all is well; a
// PostgreSQL one is restored in one transaction, then migrated.
restore_report restore(const std::filesystem::path &file, const settings &into);

}  // namespace waymark::store
