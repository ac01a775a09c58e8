#include "command.hpp"
#include "open_database.hpp"
#include "print_json.hpp"
#include "text_table.hpp"
#include "tracking_session.hpp"

#include "services/access/audit_log.hpp"
#include "services/pupils/schools.hpp"
#include "services/record_json.hpp"

#include <ostream>

namespace waymark::cli {
namespace {

void list_schools(store::database &database, bool json, std::ostream &out) {
    const auto schools = store::all_schools(database.session());
    if (json) return print_json(out, services::json_array(schools, services::school_json));
    text_table table({"School", "Name", "URN", "Postcode", "Year"});
    for (const auto &school : schools)
        table.add_row({store::laestab(school), school.name, school.urn, school.postcode,
                       domain::format_academic_year(school.current_year)});
    table.print_or(out, "No school yet; `waymark sync` brings the MIS's, or add one with waymark schools add LAESTAB --name NAME.");
}

// Written to the audit log as every command-line change is (audited_change.hpp): 200 with what was
// added, or 422 with the refusal.
void add_school(store::database &database, const invocation &args, io streams) {
    const services::new_school details{args.positional(1, "the school's LA and establishment number (LAESTAB, e.g. 8012000)"),
                                       args.required_option("name"), args.option_or("postcode", ""),
                                       args.option_or("urn", "")};
    const std::string who = recorder_of(args).who;
    const auto record = [&](int status, const std::string &said) {
        services::record_audit(database, {"", who, "cli", "CLI", "schools add " + details.laestab, status, said});
    };
    store::school added;
    try {
        added = services::add_school(database, details, domain::today_utc());
    } catch (const services::school_details_error &refused) {
        record(422, refused.what());
        throw usage_error(refused.what());
    }
    record(200, "added school " + store::laestab(added) + " " + added.name);
    if (args.has_switch("json")) return print_json(streams.out, services::school_json(added));
    streams.out << "Added school " << store::laestab(added) << " " << added.name << " (academic year "
                << domain::format_academic_year(added.current_year) << "). Add its pupils with waymark import pupils "
                << "FILE.csv or waymark import ctf FILE.xml, and its first administrator with waymark users add NAME "
                << "--role administrator.\n";
}

int run_schools(const invocation &args, io streams) {
    const std::string &action = args.positional(0, "what to do: list or add");
    static constexpr std::string_view adding[]{"name", "postcode", "urn", "as"};
    if (action == "list") args.refuse_options_beyond({}, "schools list");
    else if (action == "add") args.refuse_options_beyond(adding, "schools add");
    else throw usage_error("waymark schools takes list or add, not '" + action + "'.");
    store::database database = open_database(args);
    if (action == "list") list_schools(database, args.has_switch("json"), streams.out);
    else add_school(database, args, streams);
    return 0;
}

}  // namespace

extern const command schools_command{
    "schools",
    "schools list | schools add LAESTAB --name NAME [--postcode PC] [--urn URN]  [--json] [--as NAME]",
    "The schools this database tracks; add one that no MIS brings, to start from the CSV template or a CTF.",
    "list shows each school's LA and establishment number, name, URN, postcode and current academic year.\n"
    "add stores a school by its DfE number, the LA number and establishment number together (8012000),\n"
    "in the academic year of today; --postcode is what pupils uploaded with UNKNOWN as\n"
    "their postcode take, --urn the six-digit URN. A number the database already holds is refused. The MIS\n"
    "sync (waymark sync) adds and updates the schools an MIS holds; nothing else creates one. Every add,\n"
    "and every refusal, is written to the audit log with who made it (--as NAME, else the operating-system\n"
    "user).",
    {"json"},
    {"name", "postcode", "urn", "as"},
    run_schools};

}  // namespace waymark::cli
