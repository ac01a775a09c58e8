#include "command.hpp"
#include "pupil_list.hpp"
#include "tracking_session.hpp"

#include "plugin_host/plugin_error.hpp"
#include "plugin_host/renderer.hpp"
#include "reports/builders/pupil_profile.hpp"
#include "reports/builders/report_catalog.hpp"
#include "reports/document_json.hpp"
#include "store/database.hpp"

#include <atomic>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <ostream>
#include <thread>

namespace waymark::cli {
namespace {

void write_json_file(const std::string &json, const std::filesystem::path &file) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << json << '\n';
    if (!out.flush()) throw std::runtime_error("Could not write " + file.string() + "; check the folder exists and is writable.");
}

// Writes one document as JSON (to standard output without --out) or through the format's renderer.
void write_document(tracking_session &session, const reports::document &document, const std::string &format,
                    const std::optional<std::string> &out, io streams) {
    if (format == "json") {
        const std::string json = reports::to_json(document);
        if (!out) {
            streams.out << json << '\n';
            return;
        }
        write_json_file(json, *out);
        return;
    }
    try {
        plugins::find_renderer(session.plugins(), format).render_to_file(document, *out);
    } catch (const plugins::plugin_error &error) {
        throw usage_error(error.what());
    }
}

// Writes each document to the file `file_of(index, extension)` names. Embedding the font in every file
// is most of a renderer's time, so two threads render at once, each with a renderer instance of its
// own (an instance renders one document at a time); the first failure stops both and is thrown.
void write_each(tracking_session &session, const std::vector<reports::document> &documents, const std::string &format,
                const std::function<std::filesystem::path(std::size_t, const std::string &)> &file_of) {
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_lock;
    const auto work = [&] {
        try {
            std::optional<plugins::renderer> renderer;
            if (format != "json") renderer.emplace(plugins::find_renderer(session.plugins(), format));
            for (std::size_t i = next++; i < documents.size(); i = next++) {
                const auto file = file_of(i, renderer ? renderer->file_extension() : ".json");
                if (renderer) renderer->render_to_file(documents[i], file);
                else write_json_file(reports::to_json(documents[i]), file);
            }
        } catch (...) {
            const std::lock_guard<std::mutex> held(failure_lock);
            if (!failure) failure = std::current_exception();
            next = documents.size();
        }
    };
    std::thread helper(work);
    work();
    helper.join();
    if (failure) std::rethrow_exception(failure);
}

// `report profile --each-to DIR [filters]`: every selected pupil's profile in a file of their own.
int write_profile_files(const invocation &args, io streams, const std::string &format, const std::string &folder_name) {
    tracking_session session(args, streams);
    if (format != "json") {
        try {
            plugins::find_renderer(session.plugins(), format);  // refuses an unknown format before any folder is made
        } catch (const plugins::plugin_error &error) {
            throw usage_error(error.what());
        }
    }
    reports::pupil_profiles profiles;
    try {
        const auto plotter = reports::report_trajectory(session.plugins());
        profiles = reports::load_pupil_profiles(session.database().session(), session.schemes(),
                                                {session.school(), std::nullopt, filter_of(args), as_of_instant(args),
                                                 store::utc_timestamp_now()},
                                                plotter ? &*plotter : nullptr);
    } catch (const services::filter_error &error) {
        throw usage_error(error.what());
    }
    const std::filesystem::path folder(folder_name);
    std::error_code made;
    std::filesystem::create_directories(folder, made);
    if (made) throw usage_error("Could not make the folder " + folder_name + " (" + made.message() + "); choose another --each-to.");
    std::vector<reports::document> documents;
    for (std::size_t i = 0; i < profiles.pupils.size(); ++i)
        documents.push_back(reports::build_pupil_profiles(profiles, session.schemes(), i));
    write_each(session, documents, format, [&](std::size_t i, const std::string &extension) {
        return folder / (reports::profile_file_stem(profiles.pupils[i]) + extension);
    });
    streams.out << "Wrote " << profiles.pupils.size() << " pupil profiles to " << folder_name << ".\n";
    return 0;
}

int run_report(const invocation &args, io streams) {
    const std::string &name = args.positional(0, "the report: " + reports::report_kind_names());
    const reports::report_kind *kind = reports::find_report_kind(name);
    if (kind == nullptr)
        throw usage_error("There is no report '" + name + "'; waymark report makes " + reports::report_kind_names() + ".");
    const std::string format = args.option("format").value_or("pdf");
    const auto out = args.option("out");
    if (name == "profile") {
        const auto each_to = args.option("each-to");
        if (args.option("upn").has_value() == (args.has_switch("all") || each_to.has_value()))
            throw usage_error("Say whose profile to make: --upn UPN for one pupil, or --all (or --each-to DIR) for every pupil the "
                              "filters select.");
        if (each_to) return write_profile_files(args, streams, format, *each_to);
    }
    if (!out && format != "json") throw usage_error("Say where to write the " + format + " file with --out FILE.");

    tracking_session session(args, streams);
    const auto plotter = reports::report_trajectory(session.plugins());
    const reports::report_request asked{
        session.database().session(), session.schemes(), session.school(), filter_of(args), as_of_instant(args),
        store::utc_timestamp_now(), [&](std::string_view option) { return args.option(option); },
        [&](const std::string &value, std::string_view) {
            return services::find_assessment(session.database().session(), session.school().id, value);
        },
        plotter ? &*plotter : nullptr};
    std::optional<reports::document> document;
    try {
        document = kind->build(asked);
    } catch (const services::filter_error &error) {
        throw usage_error(error.what());
    } catch (const services::tracking_error &error) {
        throw usage_error(error.what());
    }
    write_document(session, *document, format, out, streams);
    if (!out) return 0;
    if (name == "pupil-meeting" || name == "cohort-meeting")
        streams.out << "Wrote the " << (args.option("meeting") ? "" : "blank ") << name << " form to " << *out << ".\n";
    else
        streams.out << "Wrote the " << name << " report to " << *out << ".\n";
    return 0;
}

// Beside the filters: the command's own, the session's school and those the report kinds read
// (reports/builders/report_catalog.cpp: --assessment, --from, --to, --upn, --meeting, --year, --class).
constexpr std::string_view report_options[]{"school", "as-of", "format", "out", "each-to", "upn",
                                            "assessment", "from", "to", "meeting"};

}  // namespace

