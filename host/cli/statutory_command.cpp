#include "command.hpp"
#include "print_json.hpp"
#include "services/record_json.hpp"
#include "text_table.hpp"
#include "tracking_session.hpp"

#include "services/statutory/statutory_entry.hpp"
#include "services/statutory/statutory_json.hpp"

#include <fstream>
#include <ostream>
#include <sstream>

namespace waymark::cli {
namespace {

domain::academic_year academic_year_of(const invocation &args, const store::school &school) {
    const auto text = args.option("academic-year");
    if (!text) return school.current_year;
    const auto year = domain::parse_academic_year(*text);
    if (!year) throw usage_error("--academic-year takes a year such as 2025/2026, not '" + *text + "'.");
    return *year;
}

services::submission_kind kind_of(const invocation &args) {
    const std::string &text = args.positional(1, "what: phonics-y1, phonics-y2 or ks1");
    const auto kind = services::parse_submission_kind(text);
    if (!kind) throw usage_error("Submissions are phonics-y1, phonics-y2 or ks1, not '" + text + "'.");
    return *kind;
}

// "ks1_ta:reading" -> the measure and its subject; then UPN=VALUE pairs.
std::vector<services::statutory_value> values_of(const invocation &args) {
    const std::string &what = args.positional(1, "what to set: elg:E01, phonics, ks1_ta:reading, ks1_scaled:maths, ...");
    const std::size_t colon = what.find(':');
    const auto measure = services::parse_statutory_measure(what.substr(0, colon));
    if (!measure)
        throw usage_error("'" + what.substr(0, colon) + "' is not a statutory measure; use elg, phonics, ks1_ta, ks1_scaled, "
                          "ks2_ta or ks2_scaled.");
    const std::string subject = colon == std::string::npos ? "" : what.substr(colon + 1);
    std::vector<services::statutory_value> values;
    for (std::size_t i = 2; i < args.positional().size(); ++i) {
        const std::string &pair = args.positional()[i];
        const std::size_t equals = pair.find('=');
        if (equals == std::string::npos)
            throw usage_error("'" + pair + "' should be UPN=VALUE, e.g. " + "B801200005001=37.");
        values.push_back({pair.substr(0, equals), *measure, subject, pair.substr(equals + 1)});
    }
    if (values.empty()) throw usage_error("Give at least one UPN=VALUE after " + what + ".");
    return values;
}

std::string phonics_text(const std::optional<services::phonics_check> &check) {
    if (!check) return "";
    return check->mark ? std::to_string(*check->mark) + " " + check->outcome : check->outcome;
}

template <class Value> std::string cell(const std::map<std::string, Value> &values, const std::string &key) {
    const auto found = values.find(key);
    if (found == values.end()) return "";
    if constexpr (std::is_same_v<Value, int>) return std::to_string(found->second);
    else return found->second;
}

void print_view(std::ostream &out, const services::statutory_view &view) {
    const int group = view.year_group;
    std::vector<std::string> headings{"Pupil", "UPN", "GLD"};
    if (group == 0) {
        for (int goal = 1; goal <= 17; ++goal) headings.push_back(std::string(goal < 10 ? "E0" : "E") + std::to_string(goal));
    }
    if (group >= 1) headings.push_back("Phonics Y1");
    if (group >= 2) {
        for (const char *heading : {"Phonics Y2", "KS1 Re", "KS1 Wr", "KS1 Ma", "KS1 Sc", "KS1 Re scaled", "KS1 Ma scaled"})
            headings.push_back(heading);
    }
    if (group == 6) {
        for (const char *heading : {"KS2 Re", "KS2 Wr", "KS2 Ma", "KS2 Sc", "KS2 Re scaled", "KS2 Ma scaled", "KS2 GPS scaled"})
            headings.push_back(heading);
    }
    text_table table(headings);
    for (const auto &row : view.pupils) {
        std::vector<std::string> cells{row.surname + ", " + row.forename, row.upn, row.gld ? (*row.gld ? "Yes" : "No") : ""};
        if (group == 0) {
            for (std::size_t goal = 3; goal < headings.size(); ++goal) cells.push_back(cell(row.elg, headings[goal]).substr(0, 3));
        }
        if (group >= 1) cells.push_back(phonics_text(row.phonics_year1));
        if (group >= 2) {
            cells.push_back(phonics_text(row.phonics_year2));
            for (const char *subject : {"reading", "writing", "maths", "science"}) cells.push_back(cell(row.ks1_ta, subject));
            for (const char *subject : {"reading", "maths"}) cells.push_back(cell(row.ks1_scaled, subject));
        }
        if (group == 6) {
            for (const char *subject : {"reading", "writing", "maths", "science"}) cells.push_back(cell(row.ks2_ta, subject));
            for (const char *subject : {"reading", "maths", "gps"}) cells.push_back(cell(row.ks2_scaled, subject));
        }
        table.add_row(std::move(cells));
    }
    out << (group == 0 ? std::string("Reception") : "Year " + std::to_string(group)) << ", "
        << domain::format_academic_year(view.year) << ": " << view.pupils.size() << (view.pupils.size() == 1 ? " pupil" : " pupils")
        << (group == 0 ? " (goals: Exp = Expected, Eme = Emerging)" : "") << "\n";
    if (!table.empty()) table.print(out);
    for (const auto &made : view.submissions) {
        out << services::submission_title(made.kind) << ": submitted by " << made.submitted_by << " at " << made.submitted_at;
        if (made.in_force()) out << ", locked\n";
        else out << ", unlocked by " << *made.unlocked_by << " at " << *made.unlocked_at << " (" << *made.unlock_reason << ")\n";
    }
}

int run_statutory(const invocation &args, io streams) {
    const std::string &action = args.positional(0, "what to do: set, import, show, submit, unlock or submissions");
    if (action != "set" && action != "import" && action != "show" && action != "submit" && action != "unlock" &&
        action != "submissions")
        throw usage_error("waymark statutory takes set, import, show, submit, unlock or submissions, not '" + action + "'.");
    tracking_session session(args, streams);
    const store::school &school = session.school();
    const domain::academic_year year = academic_year_of(args, school);
    const services::statutory_actor actor{recorder_of(args).who, args.has_switch("admin")};
    const bool json = args.has_switch("json");
    if (action == "set") {
        const auto values = values_of(args);
        const auto changed = services::record_statutory(session.database(), school, year, values);
        streams.out << "Recorded " << changed << (changed == 1 ? " value" : " values") << " for "
                    << domain::format_academic_year(year);
        if (changed < values.size()) streams.out << " (" << values.size() - changed << " already as given)";
        streams.out << ".\n";
    } else if (action == "import") {
        const std::string &path = args.positional(1, "the CSV file (UPN,measure,subject,value)");
        std::ifstream in(path, std::ios::binary);
        if (!in) throw std::runtime_error("Cannot read " + path + "; check the path and that the file is readable.");
        std::ostringstream text;
        text << in.rdbuf();
        const auto file = services::read_statutory_csv(text.str());
        const auto changed = services::record_statutory(session.database(), school, year, file.values, file.lines);
        streams.out << "Recorded " << changed << (changed == 1 ? " value" : " values") << " of " << file.values.size() << " in "
                    << path << " for " << domain::format_academic_year(year) << ".\n";
    } else if (action == "show") {
        const auto text = args.option("year");
        if (!text) throw usage_error("Name the year group with --year R or --year 1..6.");
        const int group = *text == "R" ? 0 : whole_number_option(*text, "year", 0, 6);
        const auto view = services::statutory_data(session.database().session(), school, group, year);
        if (json) {
            print_json(streams.out, services::statutory_view_json(view));
        } else {
            print_view(streams.out, view);
        }
    } else if (action == "submit") {
        const auto kind = kind_of(args);
        auto declaration = args.option("declaration");
        if (!declaration && args.has_switch("accept-declaration")) declaration = std::string(services::standard_declaration);
        if (!declaration)
            throw usage_error("Submitting needs a declaration: --accept-declaration for \"" +
                              std::string(services::standard_declaration) + "\", or --declaration TEXT.");
        const auto made = services::submit_statutory(session.database(), school, kind, year, *declaration, actor);
        streams.out << "Submitted the " << services::submission_title(kind) << " results of "
                    << domain::format_academic_year(year) << " (" << made.pupils << " pupils) as " << made.submitted_by
                    << " at " << made.submitted_at << "; they are locked until an administrator unlocks them.\n";
    } else if (action == "unlock") {
        const auto kind = kind_of(args);
        const auto made = services::unlock_statutory(session.database(), school, kind, year,
                                                     args.option_or("reason", ""), actor);
        streams.out << "Unlocked the " << services::submission_title(kind) << " results of "
                    << domain::format_academic_year(year) << " submitted by " << made.submitted_by << " at "
                    << made.submitted_at << "; the unlock is recorded as " << *made.unlocked_by << ".\n";
    } else {
        const auto all = services::submissions_of(session.database().session(), school);
        if (json) {
            print_json(streams.out, services::json_array(all, services::submission_json));
            return 0;
        }
        text_table table({"Submission", "Year", "Submitted by", "Submitted at", "Pupils", "Unlocked by", "Unlocked at", "Reason"});
        for (const auto &made : all)
            table.add_row({std::string(services::submission_kind_name(made.kind)), domain::format_academic_year(made.year),
                           made.submitted_by, made.submitted_at, std::to_string(made.pupils), made.unlocked_by.value_or(""),
                           made.unlocked_at.value_or(""), made.unlock_reason.value_or("")});
        table.print_or(streams.out, "Nothing has been submitted yet.");
    }
    return 0;
}

}  // namespace

extern const command statutory_command{
    "statutory",
    "statutory set MEASURE[:SUBJECT] UPN=VALUE... | statutory import FILE.csv | statutory show --year R|1..6 [--json] | "
    "statutory submit phonics-y1|phonics-y2|ks1 (--accept-declaration | --declaration TEXT) | "
    "statutory unlock phonics-y1|phonics-y2|ks1 --reason TEXT --admin | statutory submissions [--json]  "
    "[--academic-year 2025/2026] [--school LAESTAB] [--as NAME]",
    "Statutory results (EYFSP, phonics, KS1, KS2): record, show, submit with a declaration, unlock.",
    "set records or changes a year group's values in one go, all or nothing: every problem is listed\n"
    "with its UPN and nothing is saved until all are right. MEASURE is one of\n"
    "  elg:E01..E17     Reception: Emerging or Expected (GLD = Expected in E01-E12, worked out)\n"
    "  phonics          Year 1, or Year 2 for a pupil who did not meet the threshold in Year 1:\n"
    "                   a mark 0-40 (Wa/Wt from the year's threshold, 32 unless set) or A, D, L, Q\n"
    "  ks1_ta:SUBJECT   Year 2, reading/writing/maths: PK1-PK4, BLW, WTS, EXS, GDS, A, D, EM;\n"
    "                   science: HNM, EXS, A, D\n"
    "  ks1_scaled:SUBJECT  Year 2, 79-120      ks2_ta:SUBJECT / ks2_scaled:SUBJECT  Year 6, 80-120\n"
    "Values are for --academic-year (default the school's current), and each pupil must be in the\n"
    "measure's year group that year.\n\n"
    "import reads the same from a CSV file with the header UPN,measure,subject,value (measure as above\n"
    "without the colon, subject empty for phonics), all or nothing, problems named by line.\n\n"
    "submit sends a year group's results (phonics-y1, phonics-y2 or ks1) with a declaration, naming who\n"
    "(--as NAME, else the operating-system user) and when; every pupil of the year group needs a result.\n"
    "Submitted results are locked: changing them is refused until an administrator runs unlock with\n"
    "--admin and a --reason, which is recorded beside the submission (both are kept; submit again after).\n"
    "A sync from the MIS leaves locked results as submitted.",
    {"json", "admin", "accept-declaration"},
    {"school", "as", "academic-year", "declaration", "reason", "year"},
    run_statutory};

}  // namespace waymark::cli
