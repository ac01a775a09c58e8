// What the CSV fuzz targets share: writing rows back with RFC 4180 quoting, and the checks every
// refused upload's problems must pass.
#pragma once

#include "csv/csv_table.hpp"
#include "csv/pupil_csv.hpp"
#include "fuzz_check.hpp"

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::fuzz {

inline std::string quoted_cell(std::string_view text) {
    std::string field = "\"";
    for (const char c : text) {
        if (c == '"') field += '"';
        field += c;
    }
    return field + "\"";
}

// One line of CSV, every cell quoted, ending LF.
template <typename Cells>
std::string quoted_line(const Cells &cells) {
    std::string line;
    for (const auto &cell : cells) line += quoted_cell(cell) + ",";
    line.back() = '\n';
    return line;
}
inline std::string quoted_line(std::initializer_list<std::string_view> cells) { return quoted_line<>(cells); }

// An import's changes written back: the header `columns`, then each change's cells as `cells_of`
// gives them (in the order of `columns`).
template <typename Reading, typename CellsOf>
std::string written_back(const Reading &file, std::span<const std::string_view> columns, CellsOf cells_of) {
    std::string text = quoted_line(columns);
    for (const auto &change : file.changes) text += quoted_line(cells_of(change));
    return text;
}

inline std::size_t line_count(std::string_view text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
}

// The line the header row is on (the first row's), 0 when the text is not CSV or has no rows.
inline std::size_t header_line(std::string_view text) {
    try {
        const auto rows = connectors::csv::read_csv(text);
        return rows.empty() ? 0 : rows.front().line;
    } catch (const connectors::csv::csv_format_error &) {
        return 0;
    }
}

// A problem of an upload: a sentence, on a line the file has, describable, and naming a column of
// the import (or, on the header row, a heading as written) or none.
inline void require_upload_problem(const connectors::csv::upload_problem &problem, std::string_view text,
                                   std::span<const std::string_view> columns) {
    require(is_sentence(problem.reason), "each problem is a sentence");
    require(problem.line <= line_count(text), "a problem names a line the file has");
    require(!describe(problem).empty(), "each problem can be described");
    const bool known_column = problem.column.empty() ||
                              std::ranges::any_of(columns, [&](std::string_view name) { return name == problem.column; }) ||
                              (problem.line != 0 && problem.line == header_line(text));
    require(known_column, "a problem names a column of the import");
}

// An import's reading (`read`: text -> changes, their lines, problems) of `text`: every problem as
// above; each change with its line, in file order, none before the header (on its line only after
// a lone CR, which starts no line); `check` holds for the changes; and the changes, written back
// with every column (`cells_of`) and read again, are accepted and the same (`fields`).
template <typename Read, typename CellsOf, typename Fields, typename Check>
void require_import_reading(std::string_view text, Read read, std::span<const std::string_view> columns, CellsOf cells_of,
                            Fields fields, Check check) {
    const auto file = read(std::string(text));
    for (const auto &problem : file.problems) require_upload_problem(problem, text, columns);
    require(file.changes.size() == file.lines.size(), "each row read has its line");
    require(std::ranges::is_sorted(file.lines), "rows come in file order");
    require(file.lines.empty() || file.lines.front() >= header_line(text), "rows come after the header");
    check(file.changes);
    if (file.changes.empty()) return;
    const auto again = read(written_back(file, columns, cells_of));
    require(again.ok(), "the rows read, written back, are accepted");
    require(std::ranges::equal(again.changes, file.changes, [&](const auto &x, const auto &y) { return fields(x) == fields(y); }),
            "the rows read, written back, read again the same");
}

}  // namespace waymark::fuzz
