#include "command.hpp"
#include "print_json.hpp"
#include "text_table.hpp"
#include "tracking_records_options.hpp"
#include "tracking_session.hpp"

#include "services/meetings/interventions.hpp"
#include "services/meetings/tracking_records_json.hpp"

#include <ostream>

namespace waymark::cli {
namespace {

services::intervention_spec spec_of(const invocation &args) {
    services::intervention_spec spec;
    const std::string &year = args.required_option("year");
    const auto parsed = domain::parse_academic_year(year);
    if (!parsed) throw usage_error("--year takes an academic year such as 2025/2026, not '" + year + "'.");
    spec.year = *parsed;
    spec.assessment = args.required_option("assessment");
    spec.subject = args.required_option("subject");
    spec.description = args.required_option("description");
    spec.started_on = date_option(args, "from");
    spec.ended_on = date_option(args, "to");
    if (const auto cost = args.option("cost")) {
        spec.cost_pence = services::parse_pounds(*cost);
        if (!spec.cost_pence) throw usage_error("--cost takes pounds such as 120.50, not '" + *cost + "'.");
    }
    return spec;
}

void print_interventions(std::ostream &out, const std::vector<services::intervention> &records, bool json) {
    if (json) return print_json(out, services::json_array(records, services::intervention_json));
    text_table table({"Id", "Academic year", "Assessment", "Subject", "Details", "From", "To", "Cost", "School"});
    for (const auto &r : records) {
        table.add_row({std::to_string(r.id), domain::format_academic_year(r.year), r.assessment, r.subject, r.description,
                       day_text(r.started_on), day_text(r.ended_on), r.cost_pence ? services::format_pounds(*r.cost_pence) : "",
                       r.school});
    }
    table.print_or(out, "No interventions yet; add one with waymark interventions add UPN ...");
}

int run_interventions(const invocation &args, io streams) {
    const std::string &action = args.positional(0, "what to do: add, list, end or delete");
    tracking_session session(args, streams);
    const store::school &school = session.school();
    const bool json = args.has_switch("json");
    if (action == "add") {
        const auto added = services::add_intervention(session.database(), school, args.positional(1, "the pupil's UPN"),
                                                      spec_of(args), recorder_of(args).who);
        if (json) print_json(streams.out, services::intervention_json(added));
        else streams.out << "Recorded intervention " << added.id << " for " << added.pupil_name << ".\n";
    } else if (action == "list") {
        print_interventions(streams.out,
                            services::pupil_interventions(session.database().session(), school, args.positional(1, "the pupil's UPN")),
                            json);
    } else if (action == "end") {
        const long long id = record_id(args, 1, "The intervention's id");
        const auto ended = services::end_intervention(session.database(), school, id, date_option(args, "on").value_or(domain::today_utc()));
        if (json) print_json(streams.out, services::intervention_json(ended));
        else streams.out << "Intervention " << id << " ends on " << day_text(ended.ended_on) << ".\n";
    } else if (action == "delete") {
        const long long id = record_id(args, 1, "The intervention's id");
        services::delete_intervention(session.database(), school, id);
        streams.out << "Deleted intervention " << id << ".\n";
    } else {
        throw usage_error("waymark interventions takes add, list, end or delete, not '" + action + "'.");
    }
    return 0;
}

}  // namespace

extern const command interventions_command{
    "interventions",
    "interventions add UPN --year 2025/2026 --assessment NAME --subject CODE --description TEXT [--from DATE] "
    "[--to DATE] [--cost POUNDS] | interventions list UPN | interventions end ID [--on DATE] | interventions delete ID  "
    "[--json] [--school LAESTAB] [--as NAME]",
    "A pupil's interventions (academic year, assessment period, subject, details, dates, cost).",
    "An intervention is recorded against an assessment of the school in its academic year and a subject\n"
    "code (reading, writing, maths, science, history, ...); --from, --to (YYYY-MM-DD) and --cost (pounds,\n"
    "e.g. 120.50) are optional. Interventions travel with the child: when a pupil moves to another school\n"
    "in this database, list UPN there shows every school's, with the school that recorded each. end sets\n"
    "the end date (--on, default today). The pupil filter `waymark pupils list --intervention yes|no` counts them too.",
    {"json"},
    {"school", "as", "assessment", "cost", "description", "from", "on", "subject", "to", "year"},
    run_interventions};

}  // namespace waymark::cli
