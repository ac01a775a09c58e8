#include "command.hpp"
#include "print_json.hpp"
#include "pupil_list.hpp"
#include "text_table.hpp"
#include "tracking_session.hpp"

#include "services/pupils/pupil_groups.hpp"
#include "services/pupils/pupil_list_json.hpp"

#include <ostream>

namespace waymark::cli {
namespace {

std::vector<std::string> upns_after(const invocation &args, std::size_t first) {
    std::vector<std::string> upns(args.positional().begin() + static_cast<std::ptrdiff_t>(first), args.positional().end());
    if (upns.empty()) throw usage_error("Name at least one pupil by UPN after the group's name.");
    return upns;
}

void print_groups(std::ostream &out, const std::vector<services::pupil_group> &groups, bool json) {
    if (json) {
        print_json(out, services::group_list_json(groups));
        return;
    }
    text_table table({"Group", "Pupils", "Created by", "Created at"});
    for (const auto &group : groups) table.add_row({group.name, std::to_string(group.members), group.created_by, group.created_at});
    table.print_or(out, "No groups yet; make one with waymark groups create NAME.");
}

int run_groups(const invocation &args, io streams) {
    const std::string &action = args.positional(0, "what to do: create, add, remove, list or show");
    tracking_session session(args, streams);
    const store::school &school = session.school();
    const bool json = args.has_switch("json");
    try {
        if (action == "list") {
            print_groups(streams.out, services::list_groups(session.database().session(), school), json);
            return 0;
        }
        const std::string &name = args.positional(1, "the group's name");
        if (action == "create") {
            services::create_group(session.database(), school, name, recorder_of(args).who);
            streams.out << "Created the group \"" << name << "\" at " << school.name << ".\n";
        } else if (action == "add") {
            const auto added = services::add_to_group(session.database(), school, name, upns_after(args, 2), recorder_of(args).who);
            streams.out << "Added " << added << (added == 1 ? " pupil" : " pupils") << " to \"" << name << "\".\n";
        } else if (action == "remove") {
            const auto removed = services::remove_from_group(session.database(), school, name, upns_after(args, 2));
            streams.out << "Removed " << removed << (removed == 1 ? " pupil" : " pupils") << " from \"" << name << "\".\n";
        } else if (action == "show") {
            print_pupils(streams.out, services::group_members(session.database().session(), school, name),
                         "group \"" + name + "\"", json);
        } else {
            throw usage_error("waymark groups takes create, add, remove, list or show, not '" + action + "'.");
        }
    } catch (const services::filter_error &error) {
        throw usage_error(error.what());
    }
    return 0;
}

}  // namespace

extern const command groups_command{
    "groups",
    "groups create NAME | groups add NAME UPN... | groups remove NAME UPN... | groups list [--json] | "
    "groups show NAME [--json]  [--school LAESTAB] [--as NAME]",
    "Stored groups of pupils, to filter lists and statistics by (--group NAME).",
    "A group is a named set of pupils on roll (\"Year 5 recent arrivals\"); a pupil stays in it through\n"
    "the year-end rollover. add and remove take UPNs; a pupil already in (or not in) the group is left\n"
    "as it is, and an unknown UPN changes nothing. Changes are recorded with who made them (--as NAME,\n"
    "else the operating-system user).",
    {"json"},
    {"school", "as"},
    run_groups};

}  // namespace waymark::cli
