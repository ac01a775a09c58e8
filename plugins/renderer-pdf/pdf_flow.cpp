#include "pdf_flow.hpp"

#include <algorithm>
#include <numeric>

namespace waymark::renderers {

namespace {

constexpr float body_size = 9.0f;
constexpr float pad = 3.5f;
constexpr float line_height_factor = 1.28f;
constexpr float writing_line = 18.0f;
constexpr uint32_t header_fill = 0xDDE3EA;
constexpr uint32_t footer_fill = 0xEFEFEF;
constexpr uint32_t notice_fill = 0xFFF4CC;
constexpr uint32_t notice_rule = 0xB8860B;
constexpr uint32_t link_ink = 0x1F4E9A;
constexpr uint32_t muted_ink = 0x555555;

float line_height(const text_style &s) { return s.size * line_height_factor; }

uint32_t ink_on(uint32_t fill) { return reports::needs_light_text(fill) ? 0xFFFFFF : ink; }

std::size_t utf8_length(const std::string &text, std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    const std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    return std::min(n, text.size() - at);
}

// "2026-11-22T14:05:00Z" -> "22/11/2026 14:05"; "2026-11-22" -> "22/11/2026".
std::string joined(const std::vector<std::string> &parts, const std::string &separator) {
    std::string out;
    for (const auto &p : parts) out += (out.empty() ? "" : separator) + p;
    return out;
}

// The band code printed in a coloured cell unless the text already says it.
std::string band_tag(const reports::grid_cell &c) {
    if (!c.cell_band || c.text.empty() || c.text == c.cell_band->code || c.text == c.cell_band->label) return "";
    return c.cell_band->code;
}

const text_style tag_style{6.5f, true, ink};

}  // namespace

pdf_flow::pdf_flow(pdf_canvas &canvas, const reports::document &doc)
    : canvas_(canvas), doc_(doc), landscape_(doc.page_orientation == reports::orientation::landscape) {
    new_page();
}

void pdf_flow::new_page() {
    if (column_ + 1 < columns_) {
        ++column_;
        y_ = column_top_;
        return;
    }
    canvas_.add_page(landscape_);
    column_ = 0;
    y_ = column_top_ = margin + header_space - 20.0f;
}

void pdf_flow::set_columns(int count) {
    if (count == 1 && columns_ > 1) {
        columns_ = 1;
        column_ = 0;
        new_page();
        return;
    }
    columns_ = count;
    column_ = 0;
    column_top_ = y_;
}

bool pdf_flow::at_top() const { return y_ <= column_top_; }

void pdf_flow::need(float height) {
    if (y_ + height > canvas_.height() - margin - footer_space + 20.0f && !at_top()) new_page();
}

std::vector<std::string> pdf_flow::wrap(const std::string &text, float width, const text_style &style) const {
    std::vector<std::string> lines;
    std::string line;
    std::size_t at = 0;
    const auto fits = [&](const std::string &candidate) { return canvas_.text_width(candidate, style) <= width; };
    while (at <= text.size()) {
        const std::size_t end = std::min(text.find_first_of(" \n", at), text.size());
        std::string word = text.substr(at, end - at);
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (fits(candidate)) {
            line = candidate;
        } else {
            if (!line.empty()) lines.push_back(line);
            line.clear();
            // A word wider than the column is cut between characters, never mid-character.
            while (!fits(word)) {
                std::size_t cut = 0;
                while (cut < word.size() && fits(word.substr(0, cut + utf8_length(word, cut)))) cut += utf8_length(word, cut);
                if (cut == 0) cut = utf8_length(word, 0);
                lines.push_back(word.substr(0, cut));
                word.erase(0, cut);
            }
            line = word;
        }
        if (end < text.size() && text[end] == '\n') {
            lines.push_back(line);
            line.clear();
        }
        at = end + 1;
    }
    if (!line.empty() || lines.empty()) lines.push_back(line);
    return lines;
}

void pdf_flow::paragraph(const std::string &text, const text_style &style, float indent) {
    for (const std::string &l : wrap(text, width() - indent, style)) {
        need(line_height(style));
        advance(line_height(style));
        canvas_.text(left() + indent, y_ - style.size * 0.28f, l, style);
    }
    advance(style.size * 0.6f);
}

void pdf_flow::title_block() {
    paragraph(doc_.title, text_style{18.0f, true, ink});
    paragraph(doc_.school, text_style{11.0f, false, muted_ink});
    reports::key_values meta;
    meta.items.push_back({"What it counts", doc_.counts});
    meta.items.push_back({"Filters", doc_.filters.empty() ? "None" : joined(doc_.filters, " · ")});
    meta.items.push_back({doc_.schemes.size() > 1 ? "Schemes" : "Scheme",
                          doc_.schemes.empty() ? "None" : joined(doc_.schemes, ", ")});
    meta.items.push_back({"Data as of", reports::uk_date(doc_.as_of)});
    meta.items.push_back({"Generated", reports::uk_date(doc_.generated)});
    meta.items.push_back({"Pupils excluded", doc_.excluded_pupils == 0 ? "None"
                                                                       : std::to_string(doc_.excluded_pupils) +
                                                                             " (Include in Data is set to No)"});
    key_values(meta);
    if (doc_.excluded_pupils > 0) {
        notice(std::to_string(doc_.excluded_pupils) + (doc_.excluded_pupils == 1 ? " pupil is" : " pupils are") +
               " left out of these figures because Include in Data is set to No.");
    }
    advance(6.0f);
}

void pdf_flow::heading(const reports::heading &h) {
    static constexpr float sizes[] = {15.0f, 12.5f, 10.5f};
    const text_style style{sizes[h.level - 1], true, h.level == 1 ? 0x12355B : ink};
    // Keep a heading with at least a few lines of what follows it.
    need(line_height(style) + 60.0f);
    advance(style.size * 0.5f);
    paragraph(h.text, style);
    if (h.level == 1) {
        canvas_.line({left(), y_ - 4.0f}, {right(), y_ - 4.0f}, 0x12355B, 0.8f);
        advance(3.0f);
    }
}

void pdf_flow::notice(const std::string &text) {
    const text_style style{body_size, true, ink};
    const std::vector<std::string> lines = wrap(text, width() - 4 * pad - 14.0f, style);
    const float h = static_cast<float>(lines.size()) * line_height(style) + 2 * pad;
    need(h + 6.0f);
    canvas_.fill_rect(left(), y_, width(), h, notice_fill);
    canvas_.fill_rect(left(), y_, 3.0f, h, notice_rule);
    canvas_.text(left() + 2 * pad + 1.0f, y_ + pad + style.size, "!", text_style{body_size + 1.0f, true, notice_rule});
    float baseline = y_ + pad + style.size;
    for (const std::string &l : lines) {
        canvas_.text(left() + 2 * pad + 12.0f, baseline, l, style);
        baseline += line_height(style);
    }
    advance(h + 8.0f);
}

void pdf_flow::key_values(const reports::key_values &k) {
    const text_style key_style{body_size, true, muted_ink};
    const text_style value_style{body_size, false, ink};
    float key_width = 0;
    for (const auto &item : k.items) key_width = std::max(key_width, canvas_.text_width(item.key, key_style));
    key_width = std::min(key_width + 12.0f, width() * 0.35f);
    for (const auto &item : k.items) {
        const auto keys = wrap(item.key, key_width - 8.0f, key_style);
        const auto values = wrap(item.value, width() - key_width, value_style);
        const float h = static_cast<float>(std::max(keys.size(), values.size())) * line_height(value_style);
        need(h);
        float baseline = y_ + body_size;
        for (const auto &l : keys) canvas_.text(left(), baseline, l, key_style), baseline += line_height(key_style);
        baseline = y_ + body_size;
        for (const auto &l : values) {
            canvas_.text(left() + key_width, baseline, l, value_style);
            baseline += line_height(value_style);
        }
        advance(h + 1.5f);
    }
    advance(6.0f);
}

pdf_flow::laid_row pdf_flow::lay_out(const reports::grid_row &r, const std::vector<float> &xs, bool heading) const {
    laid_row out{{}, 0.0f, heading};
    std::size_t column = 0;
    for (const reports::grid_cell &c : r) {
        const std::size_t last = std::min(column + c.span, xs.size() - 1);
        const float x = xs[column];
        const float w = xs[last] - x;
        const text_style style{body_size, heading || c.row_heading, ink};
        const std::string tag = band_tag(c);
        const float reserved = tag.empty() ? 0.0f : canvas_.text_width(tag, tag_style) + 3.0f;
        const std::string shown = c.text.empty() && c.cell_band ? c.cell_band->code : c.text;
        std::vector<std::string> lines = wrap(shown, w - 2 * pad - reserved, style);
        out.height = std::max(out.height, static_cast<float>(lines.size()) * line_height(style) + 2 * pad);
        out.cells.push_back(laid_cell{&c, x, w, std::move(lines)});
        column = last;
    }
    return out;
}

void pdf_flow::draw(const laid_row &r) {
    for (const laid_cell &lc : r.cells) {
        const reports::grid_cell &c = *lc.cell;
        uint32_t fill = r.heading ? header_fill : 0xFFFFFF;
        if (c.cell_band) fill = c.cell_band->colour_rgb;
        if (fill != 0xFFFFFF) canvas_.fill_rect(lc.x, y_, lc.w, r.height, fill);
        canvas_.stroke_rect(lc.x, y_, lc.w, r.height, rule_grey, 0.4f);
        const bool drill_down = !c.pupils.empty();
        const text_style style{body_size, r.heading || c.row_heading, drill_down && fill == 0xFFFFFF ? link_ink : ink_on(fill)};
        const std::string tag = band_tag(c);
        const float reserved = tag.empty() ? 0.0f : canvas_.text_width(tag, tag_style) + 3.0f;
        float baseline = y_ + pad + body_size * 0.95f;
        for (const std::string &l : lc.lines) {
            const float tw = canvas_.text_width(l, style);
            float x = lc.x + pad;
            if (c.align == reports::alignment::right) x = lc.x + lc.w - pad - reserved - tw;
            if (c.align == reports::alignment::centre) x = lc.x + (lc.w - reserved - tw) / 2.0f;
            canvas_.text(x, baseline, l, style);
            if (drill_down) canvas_.line({x, baseline + 1.5f}, {x + tw, baseline + 1.5f}, style.colour, 0.5f);
            baseline += line_height(style);
        }
        if (!tag.empty()) {
            const text_style s{tag_style.size, true, ink_on(fill)};
            canvas_.text(lc.x + lc.w - pad - canvas_.text_width(tag, s), y_ + pad + s.size * 0.9f, tag, s);
        }
        if (drill_down) link_to_list(lc.x, y_, lc.w, r.height, c.pupils);
    }
    advance(r.height);
}

void pdf_flow::grid_title(const std::string &title, bool continued) {
    const text_style style{10.5f, true, ink};
    for (const std::string &l : wrap(continued ? title + " (continued)" : title, width(), style)) {
        advance(line_height(style));
        canvas_.text(left(), y_ - 3.0f, l, style);
    }
    advance(3.0f);
}

void pdf_flow::grid(const reports::grid &g, const std::string &appendix_id) {
    const float total = std::accumulate(g.widths.begin(), g.widths.end(), 0.0f,
                                        [](float sum, double w) { return sum + static_cast<float>(w); });
    // Column edges and laid-out headings belong to the page column the grid is on: they are worked
    // out again whenever the grid moves to a new column or page.
    std::vector<float> xs;
    std::vector<laid_row> headers;
    float header_height = 0;
    const auto place = [&] {
        xs.assign(1, left());
        for (double w : g.widths) xs.push_back(xs.back() + static_cast<float>(w) / total * width());
        headers.clear();
        header_height = 0;
        for (const auto &r : g.header_rows) {
            headers.push_back(lay_out(r, xs, true));
            header_height += headers.back().height;
        }
    };
    const auto start_part = [&](bool continued) {
        place();
        grid_title(g.title, continued);
        for (const laid_row &h : headers) draw(h);
    };
    place();
    const float first_row = g.body_rows.empty() ? 0.0f : lay_out(g.body_rows.front(), xs, false).height;
    need(24.0f + header_height + first_row);
    if (!appendix_id.empty()) lists_[appendix_id] = list_place{canvas_.current_page(), y_};
    start_part(false);
    const float bottom = canvas_.height() - margin - footer_space + 20.0f;
    const auto body = [&](const reports::grid_row &r, bool statistics) {
        laid_row laid = lay_out(r, xs, false);
        if (y_ + laid.height > bottom) {
            new_page();
            start_part(true);
            laid = lay_out(r, xs, false);
        }
        if (statistics) {
            for (auto &c : laid.cells) {
                if (!c.cell->cell_band) canvas_.fill_rect(c.x, y_, c.w, laid.height, footer_fill);
            }
        }
        draw(laid);
    };
    for (const auto &r : g.body_rows) body(r, false);
    if (!g.footer_rows.empty()) canvas_.line({left(), y_}, {right(), y_}, ink, 1.2f);
    for (const auto &r : g.footer_rows) body(r, true);
    if (g.body_rows.empty()) paragraph("No pupils.", text_style{body_size, false, muted_ink});
    advance(10.0f);
}

void pdf_flow::form(const reports::form &f) {
    const std::size_t answers = std::max<std::size_t>(f.answer_columns.size(), 1);
    const float label_width = width() * (answers == 1 ? 0.38f : 0.34f);
    const float answer_width = (width() - label_width) / static_cast<float>(answers);
    const text_style label_style{body_size, true, ink};
    const text_style answer_style{body_size, false, ink};
    const auto header = [&] {
        if (f.answer_columns.empty()) return;
        float h = 0;
        std::vector<std::vector<std::string>> lines;
        for (const auto &c : f.answer_columns) {
            lines.push_back(wrap(c, answer_width - 2 * pad, label_style));
            h = std::max(h, static_cast<float>(lines.back().size()) * line_height(label_style) + 2 * pad);
        }
        canvas_.fill_rect(left(), y_, width(), h, header_fill);
        canvas_.stroke_rect(left(), y_, width(), h, rule_grey, 0.4f);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            float baseline = y_ + pad + body_size;
            const float x = left() + label_width + answer_width * static_cast<float>(i);
            canvas_.line({x, y_}, {x, y_ + h}, rule_grey, 0.4f);
            for (const auto &l : lines[i]) canvas_.text(x + pad, baseline, l, label_style), baseline += line_height(label_style);
        }
        advance(h);
    };
    if (!f.title.empty()) {
        need(80.0f);
        grid_title(f.title, false);
    }
    header();
    for (const reports::form_field &field : f.fields) {
        const auto label_lines = wrap(field.label, label_width - 2 * pad, label_style);
        std::vector<std::vector<std::string>> answer_lines;
        float h = std::max(static_cast<float>(label_lines.size()) * line_height(label_style),
                           static_cast<float>(field.lines) * writing_line);
        for (const auto &a : field.answers) {
            answer_lines.push_back(wrap(a, answer_width - 2 * pad, answer_style));
            h = std::max(h, static_cast<float>(answer_lines.back().size()) * line_height(answer_style));
        }
        h += 2 * pad;
        if (y_ + h > canvas_.height() - margin - footer_space + 20.0f) {
            new_page();
            if (!f.title.empty()) grid_title(f.title, true);
            header();
        }
        canvas_.fill_rect(left(), y_, label_width, h, 0xF5F5F5);
        canvas_.stroke_rect(left(), y_, width(), h, rule_grey, 0.4f);
        float baseline = y_ + pad + body_size;
        for (const auto &l : label_lines) canvas_.text(left() + pad, baseline, l, label_style), baseline += line_height(label_style);
        for (std::size_t i = 0; i < answers; ++i) {
            const float x = left() + label_width + answer_width * static_cast<float>(i);
            canvas_.line({x, y_}, {x, y_ + h}, rule_grey, 0.4f);
            if (i < answer_lines.size()) {
                baseline = y_ + pad + body_size;
                for (const auto &l : answer_lines[i]) canvas_.text(x + pad, baseline, l, answer_style), baseline += line_height(answer_style);
            } else {
                // Blank writing lines for a printed form.
                for (float line_y = y_ + pad + writing_line; line_y <= y_ + h - pad + 0.5f; line_y += writing_line) {
                    canvas_.line({x + pad, line_y}, {x + answer_width - pad, line_y}, 0xC8C8C8, 0.4f, true);
                }
            }
        }
        advance(h);
    }
    advance(10.0f);
}

