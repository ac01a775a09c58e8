#include "audited_change.hpp"
#include "print_json.hpp"
#include "command.hpp"
#include "text_table.hpp"
#include "tracking_records_options.hpp"

#include "services/tracking/school_settings_json.hpp"

#include <ostream>

namespace waymark::cli {
namespace {

// "reading=org.waymark.lep-points" -> {reading, org.waymark.lep-points}.
services::subject_scheme subject_word(const std::string &word) {
    const auto equals = word.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == word.size())
        throw usage_error("Give each subject as CODE=SCHEME (science=org.waymark.lep-points), not '" + word + "'.");
    return {word.substr(0, equals), "", word.substr(equals + 1)};
}

int run_subjects(const invocation &args, io streams) {
    const std::string &action = args.positional(0, "what to do: list or set");
    tracking_session session(args, streams);
    const store::school &school = session.school();
    std::vector<services::subject_scheme> subjects;
    if (action == "list") {
        subjects = services::tracked_subjects(session.database().session(), school.id);
    } else if (action == "set") {
        std::vector<services::subject_scheme> wanted;
        for (std::size_t i = 1; i < args.positional().size(); ++i) wanted.push_back(subject_word(args.positional()[i]));
        subjects = audited_change(
            session, args, "subjects set",
            [&] { return services::save_tracked_subjects(session.database(), school, wanted, session.schemes()); },
            [](const std::vector<services::subject_scheme> &saved) { return "set the subjects and their schemes: " + services::subjects_summary(saved); });
    } else {
        throw usage_error("waymark subjects takes list or set, not '" + action + "'.");
    }
    if (args.has_switch("json")) return print_json(streams.out, services::subjects_json(session.database().session(), subjects)), 0;
    text_table table({"Subject", "Code", "Default scheme"});
    for (const auto &subject : subjects) table.add_row({subject.name, subject.code, subject.scheme_id});
    table.print(streams.out);
    return 0;
}

}  // namespace

extern const command subjects_command{
    "subjects",
    "subjects list | subjects set CODE=SCHEME...  [--json] [--school LAESTAB] [--as NAME]",
    "The subjects the school tracks and the descriptor scheme each is judged in by default.",
    "The page's new-assessment form starts with these subjects, and any new assessment judges a subject\n"
    "in its scheme here unless the assessment names another (`waymark assessments create --schemes\n"
    "SUBJECT=ID`). Reading, writing and maths are always\n"
    "tracked, on org.waymark.lancashire-four-band until set otherwise. set replaces the list, e.g.\n"
    "  waymark subjects set maths=org.waymark.lep-points science=org.waymark.lep-points\n"
    "An unknown scheme is refused with the ones loaded (waymark plugins list shows them). Every set, and\n"
    "every refusal, is written to the audit log with who made it (--as NAME, else the operating-system user).",
    {"json"},
    {"school", "as"},
    run_subjects};

}  // namespace waymark::cli