extern const command report_command{
    "report",
    "report NAME [report options] [filters] [--as-of DATE] [--format pdf|xlsx|csv|html|json] [--out FILE] [--school LAESTAB]; "
    "NAME is full|venn|summary [--assessment NAME], matrix --from ASSESSMENT[:SUBJECT]|ks1[:SUBJECT]|eyfs[:SUBJECT|:gld] "
    "--to ASSESSMENT[:SUBJECT], trends, "
    "progress --from NAME --assessment NAME, profile --upn UPN|--all|--each-to DIR, pupil-meeting --meeting ID|--upn UPN, "
    "cohort-meeting --meeting ID|--year N [--class C]",
    "Build a report and write it as PDF, spreadsheet, CSV, a web page or the JSON document.",
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
    "        --from may name statutory data instead: ks1:SUBJECT (KS1 teacher assessment as recorded,\n"
    "        WTS/EXS/GDS and any PK, BLW, A, D), eyfs:SUBJECT (Expected when every early learning goal\n"
    "        of the subject is: reading E08-E09, writing E10, maths E11-E12; else Emerging) or eyfs:gld;\n"
    "        ks1 or eyfs alone gives one matrix per subject --to judges. Rows are those outcomes, columns\n"
    "        the later judgements' below / at / above expected bands, with No data.\n"
    "summary per year group and per characteristic group (gender, SEN, pupil premium, disadvantaged,\n"
    "        FSM, EAL, summer born): prior attainment (GLD; KS1 reading, writing and maths at EXS+), on\n"
    "        track or above in reading, writing, maths and all three, and each test column's average, on\n"
    "        one page; groups of fewer than 6 pupils are starred as not statistically meaningful.\n"
    "trends  the share on track or above per subject, term by term across academic years (each term's\n"
    "        latest assessment per year group; --academic-year keeps one year), as a chart and a table;\n"
    "        the filters apply in each term's own year, so --year 4 is each year's Year 4.\n"
    "progress  --from NAME --assessment NAME: for each subject whose scheme measures progress (LEP\n"
    "        points, APP sublevels), each pupil's points and steps of progress between the two\n"
    "        assessments against the scheme's expectation (below, at or above expected), the\n"
    "        progression summary (regressed, no progress, below, at, above expected) and the key\n"
    "        measures (within/beyond/below age-related expectation, average points, not making/making/\n"
    "        exceeding expected progress, average steps); a four-band subject gets a sentence instead.\n"
    "        Where targets are set, attainment against them per subject: above, on and below the\n"
    "        notional trajectory for the later assessment's term (end-of-key-stage targets in LEP or\n"
    "        APP), or the target itself (end-of-year targets, four-band), pupils named; else a sentence.\n"
    "profile  one pupil's whole journey on a page or two: every assessment's judgements per subject,\n"
    "        oldest first, statutory results (EYFSP/GLD, phonics, KS1, KS2), interventions (at any\n"
    "        school), pupil progress meetings, and targets with the latest judgement against the\n"
    "        notional trajectory (term by term) or the target itself. --upn UPN for one\n"
    "        pupil on roll; --all for every pupil the filters select who is included in data, as one\n"
    "        file; --each-to DIR for one file each, named UPN-Surname-Forename.pdf.\n"
    "pupil-meeting  the pupil progress meeting form: --meeting ID prints a saved meeting as it was\n"
    "        saved (standards, question texts, answers); --upn UPN prints a blank form for that pupil\n"
    "        with the school's questions live on the day (--as-of, default today) and the reading,\n"
    "        writing and maths standards at the latest and previous assessment filled from the data.\n"
    "cohort-meeting  the cohort (year or class) progress meeting form: --meeting ID for a saved one;\n"
    "        --year N [--class C] for a blank one with the % of the cohort in each band now and at the\n"
    "        previous assessment, the cohort questions per subject and space for barriers and support.\n"
    "For full, venn and summary, without --assessment each year group is counted in its latest\n"
    "assessment of the academic year (--academic-year, default the school's current) dated on or\n"
    "before --as-of (default today), as whole-school and key-stage reports are; --year or --key-stage\n"
    "narrow it.\n"
    "Pupils are those the filters select in the assessment's year groups who are included in data;\n"
    "the report says how many were left out. --format defaults to pdf (renderer plugins: pdf, xlsx,\n"
    "csv, html; json is the report document itself, printed when --out is not given). --as-of YYYY-MM-DD\n"
    "(end of that day) or YYYY-MM-DDTHH:MM:SSZ reports the data as it stood then.\n\n"
    "Filters (combined with AND): --year, --key-stage, --class, --group, --gender, --sen, --ethnicity,\n"
    "--summer-born, --pp, --fsm, --ever6, --disadvantaged, --eal, --intervention, --custom1..6\n"
    "(see `waymark help pupils`).",
    {"all"},
    option_names({services::pupil_filter_options(), report_options}),
    run_report};

}  // namespace waymark::cli
