// The page flow of a PDF report: blocks placed top to bottom, a new page when the next piece does
// not fit, wrapped text, grids that break across pages with their header rows repeated, and the
// header and footer ("page x of y") put on every page once the page count is known.
#pragma once

#include "pdf_canvas.hpp"

#include "reports/document.hpp"
#include "reports/grid.hpp"

#include <map>
#include <string>
#include <vector>

namespace waymark::renderers {

inline constexpr uint32_t ink = 0x1A1A1A;
inline constexpr uint32_t rule_grey = 0x9A9A9A;

class pdf_flow {
public:
    pdf_flow(pdf_canvas &canvas, const reports::document &doc);

    // The content area of the current page (or column), in points from the top-left corner.
    float left() const { return margin + static_cast<float>(column_) * (column_width() + gutter); }
    float right() const { return left() + column_width(); }
    float width() const { return column_width(); }
    float y() const { return y_; }
    void advance(float height) { y_ += height; }
    pdf_canvas &canvas() { return canvas_; }

    // The next column, or a new page after the last column.
    void new_page();
    // Lays out what follows in `count` columns, each filled top to bottom before the next (narrow
    // drill-down lists two to a page); `count` 1 returns to the full width on a new page.
    void set_columns(int count);
    // Starts a new page unless `height` still fits on this one.
    void need(float height);
    bool at_top() const;

    // Lines of `text` no wider than `width`: breaks at spaces, and inside words only when a word
    // alone is too wide.
    std::vector<std::string> wrap(const std::string &text, float width, const text_style &style) const;
    // Writes wrapped text from the current position, breaking pages between lines.
    void paragraph(const std::string &text, const text_style &style, float indent = 0);

    void title_block();
    void heading(const reports::heading &h);
    void notice(const std::string &text);
    void key_values(const reports::key_values &k);
    // A grid with a title; `appendix_id` non-empty marks the grid as that drill-down list.
    void grid(const reports::grid &g, const std::string &appendix_id = "");
    void form(const reports::form &f);

    // Makes an area of the current page jump to the drill-down list `list_id` (if the document has it).
    void link_to_list(float x, float top, float w, float h, const std::string &list_id);

    // Links every drill-down cell to its list and puts header and footer on every page.
    void finish();

private:
    struct laid_cell {
        const reports::grid_cell *cell;
        float x;
        float w;
        std::vector<std::string> lines;
    };
    struct laid_row {
        std::vector<laid_cell> cells;
        float height;
        bool heading;
    };
    struct pending_link {
        std::size_t page;
        float x, top, w, h;
        std::string list_id;
    };
    struct list_place {
        std::size_t page;
        float top;
    };

    laid_row lay_out(const reports::grid_row &r, const std::vector<float> &xs, bool heading) const;
    void draw(const laid_row &r);
    void grid_title(const std::string &title, bool continued);
    void header_and_footer(std::size_t page);

    float column_width() const {
        return (canvas_.width() - 2 * margin - static_cast<float>(columns_ - 1) * gutter) / static_cast<float>(columns_);
    }

    static constexpr float margin = 40.0f;
    static constexpr float gutter = 18.0f;
    static constexpr float header_space = 34.0f;
    static constexpr float footer_space = 30.0f;

    pdf_canvas &canvas_;
    const reports::document &doc_;
    bool landscape_;
    float y_ = 0;
    int columns_ = 1;
    int column_ = 0;
    float column_top_ = 0;  // where the columns start on the current page
    std::vector<pending_link> links_;
    std::map<std::string, list_place> lists_;
};

}  // namespace waymark::renderers