void pdf_flow::header_and_footer(std::size_t page) {
    canvas_.select_page(page);
    const float page_left = margin;
    const float page_right = canvas_.width() - margin;
    const text_style header_style{8.0f, true, muted_ink};
    const text_style footer_style{7.5f, false, muted_ink};
    const float top = 26.0f;
    canvas_.text(page_left, top, doc_.school, header_style);
    const std::string title = doc_.title;
    canvas_.text(page_right - canvas_.text_width(title, header_style), top, title, header_style);
    canvas_.line({page_left, top + 5.0f}, {page_right, top + 5.0f}, rule_grey, 0.5f);
    const float bottom = canvas_.height() - 22.0f;
    canvas_.line({page_left, bottom - 10.0f}, {page_right, bottom - 10.0f}, rule_grey, 0.5f);
    canvas_.text(page_left, bottom, "Generated " + reports::uk_date(doc_.generated) + " · data as of " + reports::uk_date(doc_.as_of),
                 footer_style);
    const std::string number = "Page " + std::to_string(page + 1) + " of " + std::to_string(canvas_.page_count());
    canvas_.text(page_right - canvas_.text_width(number, footer_style), bottom, number, footer_style);
}

void pdf_flow::link_to_list(float x, float top, float w, float h, const std::string &list_id) {
    links_.push_back({canvas_.current_page(), x, top, w, h, list_id});
}

void pdf_flow::finish() {
    for (const pending_link &l : links_) {
        const auto target = lists_.find(l.list_id);
        if (target == lists_.end()) continue;
        canvas_.select_page(l.page);
        canvas_.link(l.x, l.top, l.w, l.h, target->second.page, target->second.top);
    }
    for (std::size_t page = 0; page < canvas_.page_count(); ++page) header_and_footer(page);
}

}  // namespace waymark::renderers
