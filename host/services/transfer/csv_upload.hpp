// What the services' CSV imports share: the file's text, its rows through connectors/csv/csv_table
// (libcsv), and a header row naming the columns in any order and case. Each reports problems as
// upload_problem lines instead of stopping, so an import can list every one.
#pragma once

#include "csv/csv_table.hpp"
#include "csv/pupil_csv.hpp"

#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::services {

// What a CSV import found wrong, each problem with its line; an import that lists any wrote nothing.
// Each import's result adds what it wrote.
struct upload_outcome {
    std::vector<connectors::csv::upload_problem> problems;

    bool ok() const { return problems.empty(); }
};

// The file's text, or nothing with a problem saying it cannot be read.
std::optional<std::string> read_upload_file(const std::filesystem::path &file,
                                            std::vector<connectors::csv::upload_problem> &problems);

// The rows of CSV text; empty with a problem when it is not CSV or has no rows. `needs` says what an
// empty file should have held ("a header row (UPN, subject, value) and a row per cell").
std::vector<connectors::csv::csv_row> read_upload_rows(const std::string &text, std::string_view needs,
                                                       std::vector<connectors::csv::upload_problem> &problems);

// Column name -> cell index, from the header row: `names` in order, the first `required` of them
// mandatory. An unknown or missing name is a problem; `columns_sentence` ends the unknown-name one
// ("the columns are UPN, subject, value, and optionally kind and against.").
std::vector<std::optional<std::size_t>> read_upload_header(const connectors::csv::csv_row &header,
                                                           std::span<const std::string_view> names, std::size_t required,
                                                           std::string_view file_kind, std::string_view columns_sentence,
                                                           std::vector<connectors::csv::upload_problem> &problems);

// The row's cell in `column` (per read_upload_header), "" when the header has no such column or the
// row is short.
std::string upload_cell(const connectors::csv::csv_row &row, const std::vector<std::optional<std::size_t>> &at,
                        std::size_t column);

}  // namespace waymark::services
