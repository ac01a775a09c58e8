#include "command.hpp"
#include "pupil_list.hpp"
#include "tracking_session.hpp"

#include "plugin_host/plugin_error.hpp"
#include "plugin_host/renderer.hpp"
#include "reports/builders/full_report.hpp"
#include "reports/builders/meeting_forms.hpp"
#include "reports/builders/progress_report.hpp"
#include "reports/builders/pupil_profile.hpp"
#include "reports/builders/venn_report.hpp"
#include "reports/document_json.hpp"
#include "store/database.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <thread>
#include <ostream>

namespace waymark::cli {
namespace {

constexpr std::array<std::string_view, 6> report_names{"full", "venn", "profile", "pupil-meeting", "cohort-meeting", "progress"};

reports::document build(std::string_view name, const reports::assessment_cohort &cohort,
                        const services::scheme_library &schemes) {
    if (name == "full") return reports::build_full_report(cohort, schemes);
    return reports::build_venn_report(cohort);
}

void write_json_file(const std::string &json, const std::filesystem::path &file) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << json << '\n';
    if (!out.flush()) throw std::runtime_error("Could not write " + file.string() + "; check the folder exists and is writable.");
}

// Writes one document as JSON (to standard output without --out) or through the format's renderer.
void write_document(tracking_session &session, const std::string &json, const std::string &format,
                    const std::optional<std::string> &out, io streams) {
    if (format == "json") {
        if (!out) {
            streams.out << json << '\n';
            return;
        }
        write_json_file(json, *out);
        return;
    }
    try {
        plugins::find_renderer(session.plugins(), format).render_to_file(json, *out);
    } catch (const plugins::plugin_error &error) {
        throw usage_error(error.what());
    }
}

// Writes each document to the file `file_of(index, extension)` names. Embedding the font in every file
// is most of a renderer's time, so two threads render at once, each with a renderer instance of its
// own (an instance renders one document at a time); the first failure stops both and is thrown.
void write_each(tracking_session &session, const std::vector<std::string> &documents, const std::string &format,
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
                else write_json_file(documents[i], file);
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

// `report profile --upn UPN | --all [filters] [--each-to DIR]`: one pupil, every selected pupil in one
// file, or every selected pupil in a file of their own (one renderer for all of them).
int run_profile(const invocation &args, io streams, const std::string &format, const std::optional<std::string> &out) {
    const auto upn = args.option("upn");
    const auto each_to = args.option("each-to");
    if (upn.has_value() == (args.has_switch("all") || each_to.has_value()))
        throw usage_error("Say whose profile to make: --upn UPN for one pupil, or --all (or --each-to DIR) for every pupil the "
                          "filters select.");
    if (!out && !each_to && format != "json") throw usage_error("Say where to write the " + format + " file with --out FILE.");
    tracking_session session(args, streams);
    reports::pupil_profiles profiles;
    try {
        profiles = reports::load_pupil_profiles(session.database().session(), session.schemes(),
                                                {session.school(), upn, filter_of(args), as_of_instant(args), store::utc_timestamp_now()});
    } catch (const services::filter_error &error) {
        throw usage_error(error.what());
    }
    if (!each_to) {
        write_document(session, reports::to_json(reports::build_pupil_profiles(profiles, session.schemes())), format, out, streams);
        if (out) streams.out << "Wrote the profile" << (upn ? "" : "s of " + std::to_string(profiles.pupils.size()) + " pupils")
                             << " to " << *out << ".\n";
        return 0;
    }
    if (format != "json") {
        try {
            plugins::find_renderer(session.plugins(), format);  // refuses an unknown format before any folder is made
        } catch (const plugins::plugin_error &error) {
            throw usage_error(error.what());
        }
    }
    const std::filesystem::path folder(*each_to);
    std::error_code made;
    std::filesystem::create_directories(folder, made);
    if (made) throw usage_error("Could not make the folder " + *each_to + " (" + made.message() + "); choose another --each-to.");
    std::vector<std::string> documents;
    for (std::size_t i = 0; i < profiles.pupils.size(); ++i)
        documents.push_back(reports::to_json(reports::build_pupil_profiles(profiles, session.schemes(), i)));
    write_each(session, documents, format, [&](std::size_t i, const std::string &extension) {
        return folder / (reports::profile_file_stem(profiles.pupils[i]) + extension);
    });
    streams.out << "Wrote " << profiles.pupils.size() << " pupil profiles to " << *each_to << ".\n";
    return 0;
}

// `report pupil-meeting --meeting ID | --upn UPN` and `report cohort-meeting --meeting ID | --year N [--class C]`:
// a saved meeting as saved, or a blank form filled from the data.
int run_meeting_form(const invocation &args, io streams, const std::string &name, const std::string &format,
                     const std::optional<std::string> &out) {
    const bool pupil = name == "pupil-meeting";
    const auto meeting = args.option("meeting");
    const auto whose = args.option(pupil ? "upn" : "year");
    if (meeting.has_value() == whose.has_value())
        throw usage_error(pupil ? "Say which form: --meeting ID for a saved meeting, or --upn UPN for a blank form for that pupil."
                                : "Say which form: --meeting ID for a saved meeting, or --year N (and --class C) for a blank form.");
    if (!out && format != "json") throw usage_error("Say where to write the " + format + " file with --out FILE.");
    tracking_session session(args, streams);
    const reports::meeting_form_scope scope{session.school(), as_of_instant(args), store::utc_timestamp_now()};
    soci::session &db = session.database().session();
    reports::document doc;
    try {
        if (meeting) {
            const long long id = whole_number_option(*meeting, "--meeting", 1, INT32_MAX);
            doc = pupil ? reports::saved_pupil_meeting_form(db, session.schemes(), scope, id)
                        : reports::saved_cohort_meeting_form(db, session.schemes(), scope, id);
        } else if (pupil) {
            doc = reports::blank_pupil_meeting_form(db, session.schemes(), scope, *whose);
        } else {
            doc = reports::blank_cohort_meeting_form(db, session.schemes(), scope, whole_number_option(*whose, "--year", 0, 11),
                                                     args.option("class"));
        }
    } catch (const services::tracking_error &error) {
        throw usage_error(error.what());
    }
    write_document(session, reports::to_json(doc), format, out, streams);
    if (out) streams.out << "Wrote the " << (meeting ? "" : "blank ") << name << " form to " << *out << ".\n";
    return 0;
}

int run_report(const invocation &args, io streams) {
    const std::string &name = args.positional(0, "the report: full, venn, progress, profile, pupil-meeting or cohort-meeting");
    if (std::find(report_names.begin(), report_names.end(), name) == report_names.end())
        throw usage_error("There is no report '" + name + "'; waymark report makes full, venn, progress, profile, pupil-meeting or cohort-meeting.");
    const std::string format = args.option("format").value_or("pdf");
    const auto out = args.option("out");
    if (name == "profile") return run_profile(args, streams, format, out);
    if (name == "pupil-meeting" || name == "cohort-meeting") return run_meeting_form(args, streams, name, format, out);
    if (!out && format != "json") throw usage_error("Say where to write the " + format + " file with --out FILE.");

    if (name == "progress" && (!args.option("from") || !args.option("assessment")))
        throw usage_error("Say which two assessments to measure progress between: --from NAME (the earlier) and --assessment NAME "
                          "(the later).");
    tracking_session session(args, streams);
    std::optional<services::assessment> assessment;
    if (args.option("assessment")) assessment = session.assessment(args);
    reports::report_scope scope{session.school(), std::move(assessment), filter_of(args), as_of_instant(args),
                                store::utc_timestamp_now()};
    std::string json;
    try {
        const auto cohort = reports::load_assessment_cohort(session.database().session(), session.schemes(), std::move(scope));
        if (name == "progress") {
            const auto from = services::find_assessment(session.database().session(), session.school().id, *args.option("from"));
            json = reports::to_json(reports::build_progress_report(session.database().session(), session.schemes(), cohort, from));
        } else {
            json = reports::to_json(build(name, cohort, session.schemes()));
        }
    } catch (const services::filter_error &error) {
        throw usage_error(error.what());
    }
    write_document(session, json, format, out, streams);
    if (out) streams.out << "Wrote the " << name << " report to " << *out << ".\n";
    return 0;
}

}  // namespace

extern const command report_command{
    "report",
    "report full|venn|progress [--from NAME] [--assessment NAME] [filters] [--as-of DATE] [--format pdf|xlsx|csv|json] [--out FILE] "
    "[--school LAESTAB] | report profile --upn UPN | --all [filters] [--each-to DIR] ... | "
    "report pupil-meeting --meeting ID | --upn UPN ... | report cohort-meeting --meeting ID | --year N [--class C] ...",
    "Build a report of an assessment and write it as PDF, spreadsheet, CSV or the JSON document.",
    "full  per subject, the number and percentage of pupils at each grade (or band, for schemes with\n"
    "      many grades), on track or above, and with no judgement; every figure lists its pupils\n"
    "      alphabetically in an appendix.\n"
    "venn  reading, writing and maths on track or above as a three-circle Venn diagram: all seven\n"
    "      regions and the pupils in none, with counts, percentages and names.\n"
    "progress  --from NAME --assessment NAME: for each subject whose scheme measures progress (LEP\n"
    "      points, APP sublevels), each pupil's points and steps of progress between the two\n"
    "      assessments against the scheme's expectation (below, at or above expected), the\n"
    "      progression summary (regressed, no progress, below, at, above expected) and the key\n"
    "      measures (within/beyond/below age-related expectation, average points, not making/making/\n"
    "      exceeding expected progress, average steps); a four-band subject gets a sentence instead.\n"
    "profile  one pupil's whole journey on a page or two: every assessment's judgements per subject,\n"
    "      oldest first, statutory results (EYFSP/GLD, phonics, KS1, KS2), interventions (at any\n"
    "      school) and pupil progress meetings (targets are not included yet). --upn UPN for one\n"
    "      pupil on roll; --all for every pupil the filters select who is included in data, as one\n"
    "      file; --each-to DIR for one file each, named UPN-Surname-Forename.pdf.\n"
    "pupil-meeting  the pupil progress meeting form: --meeting ID prints a saved meeting as it was\n"
    "      saved (standards, question texts, answers); --upn UPN prints a blank form for that pupil\n"
    "      with the school's questions live on the day (--as-of, default today) and the reading,\n"
    "      writing and maths standards at the latest and previous assessment filled from the data.\n"
    "cohort-meeting  the cohort (year or class) progress meeting form: --meeting ID for a saved one;\n"
    "      --year N [--class C] for a blank one with the % of the cohort in each band now and at the\n"
    "      previous assessment, the cohort questions per subject and space for barriers and support.\n"
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
    {"all"},
    run_report};

}  // namespace waymark::cli
