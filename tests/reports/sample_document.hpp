// A small but complete document built with the typed structs, for the model's own tests.
#pragma once

#include "reports/document.hpp"

namespace waymark::testing {

inline reports::document sample_document() {
    namespace r = reports;
    r::document doc;
    doc.title = "Full report";
    doc.school = "Brontë Street Primary School";
    doc.kind = "full_report";
    doc.counts = "Pupils in Year 1 by band";
    doc.filters = {"Year 1", "Autumn 2026"};
    doc.generated = "2026-11-22T14:05:00Z";
    doc.as_of = "2026-11-22";
    doc.schemes = {"Lancashire four-band"};
    doc.excluded_pupils = 1;
    doc.page_orientation = r::orientation::landscape;

    r::table t;
    t.title = "By subject";
    t.columns = {r::column{"Subject", r::column_type::text, 2.0}, r::column{"Below", r::column_type::integer, 1.0}};
    t.header_rows = {{r::cell{"Autumn 2026", {}, {}, "", 2}}};
    t.rows = {{r::cell{"Reading", {}, {}, "", 1},
               r::cell{"1 (50%)", 1.0, r::band{"B", "Below", 0xE8857A}, "reading-below", 1}}};
    t.footer_rows = {{r::cell{"Pupils", {}, {}, "", 1}, r::cell{"2", 2.0, {}, "", 1}}};

    r::matrix m;
    m.title = "Reading";
    m.row_title = "Summer";
    m.column_title = "Autumn";
    m.rows = {r::matrix_heading{"Below", {}, false}, r::matrix_heading{"No data", {}, true}};
    m.columns = {r::matrix_heading{"Below", r::band{"B", "", 0xE8857A}, false}};
    m.cells = {{r::matrix_cell{1, 50.0, {}, "reading-below"}}, {r::matrix_cell{1, 50.0, {}, ""}}};

    r::venn v;
    v.title = "On track";
    v.sets = {"Reading", "Writing", "Maths"};
    v.total = 2;
    for (int mask = 7; mask >= 0; --mask) {
        v.regions.push_back(r::venn_region{{(mask & 1) != 0, (mask & 2) != 0, (mask & 4) != 0}, mask == 7 ? 2 : 0,
                                           mask == 7 ? 100.0 : 0.0, ""});
    }

    r::chart c;
    c.title = "Trend";
    c.kind = r::chart_kind::bar;
    c.categories = {"Autumn", "Spring"};
    c.series = {r::chart_series{"Reading", {50.0, std::nullopt}, 0x1F5FA8}};
    c.y_max = 100.0;

    r::pupil_lists lists;
    lists.title = "Appendix";
    lists.lists = {r::pupil_list{"reading-below", "Reading: Below", {"Reading"}, {{"ŁUKASZ-BRONTË, Zoë", {"Below"}}}}};

    r::form f;
    f.title = "Discussion";
    f.answer_columns = {"Notes", "Next steps"};
    f.fields = {r::form_field{"General comments", {}, 3}, r::form_field{"Concerns", {"None", "Review"}, 1}};

    doc.blocks = {r::heading{"Attainment", 1}, r::paragraph{"Include in Data is No for 1 pupil.", true},
                  r::key_values{{{"Teacher", "Siobhán O'Neill"}}}, t, m, v, c, r::page_break{}, f, lists};
    return doc;
}

}  // namespace waymark::testing
