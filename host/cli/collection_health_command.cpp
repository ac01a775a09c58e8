#include "command.hpp"
#include "print_json.hpp"
#include "services/record_json.hpp"
#include "text_table.hpp"
#include "tracking_session.hpp"

#include "services/tracking/collection_health.hpp"
#include "services/tracking/collection_health_json.hpp"

#include <Poco/JSON/Array.h>

#include <ostream>

namespace waymark::cli {
namespace {

void print_health(const services::collection_health &health, std::ostream &out) {
    out << health.assessment << ": " << health.expected - health.missing << " of " << health.expected
        << " judgements recorded for " << health.pupils << (health.pupils == 1 ? " pupil" : " pupils") << ", "
        << health.missing << " missing; " << health.excluded_pupils << " excluded from data.\n";
    if (health.gaps.empty()) return;
    text_table table({"Class", "Subject", "Missing", "Pupils"});
    for (const auto &gap : health.gaps) {
        std::string names;
        for (const auto &pupil : gap.missing)
            names += (names.empty() ? "" : "; ") + pupil.surname + ", " + pupil.forename + " (" + pupil.upn + ")";
        table.add_row({gap.class_name.empty() ? "(no class)" : gap.class_name, gap.subject,
                       std::to_string(gap.missing.size()) + " of " + std::to_string(gap.pupils), names});
    }
    table.print(out);
}

int run_collection_health(const invocation &args, io streams) {
    tracking_session session(args, streams);
    std::vector<services::collection_health> checked;
    if (const auto term_name = args.option("term")) {
        const auto term = domain::parse_term(*term_name);
        if (!term) throw usage_error("--term takes autumn, spring or summer, not '" + *term_name + "'.");
        auto year = session.school().current_year;
        if (const auto text = args.option("academic-year")) {
            const auto parsed = domain::parse_academic_year(*text);
            if (!parsed) throw usage_error("--academic-year takes an academic year such as 2025/2026, not '" + *text + "'.");
            year = *parsed;
        }
        checked = services::check_collection(session.database().session(), session.school(), year, *term);
        if (checked.empty())
            throw usage_error(session.school().name + " has no assessment in " + std::string(domain::term_name(*term)) + " " +
                              domain::format_academic_year(year) + ".");
    } else {
        checked.push_back(services::check_collection(session.database().session(), session.school(), session.assessment(args)));
    }
    if (args.has_switch("json")) {
        // One assessment prints its object (as the API returns it); a term, an array of them.
        if (args.option("term"))
            print_json(streams.out, services::json_array(checked, services::collection_health_json));
        else
            print_json(streams.out, services::collection_health_json(checked.front()));
        return 0;
    }
    for (const auto &health : checked) print_health(health, streams.out);
    return 0;
}

}  // namespace

extern const command collection_health_command{
    "collection-health",
    "collection-health --assessment NAME | --term autumn|spring|summer [--academic-year 2025/2026]  [--json] "
    "[--school LAESTAB]",
    "Which classes and subjects still have judgements missing for an assessment or a term.",
    "A judgement is missing when an included pupil on roll in the assessment's year groups has none\n"
    "recorded (or it was cleared) in a subject the assessment judges. Prints how many of the expected\n"
    "judgements are recorded, then each class and subject with some missing and the pupils to chase.\n"
    "--term checks every assessment of that term (of --academic-year, default the school's current);\n"
    "pupils excluded from data are counted but not chased.",
    {"json"},
    {"school", "assessment", "academic-year", "term"},
    run_collection_health};

}  // namespace waymark::cli
