#include "audited_change.hpp"
#include "print_json.hpp"
#include "command.hpp"
#include "text_table.hpp"
#include "tracking_records_options.hpp"

#include "services/tracking/school_settings_json.hpp"

#include <algorithm>
#include <ostream>

namespace waymark::cli {
namespace {

int run_custom_filters(const invocation &args, io streams) {
    const std::string &action = args.positional(0, "what to do: list or set");
    tracking_session session(args, streams);
    const store::school &school = session.school();
    std::array<std::string, 6> names;
    if (action == "list") {
        names = store::custom_flag_names(session.database().session(), school.id);
    } else if (action == "set") {
        const auto given = args.positional();
        if (given.size() != 7)
            throw usage_error("Give the six names in order, \"\" for a filter not used: waymark custom-filters set \"Young carer\" \"\" "
                              "Forces \"\" \"\" \"\" (" + std::to_string(given.size() - 1) + " given).");
        std::copy(given.begin() + 1, given.end(), names.begin());
        names = audited_change(
            session, args, "custom-filters set", [&] { return services::save_custom_flag_names(session.database(), school, names); },
            [](const std::array<std::string, 6> &saved) { return "named the custom filters: " + services::custom_flags_summary(saved); });
    } else {
        throw usage_error("waymark custom-filters takes list or set, not '" + action + "'.");
    }
    if (args.has_switch("json")) return print_json(streams.out, services::custom_flags_json(names)), 0;
    text_table table({"Filter", "Option", "Name"});
    for (std::size_t slot = 0; slot < names.size(); ++slot)
        table.add_row({std::to_string(slot + 1), "--custom" + std::to_string(slot + 1) + " yes|no", names[slot].empty() ? "(not used)" : names[slot]});
    table.print(streams.out);
    return 0;
}

}  // namespace

extern const command custom_filters_command{
    "custom-filters",
    "custom-filters list | custom-filters set NAME1 NAME2 NAME3 NAME4 NAME5 NAME6  [--json] [--school LAESTAB] [--as NAME]",
    "The names of the school's six custom yes/no filters (\"\" = not used).",
    "Each named filter is offered on the grid and in reports under its name, and on the command line as\n"
    "the pupil filters custom1 .. custom6 (`waymark pupils list --custom2 yes`). set takes all six names in\n"
    "order; \"\" leaves a filter unused.\n"
    "Names are up to 60 characters and each its own. Every set, and every refusal, is written to the\n"
    "audit log with who made it (--as NAME, else the operating-system user).",
    {"json"},
    {"school", "as"},
    run_custom_filters};

}  // namespace waymark::cli
