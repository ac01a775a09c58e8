// The database a command works on, from the global options --db, --data-dir and --config.
#pragma once

#include "command.hpp"

#include "domain/calendar.hpp"
#include "store/database.hpp"

#include <string_view>

namespace waymark::cli {

// Opens it (creating the embedded SQLite file's folder) with Waymark's tables up to date.
store::database open_database(const invocation &args);

// The day an MIS is read as it stands: --as-of YYYY-MM-DD, else today (UTC).
domain::date as_of_option(const invocation &args);

// The schema the MIS tables live in: "sims" on servers, "" on SQLite (no schemas).
std::string_view mis_schema_of(const store::database &database);

}  // namespace waymark::cli
