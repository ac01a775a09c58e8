#include "pdf_figures.hpp"

#include <algorithm>
#include <cmath>

namespace waymark::renderers {

namespace {

constexpr uint32_t set_colours[] = {0x2E86DE, 0xE67E22, 0x27AE60};
constexpr uint32_t set_inks[] = {0x1B4F8A, 0x9A4F0F, 0x17693A};
// Neighbouring series differ in lightness as well as hue, so bars still part in a greyscale print.
constexpr uint32_t series_palette[] = {0x1F4E8C, 0xF2A541, 0x3C9D64, 0xC9C9C9, 0x7D3C98, 0x8C564B};

point toward(point from, point to, float distance) {
    const float dx = to.x - from.x;
    const float dy = to.y - from.y;
    const float length = std::sqrt(dx * dx + dy * dy);
    if (length == 0.0f) return from;
    return {from.x + dx / length * distance, from.y + dy / length * distance};
}

void centred_text(pdf_canvas &canvas, float x, float baseline, const std::string &text, const text_style &style) {
    canvas.text(x - canvas.text_width(text, style) / 2.0f, baseline, text, style);
}

// A step of 1, 2 or 5 times a power of ten giving about five intervals.
double nice_step(double range) {
    if (range <= 0) return 1.0;
    const double raw = range / 5.0;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (raw <= m * power) return m * power;
    }
    return 10.0 * power;
}

std::string tick_text(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", std::abs(value) < 1e-9 ? 0.0 : value);
    return text;
}

void marker(pdf_canvas &canvas, point at, std::size_t series, uint32_t colour) {
    const float s = 3.2f;
    switch (series % 4) {
        case 0: canvas.circle(at, s, colour, 1.0f, colour); break;
        case 1: canvas.fill_polygon({{at.x - s, at.y - s}, {at.x + s, at.y - s}, {at.x + s, at.y + s}, {at.x - s, at.y + s}}, colour); break;
        case 2: canvas.fill_polygon({{at.x, at.y - s - 1}, {at.x + s + 1, at.y + s}, {at.x - s - 1, at.y + s}}, colour); break;
        default: canvas.fill_polygon({{at.x, at.y - s - 1}, {at.x + s + 1, at.y}, {at.x, at.y + s + 1}, {at.x - s - 1, at.y}}, colour); break;
    }
}

}  // namespace

