#include "command.hpp"
#include "open_database.hpp"

#include "services/pupils/school_choice.hpp"
#include "store/rollover.hpp"

#include <ostream>

namespace waymark::cli {
namespace {

int run_rollover(const invocation &args, io streams) {
    const std::string &to_text = args.required_option("to");
    const auto to = domain::parse_academic_year(to_text);
    if (!to) throw usage_error("--to takes an academic year such as 2026/2027, not '" + to_text + "'.");
    store::database database = open_database(args);
    const auto school = services::choose_school(database.session(), args.option("school"));
    const auto record = database.transaction("rolling the school over to " + domain::format_academic_year(*to),
                                             [&](soci::session &session) { return store::roll_over(session, school.id, *to); });
    streams.out << "Rolled " << school.name << " (" << store::laestab(school) << ") over from "
                << domain::format_academic_year(record.from) << " to " << domain::format_academic_year(record.to)
                << ": " << record.pupils_on_roll << " pupils on roll moved up one year group (" << record.overrides_moved
                << " of them with a year override, moved up too). Assessment history is unchanged.\n";
    return 0;
}

}  // namespace

extern const command rollover_command{
    "rollover",
    "rollover --to YEAR [--school LAESTAB]",
    "Move the school into the next academic year: every pupil on roll goes up one year group.",
    "YEAR is the academic year to move into, e.g. 2026/2027; it must be the one after the school's\n"
    "current year, and a year can be rolled into once only. Year groups follow from dates of birth, so\n"
    "what changes is the school's current year and the year override of pupils taught outside their\n"
    "age group. All history is kept and the rollover itself is recorded. --school (LA and establishment\n"
    "numbers, e.g. 8012000) picks the school when the database holds several.",
    {},
    {"school", "to"},
    run_rollover};

}  // namespace waymark::cli
