#include "command.hpp"
#include "print_json.hpp"
#include "text_table.hpp"
#include "tracking_records_options.hpp"
#include "tracking_session.hpp"

#include "services/meetings/discussion_templates.hpp"
#include "services/meetings/tracking_records_json.hpp"

#include <climits>
#include <ostream>

namespace waymark::cli {
namespace {

std::optional<services::meeting_type> type_option(const invocation &args) {
    const auto text = args.option("type");
    if (!text) return std::nullopt;
    const auto type = services::parse_meeting_type(*text);
    if (!type) throw usage_error("--type takes pupil or cohort, not '" + *text + "'.");
    return type;
}

void print_templates(std::ostream &out, const std::vector<services::discussion_template> &templates, bool json) {
    if (json) return print_json(out, services::json_array(templates, services::template_json));
    text_table table({"Id", "Type", "Sort", "Question", "From", "To"});
    for (const auto &t : templates) {
        table.add_row({std::to_string(t.id), std::string(services::meeting_type_name(t.type)), std::to_string(t.sort_order),
                       t.question, domain::format_iso_date(t.live_from), day_text(t.live_to)});
    }
    table.print_or(out, "No discussion-area questions; add one with waymark templates add --type pupil ...");
}

int run_templates(const invocation &args, io streams) {
    const std::string &action = args.positional(0, "what to do: add, list, edit or delete");
    tracking_session session(args, streams);
    const store::school &school = session.school();
    const bool json = args.has_switch("json");
    if (action == "add") {
        const auto type = type_option(args);
        if (!type) throw usage_error("Say which form the question is for with --type pupil or --type cohort.");
        const auto made = services::add_template(
            session.database(), school,
            {0, *type, args.required_option("question"), whole_number_option(args.required_option("sort"), "sort", 0, INT_MAX),
             required_date_option(args, "from"), date_option(args, "to")});
        if (json) print_json(streams.out, services::template_json(made));
        else streams.out << "Added " << services::meeting_type_name(made.type) << " question " << made.id << ".\n";
    } else if (action == "list") {
        const auto type = type_option(args);
        const auto on = date_option(args, "on");
        if (on && !type) throw usage_error("--on lists one form's current questions; add --type pupil or --type cohort.");
        print_templates(streams.out,
                        on ? services::current_questions(session.database().session(), school, *type, *on)
                           : services::list_templates(session.database().session(), school, type),
                        json);
    } else if (action == "edit") {
        services::template_edit edit;
        edit.question = args.option("question");
        if (const auto sort = args.option("sort")) edit.sort_order = whole_number_option(*sort, "sort", 0, INT_MAX);
        edit.live_from = date_option(args, "from");
        if (args.option("to") == "none") edit.live_to = std::optional<domain::date>{};
        else if (const auto to = date_option(args, "to")) edit.live_to = std::optional<domain::date>(*to);
        const auto edited = services::edit_template(session.database(), school, record_id(args, 1, "The template's id"), edit);
        if (json) print_json(streams.out, services::template_json(edited));
        else streams.out << "Changed question " << edited.id << ".\n";
    } else if (action == "delete") {
        const long long id = record_id(args, 1, "The template's id");
        services::delete_template(session.database(), school, id);
        streams.out << "Deleted question " << id << "; meetings already saved keep it as it read.\n";
    } else {
        throw usage_error("waymark templates takes add, list, edit or delete, not '" + action + "'.");
    }
    return 0;
}

}  // namespace

extern const command templates_command{
    "templates",
    "templates add --type pupil|cohort --question TEXT --sort N --from DATE [--to DATE] | "
    "templates list [--type pupil|cohort] [--on DATE] | templates edit ID [--question TEXT] [--sort N] [--from DATE] "
    "[--to DATE|none] | templates delete ID  [--json] [--school LAESTAB]",
    "The discussion-area questions of the pupil and cohort progress meeting forms.",
    "Each question is for the pupil or the cohort form (fixed once added), with a sort order and the dates\n"
    "it is live (--from, and --to when it retires). list --type pupil --on DATE shows the school's current\n"
    "questions that day: the ones a meeting held then asks. A saved meeting keeps each question as it read\n"
    "when the meeting was made, so editing or deleting a question never changes it.",
    {"json"},
    {"school", "from", "on", "question", "sort", "to", "type"},
    run_templates};

}  // namespace waymark::cli
