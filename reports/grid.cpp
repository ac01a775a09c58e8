#include "reports/grid.hpp"

#include <cmath>
#include <cstdio>

namespace waymark::reports {

namespace {

alignment align_of(column_type type) {
    switch (type) {
        case column_type::integer:
        case column_type::number:
        case column_type::percent: return alignment::right;
        case column_type::grade: return alignment::centre;
        case column_type::text: return alignment::left;
    }
    return alignment::left;
}

grid_cell heading_cell(std::string text, uint32_t span = 1) {
    grid_cell out;
    out.text = std::move(text);
    out.span = span;
    out.align = alignment::centre;
    return out;
}

grid_row typed_row(const row &r, const std::vector<column_type> &types) {
    grid_row out;
    std::size_t column = 0;
    for (const cell &c : r) {
        grid_cell g{c.text, c.value, c.cell_band, c.pupils, c.span, alignment::left, false};
        g.align = c.span > 1 ? alignment::centre : align_of(types[column]);
        out.push_back(std::move(g));
        column += c.span;
    }
    return out;
}

std::string number_text(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.10g", value);
    return text;
}

}  // namespace

std::string percent_text(double percent) {
    const double rounded = std::round(percent * 10.0) / 10.0;
    char text[32];
    if (rounded == std::floor(rounded)) {
        std::snprintf(text, sizeof text, "%.0f%%", rounded);
    } else {
        std::snprintf(text, sizeof text, "%.1f%%", rounded);
    }
    return text;
}

std::string count_text(int64_t count, const std::optional<double> &percent) {
    std::string out = std::to_string(count);
    if (percent) out += " (" + percent_text(*percent) + ")";
    return out;
}

std::string region_name(const venn &v, const venn_region &region) {
    std::vector<std::string> in, out;
    for (std::size_t i = 0; i < 3; ++i) (region.membership[i] ? in : out).push_back(v.sets[i]);
    if (in.empty()) return "None of the three";
    if (in.size() == 3) return "All three";
    if (in.size() == 1) return in[0] + " only";
    return in[0] + " and " + in[1] + ", not " + out[0];
}

grid as_grid(const table &t) {
    grid g;
    g.title = t.title;
    for (const column &c : t.columns) {
        g.widths.push_back(c.width);
        g.types.push_back(c.type);
    }
    for (const row &r : t.header_rows) {
        grid_row out = typed_row(r, g.types);
        for (grid_cell &c : out) c.align = alignment::centre;
        g.header_rows.push_back(std::move(out));
    }
    grid_row labels;
    for (const column &c : t.columns) {
        grid_cell label = heading_cell(c.label);
        label.align = c.type == column_type::text ? alignment::left : alignment::centre;
        labels.push_back(std::move(label));
    }
    g.header_rows.push_back(std::move(labels));
    for (const row &r : t.rows) g.body_rows.push_back(typed_row(r, g.types));
    for (const row &r : t.footer_rows) g.footer_rows.push_back(typed_row(r, g.types));
    return g;
}

grid as_grid(const matrix &m) {
    grid g;
    g.title = m.title;
    g.widths.push_back(1.6);
    g.types.push_back(column_type::text);
    for (std::size_t i = 0; i < m.columns.size(); ++i) {
        g.widths.push_back(1.0);
        g.types.push_back(column_type::integer);
    }
    g.header_rows.push_back({heading_cell(m.row_title + " \u2193 / " + m.column_title + " \u2192"),
                             heading_cell(m.column_title, static_cast<uint32_t>(m.columns.size()))});
    grid_row labels{heading_cell(m.row_title)};
    labels.front().align = alignment::left;
    for (const matrix_heading &h : m.columns) {
        grid_cell c = heading_cell(h.label);
        c.cell_band = h.heading_band;
        labels.push_back(std::move(c));
    }
    g.header_rows.push_back(std::move(labels));
    for (std::size_t r = 0; r < m.rows.size(); ++r) {
        grid_row out;
        grid_cell label{m.rows[r].label, std::nullopt, m.rows[r].heading_band, "", 1, alignment::left, true};
        out.push_back(std::move(label));
        for (const matrix_cell &c : m.cells[r]) {
            out.push_back(grid_cell{count_text(c.count, c.percent), static_cast<double>(c.count), c.cell_band,
                                    c.pupils, 1, alignment::centre, false});
        }
        g.body_rows.push_back(std::move(out));
    }
    return g;
}

grid as_grid(const venn &v) {
    grid g;
    g.title = v.title;
    g.widths = {3.0, 1.0, 1.0};
    g.types = {column_type::text, column_type::integer, column_type::percent};
    g.header_rows.push_back({heading_cell("Pupils in"), heading_cell("Pupils"), heading_cell("%")});
    g.header_rows.back().front().align = alignment::left;
    for (const venn_region &r : v.regions) {
        g.body_rows.push_back({grid_cell{region_name(v, r), std::nullopt, std::nullopt, "", 1, alignment::left, true},
                               grid_cell{std::to_string(r.count), static_cast<double>(r.count), std::nullopt, r.pupils, 1,
                                         alignment::right, false},
                               grid_cell{percent_text(r.percent), r.percent, std::nullopt, "", 1, alignment::right, false}});
    }
    g.footer_rows.push_back({grid_cell{"Pupils counted", std::nullopt, std::nullopt, "", 1, alignment::left, true},
                             grid_cell{std::to_string(v.total), static_cast<double>(v.total), std::nullopt, "", 1,
                                       alignment::right, false},
                             grid_cell{}});
    return g;
}

grid as_grid(const chart &c) {
    grid g;
    g.title = c.title;
    g.widths.push_back(1.5);
    g.types.push_back(column_type::text);
    grid_row labels{heading_cell(c.x_title.empty() ? std::string("Category") : c.x_title)};
    labels.front().align = alignment::left;
    for (const chart_series &s : c.series) {
        g.widths.push_back(1.0);
        g.types.push_back(column_type::number);
        labels.push_back(heading_cell(s.name));
    }
    g.header_rows.push_back(std::move(labels));
    for (std::size_t i = 0; i < c.categories.size(); ++i) {
        grid_row out{grid_cell{c.categories[i], std::nullopt, std::nullopt, "", 1, alignment::left, true}};
        for (const chart_series &s : c.series) {
            grid_cell value;
            value.align = alignment::right;
            if (s.values[i]) {
                value.value = *s.values[i];
                value.text = number_text(*s.values[i]);
            }
            out.push_back(std::move(value));
        }
        g.body_rows.push_back(std::move(out));
    }
    return g;
}

grid as_grid(const pupil_list &list) {
    grid g;
    g.title = list.title;
    g.widths.push_back(2.0);
    g.types.push_back(column_type::text);
    grid_row labels{heading_cell("Pupil")};
    labels.front().align = alignment::left;
    for (const std::string &c : list.columns) {
        g.widths.push_back(1.0);
        g.types.push_back(column_type::grade);
        labels.push_back(heading_cell(c));
    }
    g.header_rows.push_back(std::move(labels));
    for (const listed_pupil &p : list.pupils) {
        grid_row out{grid_cell{p.name, std::nullopt, std::nullopt, "", 1, alignment::left, true}};
        for (const std::string &v : p.values) out.push_back(grid_cell{v, std::nullopt, std::nullopt, "", 1, alignment::centre, false});
        g.body_rows.push_back(std::move(out));
    }
    return g;
}

std::vector<grid> grids_of(const block &b) {
    if (const auto *t = std::get_if<table>(&b)) return {as_grid(*t)};
    if (const auto *m = std::get_if<matrix>(&b)) return {as_grid(*m)};
    if (const auto *v = std::get_if<venn>(&b)) return {as_grid(*v)};
    if (const auto *c = std::get_if<chart>(&b)) return {as_grid(*c)};
    std::vector<grid> out;
    if (const auto *p = std::get_if<pupil_lists>(&b)) {
        for (const pupil_list &list : p->lists) out.push_back(as_grid(list));
    }
    return out;
}

}  // namespace waymark::reports
