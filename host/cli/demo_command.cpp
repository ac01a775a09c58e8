#include "command.hpp"
#include "demo_accounts_table.hpp"
#include "open_database.hpp"

#include "demo/demo_mis.hpp"
#include "domain/calendar.hpp"
#include "domain/whole_number.hpp"

#include <chrono>
#include <limits>
#include <ostream>

namespace waymark::cli {
namespace {

int parse_count(const invocation &args, std::string_view name, int fallback, int least) {
    const auto text = args.option(name);
    if (!text) return fallback;
    if (const auto value = domain::parse_whole_number(*text, least, std::numeric_limits<int>::max()))
        return static_cast<int>(*value);
    throw usage_error("--" + std::string(name) + " takes a whole number of at least " + std::to_string(least) + ", not '" + *text + "'");
}

int run_demo(const invocation &args, io streams) {
    connectors::demo::demo_options options;
    options.seed = static_cast<std::uint64_t>(parse_count(args, "seed", 1, 0));
    options.schools = parse_count(args, "schools", 1, 1);
    options.pupils_per_school = parse_count(args, "pupils-per-school", 420, 7);
    options.as_of = as_of_option(args);
    store::database database = open_database(args);
    const auto mis_schema = mis_schema_of(database);
    soci::session &session = database.session();
    if (connectors::demo::demo_mis_exists(session, mis_schema)) {
        if (!args.has_switch("rebuild")) {
            streams.err << "waymark demo: the database already holds a demo MIS; nothing was changed. Run "
                           "`waymark demo --rebuild` to drop the MIS tables and build them again (Waymark's own "
                           "tables are kept).\n";
            print_demo_accounts(database, mis_schema, options.as_of, streams.err);
            return 1;
        }
        connectors::demo::drop_demo_mis(session, mis_schema);
        streams.out << "Dropped the existing demo MIS.\n";
    }
    const auto started = std::chrono::steady_clock::now();
    const auto summary = connectors::demo::build_demo_mis(session, mis_schema, options);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    streams.out << "Built the demo MIS in " << store::dialect_name(database.kind()) << " as of "
                << domain::format_iso_date(options.as_of) << " (seed " << options.seed << "): " << summary.schools
                << (summary.schools == 1 ? " school, " : " schools, ") << summary.pupils_on_roll << " pupils on roll, "
                << summary.leavers << " leavers, " << summary.results << " statutory results, in " << seconds << " s.\n"
                << "Next: `waymark sync --dry-run` shows what an import from this MIS would do.\n";
    print_demo_accounts(database, mis_schema, options.as_of, streams.out);
    return 0;
}

}  // namespace

extern const command demo_command{
    "demo",
    "demo [--seed N] [--schools N] [--pupils-per-school M] [--as-of YYYY-MM-DD] [--rebuild]",
    "Build a demo MIS (SIMS-style tables) full of realistic, made-up pupils in the database.",
    "Creates the MIS tables (schema `sims` on PostgreSQL and SQL Server, unqualified on SQLite) and\n"
    "fills them deterministically from --seed (default 1): by default one two-form-entry primary school\n"
    "with 420 pupils Reception to Year 6, some leavers, and their EYFSP, phonics and KS1 history.\n"
    "--schools N --pupils-per-school M builds a local authority (500 x 200 = 100,000 pupils) for\n"
    "benchmarks. --as-of sets the day the MIS stands at (default today).\n"
    "When the database already holds a demo MIS the command refuses and changes nothing; --rebuild\n"
    "drops the MIS tables and builds them again. Waymark's own wm_ tables are never touched (a sync\n"
    "after rebuilding with another seed archives the pupils of the old MIS, as a real school's would).\n"
    "The first run also adds the demo's sign-in accounts to the first school (admin, head, teacher4 for\n"
    "its Year 4 classes, governor, and adviser for the authority) and prints each one's password and\n"
    "TOTP secret once; later runs say they exist (`waymark users` manages them).",
    {"rebuild"},
    {"seed", "schools", "pupils-per-school", "as-of"},
    run_demo};

}  // namespace waymark::cli
