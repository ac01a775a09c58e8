// The CSV renderer through the host: UTF-8 with a byte order mark, RFC 4180 (read back with libcsv
// in strict mode), every table, matrix, Venn, chart and drill-down list after its title line.
#include "rendered_fixture.hpp"

#include "reports/document_json.hpp"

#include <csv.h>
#include <gmock/gmock.h>

#include <vector>

namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using waymark::testing::fixture_document;

using record = std::vector<std::string>;

// Parses CSV text with libcsv (strict: a stray quote is an error) into records.
std::vector<record> parsed(const std::string &text) {
    struct state {
        std::vector<record> records;
        record current;
    } s;
    csv_parser parser;
    csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI);
    const auto on_field = [](void *field, size_t length, void *data) {
        static_cast<state *>(data)->current.emplace_back(static_cast<const char *>(field), length);
    };
    const auto on_record = [](int, void *data) {
        auto *st = static_cast<state *>(data);
        st->records.push_back(std::move(st->current));
        st->current.clear();
    };
    const bool ok = csv_parse(&parser, text.data(), text.size(), on_field, on_record, &s) == text.size() &&
                    csv_fini(&parser, on_field, on_record, &s) == 0;
    csv_free(&parser);
    if (!ok) ADD_FAILURE() << "libcsv refused the file: " << csv_strerror(csv_error(&parser));
    return s.records;
}

class csv_renderer_test : public waymark::testing::renderer_test {};

TEST_F(csv_renderer_test, starts_with_a_byte_order_mark_and_uses_crlf) {
    const std::string csv = render("csv", fixture_document("matrix_landscape.json"));
    EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_THAT(csv, HasSubstr("\r\n\r\nKS1 reading against Autumn 2026 reading\r\n"));
    EXPECT_EQ(csv.find("\n\n"), std::string::npos);
}

TEST_F(csv_renderer_test, reads_back_with_the_report_description_first) {
    const std::string csv = render("csv", fixture_document("full_report.json"));
    const auto records = parsed(csv.substr(3));
    ASSERT_GE(records.size(), 8u);
    EXPECT_THAT(records[0], ElementsAre("Full report: Year 4, Summer term 2026"));
    EXPECT_THAT(records[1], ElementsAre("School", "Brontë Street Primary School"));
    EXPECT_THAT(records, ::testing::Contains(ElementsAre("Pupils excluded (Include in Data is No)", "2")));
    EXPECT_THAT(records, ::testing::Contains(ElementsAre("Filter", "All classes")));
}

TEST_F(csv_renderer_test, every_table_comes_after_its_title_with_spans_as_empty_fields) {
    const auto records = parsed(render("csv", fixture_document("full_report.json")).substr(3));
    const auto at = [&](const std::string &title) {
        return std::find_if(records.begin(), records.end(), [&](const record &r) { return r == record{title}; });
    };
    const auto table = at("Pupils and their latest judgements");
    ASSERT_NE(table, records.end());
    EXPECT_THAT(*(table + 1), ElementsAre("", "", "Summer term 2026", "", "", "Test"));
    EXPECT_THAT(*(table + 2), ElementsAre("Pupil", "Class", "Reading", "Writing", "Maths", "Reading age (months)"));
    EXPECT_THAT(records, Contains(ElementsAre("ŁUKASZ-BRONTË, Zoë", "Red Kites", "On track", "On track", "On track", "103")));
    for (const char *title : {"Summary by subject", "Reading: Autumn 2025 against Summer 2026",
                              "On track or deeper in reading, writing and maths", "% on track or deeper, term by term",
                              "Reading: Below", "Below in Autumn, On track in Summer (Reading)"}) {
        EXPECT_NE(at(title), records.end()) << title;
    }
    const auto venn = at("On track or deeper in reading, writing and maths");
    EXPECT_THAT(*(venn + 1), ElementsAre("Pupils in", "Pupils", "%"));
    EXPECT_EQ((*(venn + 2))[0], "All three");
    // The eight regions, then the total they add up to, then the pupils kept apart from it.
    EXPECT_THAT(*(venn + 10), ElementsAre("Pupils counted", "90", ""));
    EXPECT_THAT(*(venn + 11), ElementsAre("No judgement in at least one subject", "2", ""));
}

TEST_F(csv_renderer_test, quotes_commas_and_quotes_and_disarms_formulas) {
    const std::string csv = render("csv", fixture_document("matrix_landscape.json"));
    EXPECT_THAT(csv, HasSubstr("\"SMITH, \"\"Bo\"\", Jo\",WTS,Below\r\n"));
    const auto records = parsed(csv.substr(3));
    EXPECT_THAT(records, ::testing::Contains(ElementsAre("SMITH, \"Bo\", Jo", "WTS", "Below")));
}

TEST_F(csv_renderer_test, disarms_text_a_spreadsheet_would_run_as_a_formula_but_keeps_numbers) {
    namespace r = waymark::reports;
    r::document doc{"Formulas", "School", "test", "Nothing", {}, "2026-11-22T10:00:00Z", "2026-11-22", {}, 0,
                    r::orientation::portrait, {}};
    r::table t;
    t.title = "Cells";
    t.columns = {r::column{"Text", r::column_type::text, 1.0}, r::column{"Change", r::column_type::number, 1.0}};
    t.rows = {{r::cell{"=HYPERLINK(\"http://x\")", {}, {}, "", 1}, r::cell{"-3", -3.0, {}, "", 1}},
              {r::cell{"@SUM(A1)", {}, {}, "", 1}, r::cell{"+2.5", 2.5, {}, "", 1}}};
    doc.blocks.push_back(t);
    const std::string csv = render("csv", r::to_json(doc));
    EXPECT_THAT(csv, HasSubstr("\r\n\"'=HYPERLINK(\"\"http://x\"\")\",-3\r\n"));
    EXPECT_THAT(csv, HasSubstr("\r\n'@SUM(A1),+2.5\r\n"));
}

}  // namespace

namespace {

// Renderers check the document themselves too (a host of another make may not): through the C
// table, a malformed document is WAYMARK_ERROR_INVALID_INPUT with the sentence naming its JSON path.
TEST_F(csv_renderer_test, the_plugin_itself_refuses_a_malformed_document_as_invalid_input) {
    for (const char *id : {"org.waymark.renderer.csv", "org.waymark.renderer.xlsx", "org.waymark.renderer.pdf"}) {
        const auto plugin = plugins_->create(id);
        const auto table = plugin.interface<waymark_renderer>(WAYMARK_KIND_RENDERER);
        ASSERT_TRUE(table) << id;
        const std::string broken = "{\"schema\": \"waymark.report/1\", \"title\": 7}";
        char text[1024] = "";
        waymark_message message{text, sizeof text};
        const auto discard = [](void *, const uint8_t *, uint64_t) -> waymark_status { return WAYMARK_OK; };
        EXPECT_EQ(table->render(plugin.raw(), broken.data(), broken.size(), discard, nullptr, &message),
                  WAYMARK_ERROR_INVALID_INPUT) << id;
        EXPECT_STREQ(text, "The report document is not valid at $.title: expected a string, found number.") << id;
    }
}

}  // namespace
