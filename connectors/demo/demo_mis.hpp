// The demo MIS: builds a SIMS-style school database (connectors/demo/schema.sql) filled with
// realistic, deterministic pupils, so Waymark can be tried and benchmarked without a real school's
// data. One school by default (a two-form-entry primary, 420 pupils Reception to Year 6); many schools
// make a local-authority-sized database.
#pragma once

#include <soci/session.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace waymark::connectors::demo {

struct demo_options {
    std::uint64_t seed = 1;
    int schools = 1;
    int pupils_per_school = 420;  // on roll; about one in twenty more have left
    std::chrono::year_month_day as_of{};  // the day the MIS stands at (dates of joining, leaving, results)
};

struct demo_summary {
    int schools = 0;
    int pupils_on_roll = 0;
    int leavers = 0;
    long long results = 0;
};

// `mis_schema` is the schema the MIS tables live in ("sims" on servers, see default_mis_schema in
// sims/named_queries.hpp), or "" for none, which only SQLite uses.

// True when the database already holds the MIS tables.
bool demo_mis_exists(soci::session &session, std::string_view mis_schema);

// Drops every MIS table (the `wm_` tables are not touched).
void drop_demo_mis(soci::session &session, std::string_view mis_schema);

// Creates the schema when needed and the MIS tables, and fills them: one transaction for the schema
// and one per school, with multi-row INSERTs. Throws std::logic_error when the tables exist already
// (drop them first).
demo_summary build_demo_mis(soci::session &session, std::string_view mis_schema, const demo_options &options);

}  // namespace waymark::connectors::demo
