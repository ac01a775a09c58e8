// A plain-text table with aligned columns, for commands that print lists to a terminal.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::cli {

class text_table {
public:
    explicit text_table(std::vector<std::string> headings);

    // A row with fewer cells than headings is padded with empty cells.
    void add_row(std::vector<std::string> cells);
    bool empty() const { return rows_.empty(); }

    // Columns are as wide as their widest cell, counted in characters (UTF-8 aware), two spaces
    // apart; the last column is not padded.
    void print(std::ostream &out, std::string_view indent = "  ") const;
    // The table, or the line saying why there is nothing to list (what a command prints for no rows).
    void print_or(std::ostream &out, std::string_view when_empty, std::string_view indent = "  ") const;

private:
    std::vector<std::string> headings_;
    std::vector<std::vector<std::string>> rows_;
};

// Characters (code points) in UTF-8 text.
std::size_t display_width(std::string_view text);

}  // namespace waymark::cli
