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

// A grid whose first column names each row (a matrix row, a chart category, a pupil) under `heading`.
grid labelled_grid(const std::string &title, double first_width, const std::string &heading) {
    grid g;
    g.title = title;
    g.widths.push_back(first_width);
    g.types.push_back(column_type::text);
    grid_row labels{heading_cell(heading)};
    labels.front().align = alignment::left;
    g.header_rows.push_back(std::move(labels));
    return g;
}

void add_column(grid &g, double width, column_type type, grid_cell label) {
    g.widths.push_back(width);
    g.types.push_back(type);
    g.header_rows.back().push_back(std::move(label));
}

grid_cell row_label(std::string text, std::optional<band> b = std::nullopt) {
    return grid_cell{std::move(text), std::nullopt, std::move(b), "", 1, alignment::left, true};
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
    grid g = labelled_grid(m.title, 1.6, m.row_title);
    for (const matrix_heading &h : m.columns) {
        grid_cell label = heading_cell(h.label);
        label.cell_band = h.heading_band;
        add_column(g, 1.0, column_type::integer, std::move(label));
    }
    g.header_rows.insert(g.header_rows.begin(),
                         {heading_cell(m.row_title + " \u2193 / " + m.column_title + " \u2192"),
                          heading_cell(m.column_title, static_cast<uint32_t>(m.columns.size()))});
    for (std::size_t r = 0; r < m.rows.size(); ++r) {
        grid_row out{row_label(m.rows[r].label, m.rows[r].heading_band)};
        for (const matrix_cell &c : m.cells[r]) {
            out.push_back(grid_cell{count_text(c.count, c.percent), static_cast<double>(c.count), c.cell_band,
                                    c.pupils, 1, alignment::centre, false});
        }
        g.body_rows.push_back(std::move(out));
    }
    return g;
}

grid as_grid(const venn &v) {
    grid g = labelled_grid(v.title, 3.0, "Pupils in");
    add_column(g, 1.0, column_type::integer, heading_cell("Pupils"));
    add_column(g, 1.0, column_type::percent, heading_cell("%"));
    for (const venn_region &r : v.regions) {
        g.body_rows.push_back({row_label(region_name(v, r)),
                               grid_cell{std::to_string(r.count), static_cast<double>(r.count), std::nullopt, r.pupils, 1,
                                         alignment::right, false},
                               grid_cell{percent_text(r.percent), r.percent, std::nullopt, "", 1, alignment::right, false}});
    }
    const auto count_row = [](const std::string &label, int64_t count, const std::string &pupils) {
        return grid_row{row_label(label),
                        grid_cell{std::to_string(count), static_cast<double>(count), std::nullopt, pupils, 1, alignment::right, false},
                        grid_cell{}};
    };
    g.footer_rows.push_back(count_row("Pupils counted", v.total, ""));
    // Beneath the total, not among the regions: these pupils are not part of it.
    if (v.unjudged) g.footer_rows.push_back(count_row(v.unjudged->label, v.unjudged->count, v.unjudged->pupils));
    return g;
}

grid as_grid(const chart &c) {
    grid g = labelled_grid(c.title, 1.5, c.x_title.empty() ? std::string("Category") : c.x_title);
    for (const chart_series &s : c.series) add_column(g, 1.0, column_type::number, heading_cell(s.name));
    for (std::size_t i = 0; i < c.categories.size(); ++i) {
        grid_row out{row_label(c.categories[i])};
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
    grid g = labelled_grid(list.title, 2.4, "Pupil");
    for (const std::string &c : list.columns) add_column(g, 1.0, column_type::grade, heading_cell(c));
    for (const listed_pupil &p : list.pupils) {
        grid_row out{row_label(p.name)};
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

std::string uk_date(const std::string &iso) {
    if (iso.size() < 10) return iso;
    std::string out = iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
    if (iso.size() >= 16) out += " " + iso.substr(11, 5);
    return out;
}

bool needs_light_text(uint32_t fill_rgb) {
    const double luminance =
        0.299 * ((fill_rgb >> 16) & 0xFF) + 0.587 * ((fill_rgb >> 8) & 0xFF) + 0.114 * (fill_rgb & 0xFF);
    return luminance < 110.0;
}

}  // namespace waymark::reports
