// Every tabular block of a document (table, matrix, Venn regions, chart data, pupil list) as one
// uniform grid of cells, so the PDF, spreadsheet and CSV renderers lay out the same rows and
// columns and say the same words.
#pragma once

#include "reports/document.hpp"

#include <optional>
#include <string>
#include <vector>

namespace waymark::reports {

enum class alignment { left, centre, right };

struct grid_cell {
    std::string text;
    std::optional<double> value;  // a number a spreadsheet should hold as a number
    std::optional<band> cell_band;
    std::string pupils;           // drill-down list id
    uint32_t span = 1;
    alignment align = alignment::left;
    bool row_heading = false;     // the first cell of a matrix row, a pupil's name
};

using grid_row = std::vector<grid_cell>;

struct grid {
    std::string title;
    std::vector<double> widths;  // relative column widths
    std::vector<column_type> types;
    std::vector<grid_row> header_rows;  // repeated on every page a grid spans
    std::vector<grid_row> body_rows;
    std::vector<grid_row> footer_rows;  // statistics, shown after the body
};

grid as_grid(const table &t);
grid as_grid(const matrix &m);
grid as_grid(const venn &v);
grid as_grid(const chart &c);
grid as_grid(const pupil_list &list);

// The grids of a block, in reading order (none for headings, paragraphs, forms, page breaks).
std::vector<grid> grids_of(const block &b);

// An ISO date or date-time the British way: "2026-11-22" -> "22/11/2026", with "14:05" after a time.
std::string uk_date(const std::string &iso);

// Whether a fill is dark enough to need light text on it, so a band colour never hides its figure.
bool needs_light_text(uint32_t fill_rgb);

// "Reading and Maths, not Writing", "Reading only", "None of the three".
std::string region_name(const venn &v, const venn_region &region);

// 12.5 -> "12.5%", 100 -> "100%": one decimal place at most, as a head teacher writes it.
std::string percent_text(double percent);
// 3 and 12.5 -> "3 (12.5%)"; without a percent just "3".
std::string count_text(int64_t count, const std::optional<double> &percent);

}  // namespace waymark::reports
