// A CSV file as rows of cells, each row with the line it starts on, through libcsv (Debian's
// libcsv-dev) in strict mode: Excel-style quoting (quoted commas, doubled quotes, quoted line
// breaks), CRLF or LF, UTF-8 with or without a byte-order mark. Text that is not UTF-8 or breaks the
// quoting rules is refused with the line and column to look at.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::connectors::csv {

struct csv_row {
    std::size_t line = 0;  // 1-based line of the file the row starts on
    std::vector<std::string> cells;
};

// The file cannot be read as CSV at all: `line` and `column` (1-based, in bytes) say where.
class csv_format_error : public std::runtime_error {
public:
    csv_format_error(std::size_t line, std::size_t column, const std::string &reason);
    std::size_t line() const { return line_; }
    std::size_t column() const { return column_; }
    const std::string &reason() const { return reason_; }  // without the place

private:
    std::size_t line_;
    std::size_t column_;
    std::string reason_;
};

// Every row of `text`, blank lines left out. Unquoted cells lose surrounding spaces; quoted cells
// keep their text exactly (a quoted line break stays "\n", or "\r\n" as the file wrote it).
std::vector<csv_row> read_csv(std::string_view text);

}  // namespace waymark::connectors::csv
