#include "command.hpp"
#include "open_database.hpp"

#include "domain/calendar.hpp"
#include "services/transfer/sync.hpp"

#include <chrono>
#include <ostream>

namespace waymark::cli {
namespace {

int run_sync(const invocation &args, io streams) {
    services::mis_source mis;
    mis.as_of = as_of_option(args);
    store::database database = open_database(args);
    mis.mis_schema = std::string(mis_schema_of(database));
    const bool dry_run = args.has_switch("dry-run");
    const auto plan = dry_run ? services::plan_sync(database, mis) : services::run_sync(database, mis);
    if (args.has_switch("json")) {
        services::print_plan_json(plan, streams.out);
        return 0;
    }
    if (plan.schools.empty()) {
        streams.out << "The MIS lists no schools; nothing to import.\n";
        return 0;
    }
    services::print_plan(plan, streams.out);
    if (!plan.empty())
        streams.out << (dry_run ? "Dry run: nothing was written. Run `waymark sync` to apply these changes.\n"
                                : "Applied in one transaction.\n");
    return 0;
}

}  // namespace

extern const command sync_command{
    "sync",
    "sync [--dry-run] [--json] [--as-of YYYY-MM-DD]",
    "Import from the MIS: add new pupils, archive leavers, update FSM, SEN, class and the rest.",
    "Compares the pupils on roll in the MIS (the SIMS-style tables in the same database: schema `sims`\n"
    "on PostgreSQL and SQL Server, unqualified on SQLite) with Waymark's and prints the plan: pupils\n"
    "to add, leavers to archive (their history is kept; nothing is deleted) and every changed field\n"
    "(names, date of birth, class, year override, FSM, Ever 6 FSM, SEN, EAL, first language, ethnicity,\n"
    "looked after, postcode, dates joined and left), then the statutory results Waymark lacks (EYFSP\n"
    "goals, phonics checks, KS1 teacher assessment; GLD is derived from the goals). Schools come from\n"
    "the MIS too, so a new database\n"
    "needs no setup. Without --dry-run the plan is applied in one transaction: all of it or, on any\n"
    "failure, none. A second run finds nothing to change and says so. Waymark's own fields (pupil\n"
    "premium, custom flags, include in data ...) are never touched. --as-of reads the MIS as it stands\n"
    "on that day (default today); --json prints the plan as JSON.",
    {"dry-run", "json"},
    {"as-of"},
    run_sync};

}  // namespace waymark::cli
