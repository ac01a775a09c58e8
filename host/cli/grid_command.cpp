#include "command.hpp"
#include "print_json.hpp"
#include "text_table.hpp"
#include "tracking_session.hpp"

#include "services/tracking/class_grid.hpp"
#include "services/tracking/class_grid_json.hpp"

#include <ostream>

namespace waymark::cli {
namespace {

void print_grid(const services::class_grid &grid, std::ostream &out) {
    const auto &which = grid.which;
    std::vector<std::string> headings{"UPN", "pupil", "class", "year"};
    for (const auto &s : which.subjects) headings.push_back(s.code);
    for (const auto &s : which.subjects)
        if (s.test_score) headings.push_back(s.code + " " + which.test_scores_title.value_or("test"));
    if (which.formative_title)
        for (const auto &s : which.subjects) headings.push_back(s.code + " " + *which.formative_title);
    if (which.phonics) headings.push_back("phonics");
    text_table table(headings);
    for (const auto &row : grid.rows) {
        std::vector<std::string> cells{row.pupil.upn, row.pupil.surname + ", " + row.pupil.forename, row.pupil.class_name,
                                       row.pupil.nc_year == 0 ? "R" : std::to_string(row.pupil.nc_year)};
        const auto text_of = [](const std::map<std::string, std::string> &values, const std::string &code) {
            const auto found = values.find(code);
            return found == values.end() ? std::string() : found->second;
        };
        for (const auto &s : which.subjects) {
            const auto found = row.judgements.find(s.code);
            if (found == row.judgements.end()) { cells.emplace_back(); continue; }
            const auto &cell = found->second;
            std::string text = cell.label + (cell.on_track ? " *" : "");
            if (cell.judged_year != row.pupil.nc_year) text += " (vs Y" + std::to_string(cell.judged_year) + ")";
            cells.push_back(text);
        }
        for (const auto &s : which.subjects)
            if (s.test_score) cells.push_back(text_of(row.test_scores, s.code));
        if (which.formative_title)
            for (const auto &s : which.subjects) cells.push_back(text_of(row.formative, s.code));
        if (which.phonics) cells.push_back(row.phonics.value_or(""));
        table.add_row(std::move(cells));
    }
    out << which.name << (grid.as_of.empty() ? std::string() : " as of " + grid.as_of) << ": " << grid.rows.size()
        << (grid.rows.size() == 1 ? " pupil" : " pupils") << " (* on track)\n";
    table.print(out, "");
}

int run_grid(const invocation &args, io streams) {
    tracking_session session(args, streams);
    const auto which = session.assessment(args);
    const bool json = args.has_switch("json");
    const auto grid = services::load_class_grid(session.database().session(), session.school(), which, session.schemes(),
                                                selection_of(args), as_of_instant(args),
                                                json ? services::grid_contents::cells_and_pupil_details : services::grid_contents::cells);
    if (json) {
        print_json(streams.out, services::class_grid_json(grid));
    } else {
        print_grid(grid, streams.out);
    }
    return 0;
}

constexpr std::string_view grid_options[]{"school", "assessment", "as-of"};

}  // namespace

extern const command grid_command{
    "grid",
    "grid --assessment NAME [filters] [--upns A,B] [--as-of DATE] [--json]",
    "Show an assessment's class grid: every pupil's judgements, test scores, formative text and phonics.",
    "Judgements show their label in the pupil's context (or the year they were judged against), marked *\n"
    "when on track; --json adds band, colour (the scheme's or the cell's override) and codes, and each\n"
    "pupil's characteristics, custom flags and statutory results (GLD, phonics check, KS1). Pupils are\n"
    "those on roll matching every filter of `waymark pupils list` given (--class, --year as NC year in\n"
    "the assessment's academic year, --sen, --pp, --group, ...) and --upns; excluded pupils are listed too.\n"
    "--as-of YYYY-MM-DD (end of that day) or YYYY-MM-DDTHH:MM:SSZ shows the grid as it stood then.\n"
    "--school picks the school when the database holds several.",
    {"json"},
    option_names({selection_options(), grid_options}),
    run_grid};

}  // namespace waymark::cli
