#include "text_table.hpp"

#include <algorithm>
#include <ostream>

namespace waymark::cli {

std::size_t display_width(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

text_table::text_table(std::vector<std::string> headings) : headings_(std::move(headings)) {}

void text_table::add_row(std::vector<std::string> cells) {
    cells.resize(headings_.size());
    rows_.push_back(std::move(cells));
}

void text_table::print_or(std::ostream &out, std::string_view when_empty, std::string_view indent) const {
    if (empty()) out << when_empty << '\n';
    else print(out, indent);
}

void text_table::print(std::ostream &out, std::string_view indent) const {
    std::vector<std::size_t> widths(headings_.size());
    for (std::size_t column = 0; column < headings_.size(); ++column) {
        widths[column] = display_width(headings_[column]);
        for (const auto &row : rows_) widths[column] = std::max(widths[column], display_width(row[column]));
    }
    const auto print_row = [&](const std::vector<std::string> &cells) {
        std::string line(indent);
        for (std::size_t column = 0; column < cells.size(); ++column) {
            line += cells[column];
            if (column + 1 < cells.size()) line.append(widths[column] - display_width(cells[column]) + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << '\n';
    };
    print_row(headings_);
    for (const auto &row : rows_) print_row(row);
}

}  // namespace waymark::cli
