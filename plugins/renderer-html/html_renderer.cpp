#include "html_renderer.hpp"

#include "reports/grid.hpp"
#include "reports/renderer_input.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace waymark::renderers {
namespace {

// Series colours when a chart gives none; each series also has its own marker, so greyscale reads.
constexpr std::array<uint32_t, 6> series_colours{0x1F4E9A, 0xC0392B, 0x2E8B57, 0x8E44AD, 0xD68910, 0x555555};

constexpr const char *style_sheet = R"css(
body{font-family:"DejaVu Sans",Verdana,sans-serif;font-size:10pt;color:#111;margin:0 auto;max-width:60em;padding:1em}
header.report{border-bottom:2px solid #1F4E9A;margin-bottom:1em}
header.report h1{font-size:16pt;margin:.2em 0}
.school{color:#555;margin:0}
dl.about{display:grid;grid-template-columns:max-content auto;gap:.1em 1em;margin:.5em 0}
dl.about dt{font-weight:bold}
dl.about dd{margin:0}
.notice{background:#FFF4CC;border-left:4px solid #B8860B;padding:.4em .6em}
table{border-collapse:collapse;margin:.4em 0 1.2em;width:100%}
caption{text-align:left;font-weight:bold;padding:.2em 0}
th,td{border:1px solid #999;padding:.2em .4em;vertical-align:top}
thead th{background:#E4E9F2}
th[scope=row]{text-align:left}
tfoot td,tfoot th{background:#EFEFEF;font-weight:bold;border-top:2px solid #333}
.right{text-align:right}
.centre{text-align:center}
.code{font-size:7pt;margin-left:.3em;opacity:.85}
a{color:#1F4E9A}
svg text{font-family:"DejaVu Sans",Verdana,sans-serif}
.lines{height:calc(var(--lines)*1.6em);background:repeating-linear-gradient(transparent 0,transparent calc(1.6em - 1px),#999 calc(1.6em - 1px),#999 1.6em)}
.page-break{break-before:page}
footer.report{color:#555;font-size:8pt;border-top:1px solid #999;margin-top:2em;padding-top:.3em}
@media print{body{max-width:none;padding:0}thead{display:table-header-group}tr{break-inside:avoid}}
)css";

std::string hex(uint32_t rgb) {
    char text[8];
    std::snprintf(text, sizeof text, "#%06X", rgb & 0xFFFFFFu);
    return text;
}

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    std::string out = text;
    if (out.ends_with(".0")) out.resize(out.size() - 2);
    return out;
}

std::string list_anchor(const std::string &id) { return "list-" + id; }

// Markup that opens pupil list `id`, or the markup alone when there is no list.
std::string linked_to_list(const std::string &markup, const std::string &id) {
    return id.empty() ? markup : "<a href=\"#" + html_escaped(list_anchor(id)) + "\">" + markup + "</a>";
}

class page {
public:
    explicit page(const reports::document &doc) : doc_(doc) {}

    std::string write() {
        out_ += "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\"><head><meta charset=\"utf-8\"/>";
        out_ += "<title>" + html_escaped(doc_.title) + " – " + html_escaped(doc_.school) + "</title><style>";
        out_ += "@page{size:A4 ";
        out_ += doc_.page_orientation == reports::orientation::landscape ? "landscape" : "portrait";
        out_ += ";margin:15mm}";
        out_ += style_sheet;
        out_ += "</style></head><body>";
        describe();
        for (const reports::block &b : doc_.blocks) std::visit([this](const auto &part) { add(part); }, b);
        out_ += "<footer class=\"report\">Generated " + html_escaped(reports::uk_date(doc_.generated)) + " · data as of " +
                html_escaped(reports::uk_date(doc_.as_of)) + "</footer></body></html>\n";
        return std::move(out_);
    }

private:
    void describe() {
        out_ += "<header class=\"report\"><p class=\"school\">" + html_escaped(doc_.school) + "</p><h1>" +
                html_escaped(doc_.title) + "</h1><dl class=\"about\">";
        about("What it counts", doc_.counts);
        std::string filters;
        for (const auto &filter : doc_.filters) filters += (filters.empty() ? "" : ", ") + filter;
        about("Filters", filters.empty() ? "None" : filters);
        std::string schemes;
        for (const auto &scheme : doc_.schemes) schemes += (schemes.empty() ? "" : ", ") + scheme;
        if (!schemes.empty()) about(doc_.schemes.size() == 1 ? "Scheme" : "Schemes", schemes);
        about("Data as of", reports::uk_date(doc_.as_of));
        about("Generated", reports::uk_date(doc_.generated));
        about("Pupils excluded", std::to_string(doc_.excluded_pupils) + " (Include in Data is No)");
        out_ += "</dl></header>";
        if (doc_.excluded_pupils > 0)
            out_ += "<p class=\"notice\" role=\"note\">Include in Data has been set to No for " +
                    std::to_string(doc_.excluded_pupils) + (doc_.excluded_pupils == 1 ? " pupil" : " pupils") +
                    "; they are left out of every figure.</p>";
    }

    void about(const std::string &key, const std::string &value) {
        out_ += "<dt>" + html_escaped(key) + "</dt><dd>" + html_escaped(value) + "</dd>";
    }

    void add(const reports::heading &h) {
        const std::string tag = "h" + std::to_string(std::clamp(h.level, 1, 3) + 1);
        out_ += "<" + tag + ">" + html_escaped(h.text) + "</" + tag + ">";
    }

    void add(const reports::paragraph &p) {
        out_ += p.notice ? "<p class=\"notice\" role=\"note\">" : "<p>";
        std::size_t at = 0;
        for (std::size_t end = p.text.find('\n'); end != std::string::npos; at = end + 1, end = p.text.find('\n', at))
            out_ += html_escaped(p.text.substr(at, end - at)) + "<br/>";
        out_ += html_escaped(p.text.substr(at)) + "</p>";
    }

    void add(const reports::key_values &kv) {
        out_ += "<dl class=\"about\">";
        for (const auto &item : kv.items) about(item.key, item.value);
        out_ += "</dl>";
    }

    void add(const reports::table &t) { grid(reports::as_grid(t)); }
    void add(const reports::matrix &m) { grid(reports::as_grid(m)); }

    void add(const reports::venn &v) {
        venn_diagram(v);
        grid(reports::as_grid(v));
    }

    void add(const reports::chart &c) {
        chart_drawing(c);
        grid(reports::as_grid(c));
    }

    void add(const reports::pupil_lists &lists) {
        out_ += "<section class=\"page-break\"><h2>" + html_escaped(lists.title) + "</h2>";
        for (const auto &list : lists.lists) {
            out_ += "<section id=\"" + html_escaped(list_anchor(list.id)) + "\">";
            grid(reports::as_grid(list));
            out_ += "</section>";
        }
        out_ += "</section>";
    }

    void add(const reports::form &f) {
        out_ += "<table class=\"form\">";
        if (!f.title.empty()) out_ += "<caption>" + html_escaped(f.title) + "</caption>";
        const std::size_t columns = std::max<std::size_t>(1, f.answer_columns.size());
        if (!f.answer_columns.empty()) {
            out_ += "<thead><tr><th></th>";
            for (const auto &heading : f.answer_columns) out_ += "<th scope=\"col\">" + html_escaped(heading) + "</th>";
            out_ += "</tr></thead>";
        }
        out_ += "<tbody>";
        for (const auto &field : f.fields) {
            out_ += "<tr><th scope=\"row\">" + html_escaped(field.label) + "</th>";
            for (std::size_t i = 0; i < columns; ++i) {
                const bool answered = i < field.answers.size() && !field.answers[i].empty();
                out_ += answered ? "<td>" + html_escaped(field.answers[i]) + "</td>"
                                 : "<td><div class=\"lines\" style=\"--lines:" + std::to_string(field.lines) + "\"></div></td>";
            }
            out_ += "</tr>";
        }
        out_ += "</tbody></table>";
    }

    void add(const reports::page_break &) { out_ += "<div class=\"page-break\"></div>"; }

    void grid(const reports::grid &g) {
        out_ += "<table>";
        if (!g.title.empty()) out_ += "<caption>" + html_escaped(g.title) + "</caption>";
        if (!g.header_rows.empty()) rows("thead", g.header_rows, true);
        rows("tbody", g.body_rows, false);
        if (!g.footer_rows.empty()) rows("tfoot", g.footer_rows, false);
        out_ += "</table>";
    }

    void rows(const char *section, const std::vector<reports::grid_row> &grid_rows, bool headings) {
        out_ += std::string("<") + section + ">";
        for (const auto &r : grid_rows) {
            out_ += "<tr>";
            for (const auto &c : r) cell(c, headings);
            out_ += "</tr>";
        }
        out_ += std::string("</") + section + ">";
    }

    void cell(const reports::grid_cell &c, bool heading) {
        const bool is_th = heading || c.row_heading;
        std::string open = is_th ? "<th" : "<td";
        if (heading) open += " scope=\"col\"";
        if (c.row_heading) open += " scope=\"row\"";
        if (c.span > 1) open += " colspan=\"" + std::to_string(c.span) + "\"";
        if (c.align == reports::alignment::right) open += " class=\"right\"";
        if (c.align == reports::alignment::centre) open += " class=\"centre\"";
        if (c.cell_band)
            open += " style=\"background:" + hex(c.cell_band->colour_rgb) +
                    (reports::needs_light_text(c.cell_band->colour_rgb) ? ";color:#FFFFFF" : "") + "\"";
        out_ += open + ">";
        const std::string text = html_escaped(c.text);
        out_ += linked_to_list(text, c.pupils);
        // The band's code beside the figure, so a greyscale print still says which band it is.
        if (c.cell_band && c.text.find(c.cell_band->code) == std::string::npos &&
            (c.cell_band->label.empty() || c.text.find(c.cell_band->label) == std::string::npos))
            out_ += "<span class=\"code\">[" + html_escaped(c.cell_band->code) + "]</span>";
        out_ += is_th ? "</th>" : "</td>";
    }

    // Three translucent circles, each region's count where the eye looks for it, and the pupils in
    // none of the sets beside them. Counts link to their pupil lists.
    void venn_diagram(const reports::venn &v) {
        struct point {
            double x, y;
        };
        const std::array<point, 3> centres{point{150, 125}, point{240, 125}, point{195, 203}};
        constexpr std::array<uint32_t, 3> fills{0x1F77B4, 0xD62728, 0x2CA02C};
        const point middle{(centres[0].x + centres[1].x + centres[2].x) / 3, (centres[0].y + centres[1].y + centres[2].y) / 3};
        out_ += "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"420\" height=\"320\" viewBox=\"0 0 420 320\" role=\"img\">";
        out_ += "<title>" + html_escaped(v.title) + "</title>";
        for (std::size_t i = 0; i < 3; ++i)
            out_ += "<circle cx=\"" + number(centres[i].x) + "\" cy=\"" + number(centres[i].y) + "\" r=\"85\" fill=\"" + hex(fills[i]) +
                    "\" fill-opacity=\"0.25\" stroke=\"" + hex(fills[i]) + "\" stroke-width=\"2\"/>";
        const std::array<point, 3> label_at{point{70, 30}, point{320, 30}, point{195, 312}};
        for (std::size_t i = 0; i < 3; ++i)
            out_ += "<text x=\"" + number(label_at[i].x) + "\" y=\"" + number(label_at[i].y) + "\" text-anchor=\"middle\" font-weight=\"bold\">" +
                    html_escaped(v.sets[i]) + "</text>";
        for (const auto &region : v.regions) {
            std::vector<std::size_t> in;
            for (std::size_t i = 0; i < region.membership.size(); ++i)
                if (region.membership[i]) in.push_back(i);
            point at{360, 290};  // in none: outside the circles
            if (in.size() == 3) at = middle;
            if (in.size() == 1) at = {centres[in[0]].x + (centres[in[0]].x - middle.x) * 0.75, centres[in[0]].y + (centres[in[0]].y - middle.y) * 0.75};
            if (in.size() == 2) {
                const point between{(centres[in[0]].x + centres[in[1]].x) / 2, (centres[in[0]].y + centres[in[1]].y) / 2};
                at = {between.x + (between.x - middle.x) * 1.1, between.y + (between.y - middle.y) * 1.1};
            }
            std::string label = std::to_string(region.count);
            if (in.empty()) label = "None: " + label;
            std::string text = "<text x=\"" + number(at.x) + "\" y=\"" + number(at.y + 5) + "\" text-anchor=\"middle\">" + html_escaped(label) + "</text>";
            out_ += linked_to_list(text, region.pupils);
        }
        out_ += "</svg><figcaption>" + html_escaped(v.title) + " (" + std::to_string(v.total) + " pupils)";
        if (v.unjudged)
            out_ += "<br/>" + linked_to_list(html_escaped(v.unjudged->label + ": " + std::to_string(v.unjudged->count)), v.unjudged->pupils);
        out_ += "</figcaption></figure>";
    }

    void chart_drawing(const reports::chart &c) {
        constexpr double width = 640, height = 300, left = 50, right = 150, top = 20, bottom = 40;
        double low = c.y_min.value_or(0), high = c.y_max.value_or(0);
        if (!c.y_max) {
            for (const auto &s : c.series)
                for (const auto &v : s.values)
                    if (v) high = std::max(high, *v);
            if (high <= low) high = low + 1;
        }
        const double plot_width = width - left - right, plot_height = height - top - bottom;
        const std::size_t n = c.categories.size();
        const auto y_of = [&](double v) { return top + plot_height * (1 - (std::clamp(v, low, high) - low) / (high - low)); };
        const double slot = plot_width / static_cast<double>(n);
        const auto x_of = [&](std::size_t i) { return left + slot * (static_cast<double>(i) + 0.5); };

        out_ += "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"300\" viewBox=\"0 0 640 300\" role=\"img\"><title>" +
                html_escaped(c.title) + "</title>";
        for (int tick = 0; tick <= 4; ++tick) {
            const double value = low + (high - low) * tick / 4, y = y_of(value);
            out_ += "<line x1=\"" + number(left) + "\" x2=\"" + number(width - right) + "\" y1=\"" + number(y) + "\" y2=\"" + number(y) +
                    "\" stroke=\"#DDD\"/><text x=\"" + number(left - 6) + "\" y=\"" + number(y + 4) + "\" text-anchor=\"end\" font-size=\"9\">" +
                    number(value) + "</text>";
        }
        for (std::size_t i = 0; i < n; ++i)
            out_ += "<text x=\"" + number(x_of(i)) + "\" y=\"" + number(height - bottom + 15) + "\" text-anchor=\"middle\" font-size=\"9\">" +
                    html_escaped(c.categories[i]) + "</text>";
        if (!c.x_title.empty())
            out_ += "<text x=\"" + number(left + plot_width / 2) + "\" y=\"" + number(height - 5) + "\" text-anchor=\"middle\" font-size=\"10\">" +
                    html_escaped(c.x_title) + "</text>";
        if (!c.y_title.empty())
            out_ += "<text x=\"12\" y=\"" + number(top + plot_height / 2) + "\" text-anchor=\"middle\" font-size=\"10\" transform=\"rotate(-90 12 " +
                    number(top + plot_height / 2) + ")\">" + html_escaped(c.y_title) + "</text>";
        const double bar_width = slot * 0.8 / static_cast<double>(std::max<std::size_t>(1, c.series.size()));
        for (std::size_t s = 0; s < c.series.size(); ++s) {
            const auto &series = c.series[s];
            const std::string colour = hex(series.colour_rgb.value_or(series_colours[s % series_colours.size()]));
            const std::string dash = s % 3 == 0 ? "" : s % 3 == 1 ? " stroke-dasharray=\"6 3\"" : " stroke-dasharray=\"2 2\"";
            std::string path;
            for (std::size_t i = 0; i < n && i < series.values.size(); ++i) {
                if (!series.values[i]) {
                    path += ' ';  // a gap: the line starts again after it
                    continue;
                }
                const double value = *series.values[i];
                if (c.kind == reports::chart_kind::bar) {
                    const double x = x_of(i) - slot * 0.4 + bar_width * static_cast<double>(s), y = y_of(value);
                    out_ += "<rect x=\"" + number(x) + "\" y=\"" + number(y) + "\" width=\"" + number(bar_width) + "\" height=\"" +
                            number(y_of(low) - y) + "\" fill=\"" + colour + "\"/><text x=\"" + number(x + bar_width / 2) + "\" y=\"" +
                            number(y - 3) + "\" text-anchor=\"middle\" font-size=\"8\">" + number(value) + "</text>";
                } else {
                    path += (path.empty() || path.back() == ' ' ? "M" : "L") + number(x_of(i)) + "," + number(y_of(value)) + " ";
                    out_ += marker(s, x_of(i), y_of(value), colour);
                }
            }
            if (c.kind == reports::chart_kind::line && path.find_first_not_of(' ') != std::string::npos)
                out_ += "<path d=\"" + path.substr(path.find_first_not_of(' ')) + "\" fill=\"none\" stroke=\"" + colour +
                        "\" stroke-width=\"2\"" + dash + "/>";
            const double legend_y = top + 14.0 * static_cast<double>(s);
            out_ += marker(s, width - right + 16, legend_y, colour) + "<text x=\"" + number(width - right + 26) + "\" y=\"" +
                    number(legend_y + 4) + "\" font-size=\"9\">" + html_escaped(series.name) + "</text>";
        }
        out_ += "</svg><figcaption>" + html_escaped(c.title) + "</figcaption></figure>";
    }

    // A series' own marker shape (circle, square, triangle, ...), not only its colour.
    static std::string marker(std::size_t series, double x, double y, const std::string &colour) {
        switch (series % 3) {
            case 0: return "<circle cx=\"" + number(x) + "\" cy=\"" + number(y) + "\" r=\"3.5\" fill=\"" + colour + "\"/>";
            case 1:
                return "<rect x=\"" + number(x - 3.5) + "\" y=\"" + number(y - 3.5) + "\" width=\"7\" height=\"7\" fill=\"" + colour + "\"/>";
            default:
                return "<path d=\"M" + number(x) + "," + number(y - 4.5) + " L" + number(x + 4.5) + "," + number(y + 3.5) + " L" +
                       number(x - 4.5) + "," + number(y + 3.5) + " Z\" fill=\"" + colour + "\"/>";
        }
    }

    const reports::document &doc_;
    std::string out_;
};

}  // namespace

std::string html_escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

void html_renderer::render(std::string_view document, const std::function<void(const uint8_t *, uint64_t)> &write) const {
    const reports::document doc = reports::read_for_rendering(document);
    const std::string html = page(doc).write();
    write(reinterpret_cast<const uint8_t *>(html.data()), html.size());
}

}  // namespace waymark::renderers
