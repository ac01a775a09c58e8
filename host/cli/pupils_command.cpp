#include "command.hpp"
#include "print_json.hpp"
#include "pupil_list.hpp"
#include "tracking_session.hpp"

#include "services/access/audit_log.hpp"
#include "services/pupils/pupil_inclusion.hpp"
#include "services/pupils/pupil_records.hpp"

#include "domain/calendar.hpp"

#include <Poco/JSON/Object.h>

#include <algorithm>
#include <ostream>

namespace waymark::cli {
namespace {

// A field of pupil_field_names() as its option: underscores written as dashes (date_of_birth ->
// date-of-birth).
std::string option_of(std::string_view field) {
    std::string option(field);
    std::ranges::replace(option, '_', '-');
    return option;
}

// --date-of-birth, --class ...: every field of a pupil's record as an option.
std::span<const std::string_view> pupil_field_options() {
    static const std::vector<std::string> options = [] {
        std::vector<std::string> dashed;
        for (const auto name : services::pupil_field_names()) dashed.push_back(option_of(name));
        return dashed;
    }();
    static const std::vector<std::string_view> names(options.begin(), options.end());
    return names;
}

// --date-of-birth 05/03/2019, --class 5A ...: the fields given.
services::pupil_fields fields_of(const invocation &args) {
    services::pupil_fields fields;
    for (const auto name : services::pupil_field_names()) {
        if (auto value = args.option(option_of(name))) fields[std::string(name)] = std::move(*value);
    }
    return fields;
}

std::string pupil_line(const domain::pupil &p) {
    return p.forename + " " + p.surname + " (" + p.upn + ")" + (p.class_name.empty() ? "" : ", class " + p.class_name) +
           (p.archived ? ", archived" + (p.date_left ? ", left " + domain::format_uk_date(*p.date_left) : std::string()) : "");
}

// --left 22/07/2026 (or 2026-07-22): the day a leaver left.
domain::date left_day(const invocation &args) {
    const std::string &typed = args.required_option("left");
    const auto left = domain::parse_uk_date(typed) ? domain::parse_uk_date(typed) : domain::parse_iso_date(typed);
    if (!left) throw usage_error("--left takes the day the pupil left as dd/mm/yyyy, not '" + typed + "'.");
    return *left;
}

// The options each change takes (the filters are list's): a record's fields to add or edit it, the
// day to archive a leaver or correct it, nothing more to return one.
std::vector<std::string_view> options_of(const std::string &action) {
    constexpr std::string_view session[]{"school", "as"};
    constexpr std::string_view leaving[]{"left"};
    if (action == "add" || action == "edit") return option_names({pupil_field_options(), session});
    if (action == "archive" || action == "date-left") return option_names({leaving, session});
    return option_names({session});
}

// Adds, edits, archives or returns one pupil, or corrects a leaver's date left; every outcome,
// refusals too, goes in the audit log.
int change_record(const std::string &action, const invocation &args, io streams, tracking_session &session) {
    args.refuse_options_beyond(options_of(action), "pupils " + action);
    const store::school &school = session.school();
    const std::string who = recorder_of(args).who;
    const std::string upn = action == "add" ? args.option_or("upn", "") : args.positional(1, "the pupil's UPN");
    const auto audit = [&](int status, const std::string &summary) {
        services::record_audit(session.database(), {"", who, "cli", "CLI", "pupils " + action + " " + upn, status, summary});
    };
    store::stored_pupil done;
    try {
        if (action == "add") done = services::add_pupil(session.database(), school, fields_of(args), who);
        else if (action == "edit") {
            const services::pupil_edit edit{upn, fields_of(args)};
            if (edit.fields.empty()) throw usage_error("Give at least one field to change, e.g. --class 5A.");
            done = services::edit_pupil(session.database(), school, edit, who);
        } else if (action == "archive") {
            done = services::archive_pupil(session.database(), school, upn, left_day(args));
        } else if (action == "date-left") {
            done = services::correct_date_left(session.database(), school, upn, left_day(args));
        } else done = services::return_to_roll(session.database(), school, upn);
    } catch (const services::pupil_field_error &refused) {
        audit(422, refused.what());
        const std::string option = option_of(refused.field());
        const auto names = services::pupil_field_names();
        const bool an_option = std::ranges::find(names, std::string_view(refused.field())) != names.end();
        throw usage_error((an_option ? "--" + option + ": " : std::string()) + refused.what());
    } catch (const services::pupil_not_found &missing) {
        audit(404, missing.what());
        throw usage_error(missing.what());
    }
    const std::string said = (action == "add"         ? "Added "
                              : action == "edit"      ? "Changed "
                              : action == "archive"   ? "Archived "
                              : action == "date-left" ? "Corrected the date left: "
                                                      : "Returned to roll: ") +
                             pupil_line(done.pupil) + ".";
    audit(200, said);
    if (args.has_switch("json")) {
        print_json(streams.out, services::pupil_record_json(school, done.pupil));
    } else
        streams.out << said << '\n';
    return 0;
}

int run_pupils(const invocation &args, io streams) {
    const std::string &action = args.positional(0, "what to do: list, include, exclude, add, edit, archive, return or date-left");
    tracking_session session(args, streams);
    const store::school &school = session.school();
    if (action == "add" || action == "edit" || action == "archive" || action == "return" || action == "date-left")
        return change_record(action, args, streams, session);
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
            throw usage_error("waymark pupils takes list, include, exclude, add, edit, archive, return or date-left, not '" + action + "'.");
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

// Beside the fields and the filters: the session's school, who makes the change, and a leaver's day.
constexpr std::string_view pupils_options[]{"school", "as", "left"};

}  // namespace

extern const command pupils_command{
    "pupils",
    "pupils list [filters] [--included|--excluded] [--json] | pupils include UPN... | pupils exclude UPN... | "
    "pupils add --upn UPN --surname S ... | pupils edit UPN --FIELD VALUE... | pupils archive UPN --left DD/MM/YYYY | "
    "pupils return UPN | pupils date-left UPN --left DD/MM/YYYY  [--school LAESTAB] [--as NAME]",
    "List pupils on roll by any filter; include or exclude them; add, edit, archive and return pupils by hand.",
    "A pupil excluded from data (\"Include in data\" = No) is left out of every statistic and report\n"
    "until included again; every statistic says how many pupils its filter excluded. Changes are\n"
    "recorded with who made them (--as NAME, else the operating-system user).\n\n"
    "Filters (combined with AND; none = the whole school):\n"
    "  --academic-year 2025/2026   NC years as they were in that year (default: the school's current)\n"
    "  --year R|N|1..11   --key-stage EYFS|KS1|KS2|LKS2|UKS2|KS3|KS4   --class NAME   --group NAME\n"
    "  --gender M|F   --sen N|K|E|A|P|S   --ethnicity CODE (a main code covers its extended codes)\n"
    "  --summer-born, --pp, --fsm, --ever6, --disadvantaged, --eal, --intervention, --custom1..6 yes|no\n\n"
    "Adding and editing (every field checked as the CSV upload checks it; a wrong one is named and\n"
    "nothing is written; `add` needs --upn, --surname, --forename, --date-of-birth, --gender, --postcode\n"
    "and --ethnicity, `edit` changes only the fields given):\n"
    "  --upn --former-upn (check letter verified, the UPN unique in the school)   --surname --forename\n"
    "  --date-of-birth --date-joined dd/mm/yyyy   --gender M|F   --postcode (UNKNOWN: the school's own)\n"
    "  --ethnicity CODE   --first-language ENG|ENB|OTH|OTB|NOT|REF   --sen N|K|E|A|P|S   --class NAME\n"
    "  --year-override R|N|1..11 (blank: none)   --la-reference TEXT\n"
    "  --eal --fsm --ever6-fsm --pupil-premium --looked-after --previously-looked-after\n"
    "  --alternative-assessment --custom-flag-1 .. --custom-flag-6 --include-in-data  Y|N\n"
    "`archive` marks a leaver (kept with their history, never deleted); `return` undoes it; `date-left`\n"
    "corrects an archived pupil's date left, leaving them archived. For a school fed by an MIS,\n"
    "`waymark sync` replaces the fields the MIS owns (all but pupil premium, previously looked after,\n"
    "alternative assessment, the custom flags and include in data) and archives a pupil the MIS does\n"
    "not have on roll: make the same change in the MIS. Every change, and every refusal, is written to\n"
    "the audit log. --json prints the pupil's record. Each action refuses options that are not its own\n"
    "(`edit` takes no filter, `archive` no field).",
    {"json", "included", "excluded"},
    option_names({pupil_field_options(), services::pupil_filter_options(), pupils_options}),
    run_pupils};

}  // namespace waymark::cli
