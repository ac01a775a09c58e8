#include "services/targets/target_import.hpp"

#include "services/transfer/csv_upload.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <tuple>

namespace waymark::services {
namespace {

constexpr std::array<std::string_view, 5> column_names{"UPN", "subject", "horizon", "grade", "scheme"};
constexpr std::size_t required_columns = 4;  // UPN, subject, horizon, grade

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

}  // namespace

target_import_result import_target_csv(store::database &db, const store::school &school, const scheme_library &schemes,
                                       const std::filesystem::path &file, const recorder &by,
                                       const plugins::validator *validator) {
    target_import_result result;
    const auto text = read_upload_file(file, result.problems);
    if (!text) return result;
    return import_target_csv_text(db, school, schemes, *text, by, validator);
}

target_csv read_target_csv(const std::string &text) {
    target_csv file;
    const auto rows = read_upload_rows(text, "a header row (UPN, subject, horizon, grade) and a row per target", file.problems);
    if (rows.empty()) return file;
    const auto at = read_upload_header(rows.front(), column_names, required_columns, "targets",
                                       "the columns are UPN, subject, horizon, grade, and optionally scheme.", file.problems);
    if (!file.ok()) return file;

    std::set<std::tuple<std::string, std::string, target_horizon>> seen;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto &row = rows[r];
        const auto cell = [&](std::size_t column) { return upload_cell(row, at, column); };
        const auto horizon = parse_target_horizon(cell(2));
        if (!horizon) {
            file.problems.push_back({row.line, "horizon", "'" + cell(2) + "' is not a horizon; write end_of_year or end_of_key_stage."});
            continue;
        }
        if (cell(3).empty()) {
            file.problems.push_back({row.line, "grade", "The grade is empty; write one (clear a target with waymark targets clear)."});
            continue;
        }
        target_change change{{cell(0), lower(cell(1)), *horizon}, cell(3), cell(4)};
        if (!seen.insert({change.target.upn, change.target.subject, *horizon}).second) {
            file.problems.push_back({row.line, "", "Pupil " + change.target.upn + "'s " + std::string(target_horizon_name(*horizon)) +
                                                       " " + change.target.subject + " target is given twice in the file."});
            continue;
        }
        file.changes.push_back(std::move(change));
        file.lines.push_back(row.line);
    }
    return file;
}

target_import_result import_target_csv_text(store::database &db, const store::school &school, const scheme_library &schemes,
                                            const std::string &text, const recorder &by,
                                            const plugins::validator *validator) {
    target_import_result result;
    target_csv file = read_target_csv(text);
    result.problems = std::move(file.problems);
    auto &session = db.session();
    for (std::size_t i = 0; i < file.changes.size(); ++i) {
        if (const auto problem = target_problem(session, school, schemes, file.changes[i]))
            result.problems.push_back({file.lines[i], "", *problem});
    }
    if (!result.ok()) {
        std::stable_sort(result.problems.begin(), result.problems.end(), [](const auto &a, const auto &b) { return a.line < b.line; });
        return result;
    }
    try {
        result.recorded = set_targets(db, school, schemes, file.changes, by, validator);
    } catch (const tracking_error &refused) {
        result.problems.push_back({0, "", refused.what()});
    }
    return result;
}

}  // namespace waymark::services
