#include "services/judgement_import.hpp"

#include "csv/csv_table.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <fstream>
#include <optional>
#include <sstream>

namespace waymark::services {
namespace {

using connectors::csv::upload_problem;

constexpr std::array<std::string_view, 5> column_names{"UPN", "subject", "value", "kind", "against"};
constexpr std::size_t required_columns = 3;  // UPN, subject, value

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Column name -> cell index in each row, from the header; problems for missing or unknown names.
std::array<std::optional<std::size_t>, column_names.size()> read_header(const connectors::csv::csv_row &header,
                                                                        std::vector<upload_problem> &problems) {
    std::array<std::optional<std::size_t>, column_names.size()> at{};
    for (std::size_t cell = 0; cell < header.cells.size(); ++cell) {
        const auto name = lower(header.cells[cell]);
        const auto known = std::find_if(column_names.begin(), column_names.end(), [&](auto n) { return lower(n) == name; });
        if (known == column_names.end()) {
            problems.push_back({header.line, header.cells[cell], "is not a column of the judgements file; the columns are UPN, subject, value, and optionally kind and against."});
            continue;
        }
        at[static_cast<std::size_t>(known - column_names.begin())] = cell;
    }
    for (std::size_t c = 0; c < required_columns; ++c) {
        if (!at[c]) problems.push_back({header.line, std::string(column_names[c]), "The header row has no " + std::string(column_names[c]) + " column; add it."});
    }
    return at;
}

}  // namespace

judgement_import_result import_judgement_csv(store::database &db, const store::school &school, const assessment &which,
                                             const scheme_library &schemes, const std::filesystem::path &file,
                                             const recorder &by) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        judgement_import_result result;
        result.problems.push_back({0, "", "Cannot read " + file.string() + "; check the path and that the file is readable."});
        return result;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return import_judgement_csv_text(db, school, which, schemes, text.str(), by);
}

judgement_import_result import_judgement_csv_text(store::database &db, const store::school &school, const assessment &which,
                                                  const scheme_library &schemes, const std::string &text, const recorder &by) {
    judgement_import_result result;
    std::vector<connectors::csv::csv_row> rows;
    try {
        rows = connectors::csv::read_csv(text);
    } catch (const connectors::csv::csv_format_error &error) {
        result.problems.push_back({error.line(), "", error.reason() + " (column " + std::to_string(error.column()) + ")"});
        return result;
    }
    if (rows.empty()) {
        result.problems.push_back({0, "", "The file is empty; it needs a header row (UPN, subject, value) and a row per cell."});
        return result;
    }
    const auto at = read_header(rows.front(), result.problems);
    if (!result.ok()) return result;

    std::vector<cell_change> changes;
    std::vector<std::size_t> lines;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto &row = rows[r];
        const auto cell = [&](std::size_t column) -> std::string {
            return at[column] && *at[column] < row.cells.size() ? row.cells[*at[column]] : "";
        };
        cell_change change{{cell(0), lower(cell(1)), cell_kind::judgement}, cell(2), {}, {}};
        if (const std::string kind = lower(cell(3)); !kind.empty()) {
            const auto parsed = parse_cell_kind(kind);
            if (!parsed) {
                result.problems.push_back({row.line, "kind", "'" + cell(3) + "' is not a kind; write judgement, test, formative or phonics."});
                continue;
            }
            change.cell.kind = *parsed;
        }
        if (const std::string against = cell(4); !against.empty()) {
            int year = -1;
            const auto [end, error] = std::from_chars(against.data(), against.data() + against.size(), year);
            if (error != std::errc{} || end != against.data() + against.size() || year < 0 || year > 11) {
                result.problems.push_back({row.line, "against", "'" + against + "' is not an NC year; write 0 (Reception) to 11."});
                continue;
            }
            change.judged_year = year;
        }
        if (change.value.empty()) {
            result.problems.push_back({row.line, "value", "The value is empty; write one (clear a cell with waymark judgements clear)."});
            continue;
        }
        changes.push_back(std::move(change));
        lines.push_back(row.line);
    }
    for (const auto &problem : find_problems(db.session(), school, which, schemes, changes))
        result.problems.push_back({lines[problem.index], "", problem.message});
    if (!result.ok()) {
        std::stable_sort(result.problems.begin(), result.problems.end(), [](const auto &a, const auto &b) { return a.line < b.line; });
        return result;
    }
    result.recorded = record_changes(db, school, which, schemes, changes, by).size();
    return result;
}

}  // namespace waymark::services
