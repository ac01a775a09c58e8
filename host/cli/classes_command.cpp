#include "audited_change.hpp"
#include "print_json.hpp"
#include "command.hpp"
#include "text_table.hpp"
#include "tracking_records_options.hpp"

#include "services/tracking/school_settings_json.hpp"

#include <ostream>

namespace waymark::cli {
namespace {

void print_classes(std::ostream &out, const std::vector<services::school_class> &classes, bool json) {
    if (json) return print_json(out, services::classes_json(classes));
    text_table table({"Class", "Pupils"});
    for (const auto &each : classes) table.add_row({each.name, std::to_string(each.pupils)});
    table.print_or(out, "No classes yet; the MIS sync brings them, or add one with waymark classes add NAME.");
}

int run_classes(const invocation &args, io streams) {
    const std::string &action = args.positional(0, "what to do: list, add, rename or delete");
    tracking_session session(args, streams);
    const store::school &school = session.school();
    const bool json = args.has_switch("json");
    if (action == "list") {
        print_classes(streams.out, services::list_classes(session.database().session(), school), json);
    } else if (action == "add") {
        const std::string &name = args.positional(1, "The new class's name");
        const auto made = audited_change(
            session, args, "classes add " + name, [&] { return services::add_class(session.database(), school, name); },
            [](const services::school_class &added) { return "added class " + added.name; });
        if (json) print_json(streams.out, services::class_json(made));
        else streams.out << "Added class " << made.name << ".\n";
    } else if (action == "rename") {
        const std::string &from = args.positional(1, "The class to rename");
        const std::string &to = args.positional(2, "Its new name");
        const auto renamed = audited_change(
            session, args, "classes rename " + from, [&] { return services::rename_class(session.database(), school, from, to); },
            [&](const services::school_class &done) { return "renamed class " + from + " to " + done.name; });
        if (json) print_json(streams.out, services::class_json(renamed));
        else streams.out << "Renamed class " << from << " to " << renamed.name << " (" << renamed.pupils << " pupils).\n";
    } else if (action == "delete") {
        const std::string &name = args.positional(1, "The class to delete");
        audited_change(
            session, args, "classes delete " + name,
            [&] {
                services::delete_class(session.database(), school, name);
                return name;
            },
            [](const std::string &deleted) { return "deleted class " + deleted; });
        streams.out << "Deleted class " << name << ".\n";
    } else {
        throw usage_error("waymark classes takes list, add, rename or delete, not '" + action + "'.");
    }
    return 0;
}

}  // namespace

extern const command classes_command{
    "classes",
    "classes list | classes add NAME | classes rename OLD NEW | classes delete NAME  [--json] [--school LAESTAB] [--as NAME]",
    "The school's classes with their pupils; add, rename or delete (an empty one) a class.",
    "list shows each class with its pupils on roll. rename keeps the class's pupils and cohort\n"
    "meetings, and teachers given the class keep it under the new name; a name the school already\n"
    "uses is refused. delete removes a class with no pupils only (otherwise it says how many are in it).\n"
    "The MIS sync adds classes it meets; a class renamed here comes back under its old name if the MIS\n"
    "still sends that name, so rename it in the MIS too. Every change, and every refusal, is written to\n"
    "the audit log with who made it (--as NAME, else the operating-system user).",
    {"json"},
    {"school", "as"},
    run_classes};

}  // namespace waymark::cli