void draw_venn(pdf_flow &flow, const reports::venn &v) {
    pdf_canvas &canvas = flow.canvas();
    const float r = 72.0f;
    const float height = 3.0f * r + 70.0f;
    flow.need(height + 20.0f);
    const text_style title_style{10.5f, true, ink};
    flow.advance(14.0f);
    canvas.text(flow.left(), flow.y() - 3.0f, v.title, title_style);
    flow.advance(8.0f);

    const point centre{flow.left() + flow.width() / 2.0f, flow.y() + 24.0f + 1.29f * r};
    const point centres[3] = {{centre.x - r / 2.0f, centre.y - 0.29f * r},
                              {centre.x + r / 2.0f, centre.y - 0.29f * r},
                              {centre.x, centre.y + 0.58f * r}};
    for (std::size_t i = 0; i < 3; ++i) canvas.circle(centres[i], r, set_colours[i], 0.25f, set_inks[i]);

    const text_style set_style{10.0f, true, ink};
    // Each set's name sits outside its circle: the upper two beside their outer top, the lower one below.
    for (std::size_t i = 0; i < 3; ++i) {
        const text_style style{set_style.size, true, set_inks[i]};
        const float w = canvas.text_width(v.sets[i], style);
        const point &c = centres[i];
        if (i == 0) canvas.text(c.x - 0.7f * r - w, c.y - 0.72f * r, v.sets[i], style);
        if (i == 1) canvas.text(c.x + 0.7f * r, c.y - 0.72f * r, v.sets[i], style);
        if (i == 2) centred_text(canvas, c.x, c.y + r + 13.0f, v.sets[i], style);
    }

    const text_style count_style{11.0f, true, ink};
    const text_style percent_style{7.5f, false, ink};
    const reports::venn_region *none = nullptr;
    for (const reports::venn_region &region : v.regions) {
        std::vector<std::size_t> in;
        for (std::size_t i = 0; i < 3; ++i) {
            if (region.membership[i]) in.push_back(i);
        }
        if (in.empty()) {
            none = &region;
            continue;
        }
        point at = centre;
        if (in.size() == 1) at = toward(centre, centres[in[0]], 1.0f * r);
        if (in.size() == 2) {
            const point middle{(centres[in[0]].x + centres[in[1]].x) / 2.0f, (centres[in[0]].y + centres[in[1]].y) / 2.0f};
            at = toward(centre, middle, 0.62f * r);
        }
        const std::string count = std::to_string(region.count);
        centred_text(canvas, at.x, at.y, count, count_style);
        centred_text(canvas, at.x, at.y + 10.0f, reports::percent_text(region.percent), percent_style);
        if (!region.pupils.empty()) flow.link_to_list(at.x - 18.0f, at.y - 12.0f, 36.0f, 26.0f, region.pupils);
    }
    flow.advance(height - 36.0f);
    std::string summary = "Pupils counted: " + std::to_string(v.total);
    if (none != nullptr) {
        summary += ".  In none of the three: " + reports::count_text(none->count, none->percent) + ".";
        if (!none->pupils.empty()) flow.link_to_list(flow.left(), flow.y(), flow.width(), 14.0f, none->pupils);
    }
    flow.paragraph(summary, text_style{9.0f, false, ink});
    // A line of its own, with its own link, so nobody reads these pupils as part of the total above.
    if (v.unjudged) {
        if (!v.unjudged->pupils.empty()) flow.link_to_list(flow.left(), flow.y(), flow.width(), 14.0f, v.unjudged->pupils);
        flow.paragraph(v.unjudged->label + ": " + std::to_string(v.unjudged->count) + ".", text_style{9.0f, true, ink});
    }
    flow.advance(8.0f);
}

