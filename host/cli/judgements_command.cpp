#include "command.hpp"
#include "text_table.hpp"
#include "tracking_session.hpp"

#include "services/tracking/class_grid_json.hpp"

#include <iomanip>
#include <ostream>
#include <sstream>

namespace waymark::cli {
namespace {

services::cell_kind kind_of(const invocation &args) {
    const std::string name = args.option_or("kind", "judgement");
    const auto kind = services::parse_cell_kind(name);
    if (!kind) throw usage_error("--kind takes judgement, formative, test or phonics, not '" + name + "'.");
    return *kind;
}

std::optional<uint32_t> colour_of(const std::string &text) {
    if (text == "default") return std::nullopt;
    const auto colour = services::parse_colour_hex(text);
    if (!colour) throw usage_error("A colour is six hexadecimal digits such as FFA500 (or 'default'), not '" + text + "'.");
    return colour;
}

std::string colour_text(const std::optional<uint32_t> &colour) {
    if (!colour) return "";
    std::ostringstream out;
    out << std::uppercase << std::hex << std::setw(6) << std::setfill('0') << *colour;
    return out.str();
}

// UPN SUBJECT at positions 1 and 2 (the subject is "phonics" for the phonics column).
services::cell_address cell_of(const invocation &args) {
    return {args.positional(1, "the pupil's UPN"), args.positional(2, "the subject (reading, maths, phonics, ...)"), kind_of(args)};
}

services::cell_change change_of(const invocation &args, services::cell_address cell, const std::string &value) {
    services::cell_change change{std::move(cell), value, {}, {}, {}};
    if (auto against = args.option("against")) change.judged_year = whole_number_option(*against, "against", 0, 11);
    if (auto colour = args.option("colour")) change.colour = colour_of(*colour);
    return change;
}

void print_record(const services::cell_record &r, std::ostream &out) {
    out << r.cell.upn << ' ' << r.cell.subject << ' ' << services::cell_kind_name(r.cell.kind) << ": "
        << (r.cleared ? std::string("cleared") : r.value);
    if (r.judged_year) out << " (judged against year " << *r.judged_year << ')';
    if (r.colour) out << " colour " << colour_text(r.colour);
    out << ", by " << r.recorded_by << " at " << r.recorded_at << '\n';
}

int run_judgements(const invocation &args, io streams) {
    const std::string &action = args.positional(0, "what to do: set, clear, colour, history or fill");
    if (action != "set" && action != "clear" && action != "colour" && action != "history" && action != "fill")
        throw usage_error("waymark judgements takes set, clear, colour, history or fill, not '" + action + "'.");
    tracking_session session(args, streams);
    const auto assessment = session.assessment(args);
    auto &db = session.database();
    if (action == "set") {
        const auto change = change_of(args, cell_of(args), args.positional(3, "the value"));
        if (change.value.empty()) throw usage_error("The value is empty; empty a cell with waymark judgements clear.");
        print_record(services::record_changes(db, session.school(), assessment, session.schemes(), {&change, 1}, recorder_of(args), &session.revalidation()).front(),
                     streams.out);
    } else if (action == "clear") {
        print_record(services::clear_cell(db, session.school(), assessment, cell_of(args), recorder_of(args), &session.revalidation()), streams.out);
    } else if (action == "colour") {
        print_record(services::set_cell_colour(db, session.school(), assessment, cell_of(args),
                                               colour_of(args.positional(3, "the colour (RRGGBB or default)")), recorder_of(args), &session.revalidation()),
                     streams.out);
    } else if (action == "history") {
        const auto history = services::cell_history(db.session(), session.school(), assessment, cell_of(args));
        if (history.empty()) streams.out << "Nothing has been recorded in this cell.\n";
        for (const auto &r : history) print_record(r, streams.out);
    } else {
        const services::cell_address column{"", args.positional(1, "the subject to fill"), kind_of(args)};
        const auto change = change_of(args, column, args.positional(2, "the value to fill with"));
        const auto filled = services::fill_column(db, session.school(), assessment, session.schemes(), selection_of(args), change,
                                                  recorder_of(args), &session.revalidation());
        streams.out << "Filled " << filled << (filled == 1 ? " cell" : " cells") << " of " << column.subject << " in "
                    << assessment.name << ".\n";
    }
    return 0;
}

constexpr std::string_view judgements_options[]{"school", "as", "assessment", "against", "colour", "kind"};

}  // namespace

extern const command judgements_command{
    "judgements",
    "judgements set UPN SUBJECT VALUE | clear UPN SUBJECT | colour UPN SUBJECT RRGGBB|default | history UPN SUBJECT | "
    "fill SUBJECT VALUE [filters] [--upns A,B] -- all with --assessment NAME",
    "Record, change, clear, colour and flood-fill a pupil's judgements; show a cell's history.",
    "Every change is a new dated record naming who made it (--as NAME, else your login name); nothing is\n"
    "overwritten, so `history` lists them all and `waymark grid --as-of` shows any past state.\n"
    "VALUE is checked by the subject's scheme (\"on track\", \"OT\", \"45\", \"30-50d\"); a value it does not\n"
    "take is refused with the choices it does. --kind formative|test|phonics writes the assessment's\n"
    "other columns instead (SUBJECT phonics for phonics). --against N judges a pupil against Year N's\n"
    "expectations. --colour RRGGBB overrides the cell's colour (kept by later changes until `colour\n"
    "... default`). fill: every pupil on roll matching the filters of `waymark pupils list` given (--class,\n"
    "--year, --sen, --group, ...) and --upns, all ANDed,\n"
    "gets VALUE in one save. --school picks the school when the database holds several.",
    {},
    option_names({selection_options(), judgements_options}),
    run_judgements};

}  // namespace waymark::cli
