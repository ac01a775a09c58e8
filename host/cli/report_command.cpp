#include "command.hpp"
#include "pupil_list.hpp"
#include "tracking_session.hpp"

#include "plugin_host/plugin_error.hpp"
#include "plugin_host/renderer.hpp"
#include "reports/builders/full_report.hpp"
#include "reports/builders/venn_report.hpp"
#include "reports/document_json.hpp"
#include "store/database.hpp"

#include <algorithm>
#include <fstream>
#include <ostream>

namespace waymark::cli {
namespace {

constexpr std::array<std::string_view, 2> report_names{"full", "venn"};

reports::document build(std::string_view name, const reports::assessment_cohort &cohort,
                        const services::scheme_library &schemes) {
    if (name == "full") return reports::build_full_report(cohort, schemes);
    return reports::build_venn_report(cohort);
}

int run_report(const invocation &args, io streams) {
    const std::string &name = args.positional(0, "the report: full or venn");
    if (std::find(report_names.begin(), report_names.end(), name) == report_names.end())
        throw usage_error("There is no report '" + name + "'; waymark report makes full or venn.");
    const std::string format = args.option("format").value_or("pdf");
    const auto out = args.option("out");
    if (!out && format != "json") throw usage_error("Say where to write the " + format + " file with --out FILE.");

    tracking_session session(args, streams);
    std::optional<services::assessment> assessment;
    if (args.option("assessment")) assessment = session.assessment(args);
    reports::report_scope scope{session.school(), std::move(assessment), filter_of(args), as_of_instant(args),
                                store::utc_timestamp_now()};
    std::string json;
    try {
        const auto cohort = reports::load_assessment_cohort(session.database().session(), session.schemes(), std::move(scope));
        json = reports::to_json(build(name, cohort, session.schemes()));
    } catch (const services::filter_error &error) {
        throw usage_error(error.what());
    }
    if (format == "json") {
        if (!out) {
            streams.out << json << '\n';
            return 0;
        }
        std::ofstream file(*out, std::ios::binary | std::ios::trunc);
        file << json << '\n';
        if (!file.flush()) throw std::runtime_error("Could not write " + *out + "; check the folder exists and is writable.");
    } else {
        try {
            plugins::find_renderer(session.plugins(), format).render_to_file(json, *out);
        } catch (const plugins::plugin_error &error) {
            throw usage_error(error.what());
        }
    }
    streams.out << "Wrote the " << name << " report to " << *out << ".\n";
    return 0;
}

}  // namespace

extern const command report_command{
    "report",
    "report full|venn [--assessment NAME] [filters] [--as-of DATE] [--format pdf|xlsx|csv|json] [--out FILE] "
    "[--school LAESTAB]",
    "Build a report of an assessment and write it as PDF, spreadsheet, CSV or the JSON document.",
    "full  per subject, the number and percentage of pupils at each grade (or band, for schemes with\n"
    "      many grades), on track or above, and with no judgement; every figure lists its pupils\n"
    "      alphabetically in an appendix.\n"
    "venn  reading, writing and maths on track or above as a three-circle Venn diagram: all seven\n"
    "      regions and the pupils in none, with counts, percentages and names.\n"
    "Without --assessment each year group is counted in its latest assessment of the academic year\n"
    "(--academic-year, default the school's current) dated on or before --as-of (default today), as\n"
    "whole-school and key-stage reports are; --year or --key-stage narrow it.\n"
    "Pupils are those the filters select in the assessment's year groups who are included in data;\n"
    "the report says how many were left out. --format defaults to pdf (renderer plugins: pdf, xlsx,\n"
    "csv; json is the report document itself, printed when --out is not given). --as-of YYYY-MM-DD\n"
    "(end of that day) or YYYY-MM-DDTHH:MM:SSZ reports the data as it stood then.\n\n"
    "Filters (combined with AND): --year, --key-stage, --class, --group, --gender, --sen, --ethnicity,\n"
    "--summer-born, --pp, --fsm, --ever6, --disadvantaged, --eal, --intervention, --custom1..6\n"
    "(see waymark pupils --help).",
    {},
    run_report};

}  // namespace waymark::cli
