#include "command.hpp"
#include "pupil_list.hpp"
#include "tracking_session.hpp"

#include "plugin_host/plugin_error.hpp"
#include "plugin_host/renderer.hpp"
#include "reports/builders/report_catalog.hpp"
#include "reports/document_json.hpp"
#include "store/database.hpp"

#include <algorithm>
#include <fstream>
#include <ostream>

namespace waymark::cli {
namespace {

int run_report(const invocation &args, io streams) {
    const std::string &name = args.positional(0, "the report: " + reports::report_kind_names());
    const reports::report_kind *kind = reports::find_report_kind(name);
    if (kind == nullptr)
        throw usage_error("There is no report '" + name + "'; waymark report makes " + reports::report_kind_names() + ".");
    const std::string format = args.option("format").value_or("pdf");
    const auto out = args.option("out");
    if (!out && format != "json") throw usage_error("Say where to write the " + format + " file with --out FILE.");

    tracking_session session(args, streams);
    const reports::report_request asked{
        session.database().session(), session.schemes(), session.school(), filter_of(args), as_of_instant(args),
        store::utc_timestamp_now(), [&](std::string_view option) { return args.option(option); },
        [&](const std::string &value, std::string_view) {
            return services::find_assessment(session.database().session(), session.school().id, value);
        }};
    std::string json;
    try {
        json = reports::to_json(kind->build(asked));
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
    "report full|venn|summary [--assessment NAME] | report matrix --from ASSESSMENT[:SUBJECT] --to ASSESSMENT[:SUBJECT] "
    "| report trends [filters] [--as-of DATE] [--format pdf|xlsx|csv|json] [--out FILE] [--school LAESTAB]",
    "Build a report of an assessment and write it as PDF, spreadsheet, CSV or the JSON document.",
    "full    per subject, the number and percentage of pupils at each grade (or band, for schemes with\n"
    "        many grades), on track or above, and with no judgement; every figure lists its pupils\n"
    "        alphabetically in an appendix.\n"
    "venn    reading, writing and maths on track or above as a three-circle Venn diagram: all seven\n"
    "        regions and the pupils in none, with counts, percentages and names.\n"
    "matrix  the progress matrix: --from the earlier data set (rows) against --to the later (columns),\n"
    "        each ASSESSMENT or ASSESSMENT:SUBJECT (a subject code: --from \"Autumn 1:reading\").\n"
    "        Without subjects, one matrix per subject both assessments judge; one subject named is used\n"
    "        for both; two compare subject against subject. Cells count and name the pupils who went\n"
    "        from a row's outcome to a column's, with a No data row and column; percentages are of the\n"
    "        pupils counted (the filtered, included pupils of the --to assessment's year groups). Within\n"
    "        one scheme of up to eight grades the headings are its grades; across schemes (or LEP points,\n"
    "        sublevels) pupils are placed by each scheme's below / at / above expected for them then.\n"
    "summary per year group and per characteristic group (gender, SEN, pupil premium, disadvantaged,\n"
    "        FSM, EAL, summer born): prior attainment (GLD; KS1 reading, writing and maths at EXS+), on\n"
    "        track or above in reading, writing, maths and all three, and each test column's average, on\n"
    "        one page; groups of fewer than 6 pupils are starred as not statistically meaningful.\n"
    "trends  the share on track or above per subject, term by term across academic years (each term's\n"
    "        latest assessment per year group; --academic-year keeps one year), as a chart and a table;\n"
    "        the filters apply in each term's own year, so --year 4 is each year's Year 4.\n"
    "For full, venn and summary, without --assessment each year group is counted in its latest\n"
    "assessment of the academic year (--academic-year, default the school's current) dated on or\n"
    "before --as-of (default today), as whole-school and key-stage reports are; --year or --key-stage\n"
    "narrow it.\n"
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