void draw_chart(pdf_flow &flow, const reports::chart &c) {
    pdf_canvas &canvas = flow.canvas();
    const float height = 250.0f;
    flow.need(height + 20.0f);
    const text_style title_style{10.5f, true, ink};
    const text_style label_style{7.5f, false, ink};
    flow.advance(14.0f);
    canvas.text(flow.left(), flow.y() - 3.0f, c.title, title_style);
    flow.advance(4.0f);

    // Legend: a swatch in the series' colour with its marker, then its name.
    float legend_x = flow.left();
    const float legend_y = flow.y() + 10.0f;
    for (std::size_t s = 0; s < c.series.size(); ++s) {
        const uint32_t colour = c.series[s].colour_rgb.value_or(series_palette[s % std::size(series_palette)]);
        if (c.kind == reports::chart_kind::line) {
            canvas.line({legend_x, legend_y - 3.0f}, {legend_x + 18.0f, legend_y - 3.0f}, colour, 1.4f, s % 2 == 1);
            marker(canvas, {legend_x + 9.0f, legend_y - 3.0f}, s, colour);
        } else {
            canvas.fill_rect(legend_x, legend_y - 8.0f, 18.0f, 8.0f, colour);
        }
        canvas.text(legend_x + 22.0f, legend_y, c.series[s].name, label_style);
        legend_x += 30.0f + canvas.text_width(c.series[s].name, label_style);
    }
    flow.advance(18.0f);

    double low = c.y_min.value_or(0.0), high = c.y_max.value_or(1.0);
    bool any = false;
    for (const auto &s : c.series) {
        for (const auto &value : s.values) {
            if (!value) continue;
            if (!any && !c.y_min) low = *value;
            if (!any && !c.y_max) high = *value;
            any = true;
            if (!c.y_min) low = std::min(low, *value);
            if (!c.y_max) high = std::max(high, *value);
        }
    }
    if (c.kind == reports::chart_kind::bar && !c.y_min) low = std::min(low, 0.0);
    if (high <= low) high = low + 1.0;
    const double step = nice_step(high - low);
    if (!c.y_min) low = std::floor(low / step) * step;
    if (!c.y_max) high = std::ceil(high / step) * step;

    const float axis_left = flow.left() + 42.0f;
    const float axis_right = flow.right() - 10.0f;
    const float plot_top = flow.y() + (c.y_title.empty() ? 6.0f : 22.0f);
    const float plot_bottom = flow.y() + height - 70.0f;
    const auto y_of = [&](double value) {
        return plot_bottom - static_cast<float>((value - low) / (high - low)) * (plot_bottom - plot_top);
    };
    if (!c.y_title.empty()) canvas.text(flow.left(), plot_top - 12.0f, c.y_title, text_style{8.0f, true, ink});
    for (double tick = low; tick <= high + step / 1000.0; tick += step) {
        const float y = y_of(tick);
        canvas.line({axis_left, y}, {axis_right, y}, 0xE0E0E0, 0.4f);
        const std::string text = tick_text(tick);
        canvas.text(axis_left - 4.0f - canvas.text_width(text, label_style), y + 2.5f, text, label_style);
    }
    canvas.line({axis_left, plot_top}, {axis_left, plot_bottom}, ink, 0.8f);
    canvas.line({axis_left, plot_bottom}, {axis_right, plot_bottom}, ink, 0.8f);

    const float band = (axis_right - axis_left) / static_cast<float>(c.categories.size());
    for (std::size_t i = 0; i < c.categories.size(); ++i) {
        const float middle = axis_left + band * (static_cast<float>(i) + 0.5f);
        const auto lines = flow.wrap(c.categories[i], band - 4.0f, label_style);
        for (std::size_t l = 0; l < std::min<std::size_t>(lines.size(), 2); ++l) {
            centred_text(canvas, middle, plot_bottom + 11.0f + 9.0f * static_cast<float>(l), lines[l], label_style);
        }
    }
    if (!c.x_title.empty()) {
        centred_text(canvas, (axis_left + axis_right) / 2.0f, plot_bottom + 34.0f, c.x_title, text_style{8.0f, true, ink});
    }

    const std::size_t count = c.series.size();
    for (std::size_t s = 0; s < count; ++s) {
        const uint32_t colour = c.series[s].colour_rgb.value_or(series_palette[s % std::size(series_palette)]);
        if (c.kind == reports::chart_kind::bar) {
            const float bar = band * 0.8f / static_cast<float>(count);
            for (std::size_t i = 0; i < c.categories.size(); ++i) {
                if (!c.series[s].values[i]) continue;
                const double value = *c.series[s].values[i];
                const float x = axis_left + band * (static_cast<float>(i) + 0.1f) + bar * static_cast<float>(s);
                const float top = std::min(y_of(value), y_of(std::max(low, 0.0)));
                const float h = std::abs(y_of(value) - y_of(std::max(low, 0.0)));
                canvas.fill_rect(x, top, bar - 1.0f, h, colour);
                // The value above each bar: the figure reads without telling colours apart.
                if (bar >= 14.0f) centred_text(canvas, x + bar / 2.0f, top - 2.5f, tick_text(value), text_style{6.5f, false, ink});
            }
            continue;
        }
        std::vector<point> run;
        const auto flush = [&] {
            canvas.polyline(run, colour, 1.4f, s % 2 == 1);
            for (const point &p : run) marker(canvas, p, s, colour);
            run.clear();
        };
        for (std::size_t i = 0; i < c.categories.size(); ++i) {
            if (!c.series[s].values[i]) {
                flush();
                continue;
            }
            run.push_back({axis_left + band * (static_cast<float>(i) + 0.5f), y_of(*c.series[s].values[i])});
        }
        flush();
    }
    flow.advance(height - 18.0f);
}

}  // namespace waymark::renderers
