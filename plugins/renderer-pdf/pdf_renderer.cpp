#include "pdf_renderer.hpp"

#include "pdf_figures.hpp"
#include "pdf_flow.hpp"

#include "reports/renderer_input.hpp"
#include "reports/grid.hpp"

#include <algorithm>

namespace waymark::renderers {

pdf_renderer::pdf_renderer(const waymark::plugin_args &args)
    : font_file_(find_font(args.config)), code_page_font_file_(code_page_font(font_file_, args.config)) {}

namespace {

void draw(const reports::document &doc, pdf_canvas &canvas) {
    canvas.set_info(doc.title, doc.school);
    pdf_flow flow(canvas, doc);
    flow.title_block();
    for (std::size_t index = 0; index < doc.blocks.size(); ++index) {
        const reports::block &b = doc.blocks[index];
        const bool last = index + 1 == doc.blocks.size();
        if (const auto *h = std::get_if<reports::heading>(&b)) flow.heading(*h);
        if (const auto *p = std::get_if<reports::paragraph>(&b)) {
            if (p->notice) {
                flow.notice(p->text);
            } else {
                flow.paragraph(p->text, text_style{9.5f, false, ink});
            }
        }
        if (const auto *k = std::get_if<reports::key_values>(&b)) flow.key_values(*k);
        if (const auto *t = std::get_if<reports::table>(&b)) flow.grid(reports::as_grid(*t));
        if (const auto *m = std::get_if<reports::matrix>(&b)) flow.grid(reports::as_grid(*m));
        if (const auto *v = std::get_if<reports::venn>(&b)) draw_venn(flow, *v);
        if (const auto *c = std::get_if<reports::chart>(&b)) draw_chart(flow, *c);
        if (const auto *f = std::get_if<reports::form>(&b)) flow.form(*f);
        if (const auto *lists = std::get_if<reports::pupil_lists>(&b)) {
            // Drill-down lists are an appendix: they start on a page of their own.
            if (!flow.at_top()) flow.new_page();
            flow.heading(reports::heading{lists->title, 1});
            // Lists of a name and a few judgements are narrow: two to a page halves the appendix.
            const bool narrow = std::all_of(lists->lists.begin(), lists->lists.end(),
                                            [](const reports::pupil_list &l) { return l.columns.size() <= 3; });
            flow.set_columns(narrow ? 2 : 1);
            for (const reports::pupil_list &list : lists->lists) flow.grid(reports::as_grid(list), list.id);
            if (!last) flow.set_columns(1);
        }
        if (std::holds_alternative<reports::page_break>(b) && !flow.at_top()) flow.new_page();
    }
    flow.finish();
}

}  // namespace

void pdf_renderer::render(std::string_view document,
                          const std::function<void(const uint8_t *, uint64_t)> &write) const {
    const reports::document doc = reports::read_for_rendering(document);
    // A matrix's headings carry arrows (as_grid), which no code page holds.
    const bool draws_arrows = std::any_of(doc.blocks.begin(), doc.blocks.end(),
                                          [](const reports::block &b) { return std::holds_alternative<reports::matrix>(b); });
    const std::string encoding = draws_arrows ? std::string(unicode) : encoding_for(document);
    pdf_canvas canvas(encoding == unicode ? font_file_ : code_page_font_file_, encoding);
    draw(doc, canvas);
    canvas.save(write);
}

}  // namespace waymark::renderers
