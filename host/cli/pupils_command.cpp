#include "command.hpp"
#include "pupil_list.hpp"
#include "tracking_session.hpp"

#include "services/pupil_inclusion.hpp"

#include <ostream>

namespace waymark::cli {
namespace {

int run_pupils(const invocation &args, io streams) {
    const std::string &action = args.positional(0, "what to do: list, include or exclude");
    tracking_session session(args, streams);
    const store::school &school = session.school();
    try {
        if (action == "list") {
            const services::pupil_filter filter = filter_of(args);
            auto which = services::inclusion::all;
            if (args.has_switch("included")) which = services::inclusion::included;
            if (args.has_switch("excluded")) which = services::inclusion::excluded;
            print_pupils(streams.out, services::filtered_pupils(session.database().session(), school, filter, which),
                         filter.describe(), args.has_switch("json"));
            return 0;
        }
        if (action != "include" && action != "exclude")
            throw usage_error("waymark pupils takes list, include or exclude, not '" + action + "'.");
        const std::vector<std::string> upns(args.positional().begin() + 1, args.positional().end());
        if (upns.empty()) throw usage_error("Name at least one pupil by UPN.");
        const bool include = action == "include";
        const auto changed = services::set_included(session.database(), school, upns, include, recorder_of(args).who);
        streams.out << (include ? "Included " : "Excluded ") << changed << (changed == 1 ? " pupil" : " pupils")
                    << (include ? " in" : " from") << " the data";
        if (changed < upns.size()) streams.out << " (" << upns.size() - changed << " already " << (include ? "in" : "out") << ")";
        const int excluded = services::excluded_pupils(session.database().session(), school, {});
        streams.out << "; " << excluded << (excluded == 1 ? " pupil on roll is" : " pupils on roll are")
                    << " now excluded from data.\n";
    } catch (const services::filter_error &error) {
        throw usage_error(error.what());
    }
    return 0;
}

}  // namespace

extern const command pupils_command{
    "pupils",
    "pupils list [filters] [--included|--excluded] [--json] | pupils include UPN... | pupils exclude UPN...  "
    "[--school LAESTAB] [--as NAME]",
    "List pupils on roll by any filter; include them in or exclude them from every statistic.",
    "A pupil excluded from data (\"Include in data\" = No) is left out of every statistic and report\n"
    "until included again; every statistic says how many pupils its filter excluded. Changes are\n"
    "recorded with who made them (--as NAME, else the operating-system user).\n\n"
    "Filters (combined with AND; none = the whole school):\n"
    "  --academic-year 2025/2026   NC years as they were in that year (default: the school's current)\n"
    "  --year R|N|1..11   --key-stage EYFS|KS1|KS2|LKS2|UKS2|KS3|KS4   --class NAME   --group NAME\n"
    "  --gender M|F   --sen N|K|E|A|P|S   --ethnicity CODE (a main code covers its extended codes)\n"
    "  --summer-born, --pp, --fsm, --ever6, --disadvantaged, --eal, --intervention, --custom1..6 yes|no",
    {"json", "included", "excluded"},
    run_pupils};

}  // namespace waymark::cli
