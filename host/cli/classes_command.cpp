#include "command.hpp"
#include "text_table.hpp"
#include "tracking_records_options.hpp"
#include "tracking_session.hpp"

#include "services/school_settings_json.hpp"

#include <ostream>

namespace waymark::cli {
namespace {

void print_classes(std::ostream &out, const std::vector<services::school_class> &classes, bool json) {
    if (json) return print_json(out, services::classes_json(classes));
    text_table table({"Class", "Pupils"});
    for (const auto &each : classes) table.add_row({each.name, std::to_string(each.pupils)});
    if (table.empty()) out << "No classes yet; the MIS sync brings them, or add one with waymark classes add NAME.\n";
    else table.print(out);
}

int run_classes(const invocation &args, io streams) {
    const std::string &action = args.positional(0, "what to do: list, add, rename or delete");
    tracking_session session(args, streams);
    const store::school &school = session.school();
    const bool json = args.has_switch("json");
    if (action == "list") {
        print_classes(streams.out, services::list_classes(session.database().session(), school), json);
    } else if (action == "add") {
        const auto made = services::add_class(session.database(), school, args.positional(1, "The new class's name"));
        if (json) print_json(streams.out, services::class_json(made));
        else streams.out << "Added class " << made.name << ".\n";
    } else if (action == "rename") {
        const std::string &from = args.positional(1, "The class to rename");
        const auto renamed = services::rename_class(session.database(), school, from, args.positional(2, "Its new name"));
        if (json) print_json(streams.out, services::class_json(renamed));
        else streams.out << "Renamed class " << from << " to " << renamed.name << " (" << renamed.pupils << " pupils).\n";
    } else if (action == "delete") {
        const std::string &name = args.positional(1, "The class to delete");
        services::delete_class(session.database(), school, name);
        streams.out << "Deleted class " << name << ".\n";
    } else {
        throw usage_error("waymark classes takes list, add, rename or delete, not '" + action + "'.");
    }
    return 0;
}

}  // namespace

extern const command classes_command{
    "classes",
    "classes list | classes add NAME | classes rename OLD NEW | classes delete NAME  [--json] [--school LAESTAB]",
    "The school's classes with their pupils; add, rename or delete (an empty one) a class.",
    "list shows each class with its pupils on roll. rename keeps the class's pupils and cohort\n"
    "meetings, and teachers given the class keep it under the new name; a name the school already\n"
    "uses is refused. delete removes a class with no pupils only (otherwise it says how many are in it).\n"
    "The MIS sync adds classes it meets; a class renamed here comes back under its old name if the MIS\n"
    "still sends that name, so rename it in the MIS too.",
    {"json"},
    {"school"},
    run_classes};

}  // namespace waymark::cli
