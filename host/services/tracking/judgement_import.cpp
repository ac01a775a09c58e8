#include "services/tracking/judgement_import.hpp"

#include "services/transfer/csv_upload.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <optional>

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

}  // namespace

judgement_import_result import_judgement_csv(store::database &db, const store::school &school, const assessment &which,
                                             const scheme_library &schemes, const std::filesystem::path &file,
                                             const recorder &by, const after_judgements *then) {
    judgement_import_result result;
    const auto text = read_upload_file(file, result.problems);
    if (!text) return result;
    return import_judgement_csv_text(db, school, which, schemes, *text, by, then);
}

judgement_csv read_judgement_csv(const std::string &text) {
    judgement_csv file;
    const auto rows = read_upload_rows(text, "a header row (UPN, subject, value) and a row per cell", file.problems);
    if (rows.empty()) return file;
    const auto at = read_upload_header(rows.front(), column_names, required_columns, "judgements",
                                       "the columns are UPN, subject, value, and optionally kind and against.",
                                       file.problems);
    if (!file.ok()) return file;

    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto &row = rows[r];
        const auto cell = [&](std::size_t column) { return upload_cell(row, at, column); };
        cell_change change{{cell(0), lower(cell(1)), cell_kind::judgement}, cell(2), {}, {}, {}};
        if (const std::string kind = lower(cell(3)); !kind.empty()) {
            const auto parsed = parse_cell_kind(kind);
            if (!parsed) {
                file.problems.push_back({row.line, "kind", "'" + cell(3) + "' is not a kind; write judgement, test, formative or phonics."});
                continue;
            }
            change.cell.kind = *parsed;
        }
        if (const std::string against = cell(4); !against.empty()) {
            int year = -1;
            const auto [end, error] = std::from_chars(against.data(), against.data() + against.size(), year);
            if (error != std::errc{} || end != against.data() + against.size() || year < 0 || year > 11) {
                file.problems.push_back({row.line, "against", "'" + against + "' is not an NC year; write 0 (Reception) to 11."});
                continue;
            }
            change.judged_year = year;
        }
        if (change.value.empty()) {
            file.problems.push_back({row.line, "value", "The value is empty; write one (clear a cell with waymark judgements clear)."});
            continue;
        }
        file.changes.push_back(std::move(change));
        file.lines.push_back(row.line);
    }
    return file;
}

judgement_import_result import_judgement_csv_text(store::database &db, const store::school &school, const assessment &which,
                                                  const scheme_library &schemes, const std::string &text, const recorder &by,
                                                  const after_judgements *then) {
    judgement_import_result result;
    judgement_csv file = read_judgement_csv(text);
    result.problems = std::move(file.problems);
    if (file.changes.empty() && !result.ok()) return result;
    for (const auto &problem : find_problems(db.session(), school, which, schemes, file.changes))
        result.problems.push_back({file.lines[problem.index], "", problem.message});
    if (!result.ok()) {
        std::stable_sort(result.problems.begin(), result.problems.end(), [](const auto &a, const auto &b) { return a.line < b.line; });
        return result;
    }
    result.recorded = record_changes(db, school, which, schemes, file.changes, by, then).size();
    return result;
}

}  // namespace waymark::services
