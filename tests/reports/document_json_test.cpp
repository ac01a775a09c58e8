// JSON both ways: a built document survives the round trip, the fixtures parse, and every kind of
// malformed input is one sentence naming its JSON path.
#include "sample_document.hpp"

#include "reports/document_json.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace r = waymark::reports;
using ::testing::HasSubstr;
using waymark::testing::sample_document;

std::string fixture(const std::string &name) {
    std::ifstream in(std::filesystem::path(WAYMARK_SOURCE_DIR) / "tests/reports/fixtures" / name, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string refusal(const std::string &json) {
    try {
        r::parse_document(json);
    } catch (const r::document_error &e) {
        return e.what();
    }
    return "accepted";
}

// The sample as JSON with `from` replaced by `to` (once).
std::string edited(const std::string &from, const std::string &to) {
    std::string json = r::to_json(sample_document());
    const auto at = json.find(from);
    if (at == std::string::npos) throw std::logic_error("not in the sample: " + from);
    return json.replace(at, from.size(), to);
}

TEST(document_json, round_trips_every_block_unchanged) {
    const std::string json = r::to_json(sample_document());
    const r::document back = r::parse_document(json);
    EXPECT_EQ(r::to_json(back), json);
    EXPECT_EQ(back.school, "Brontë Street Primary School");
    EXPECT_EQ(back.page_orientation, r::orientation::landscape);
    ASSERT_EQ(back.blocks.size(), 10u);
    const auto &t = std::get<r::table>(back.blocks[3]);
    ASSERT_TRUE(t.rows[0][1].cell_band);
    EXPECT_EQ(t.rows[0][1].cell_band->colour_rgb, 0xE8857Au);
    EXPECT_EQ(t.rows[0][1].pupils, "reading-below");
    EXPECT_EQ(t.header_rows[0][0].span, 2u);
    EXPECT_FALSE(std::get<r::chart>(back.blocks[6]).series[0].values[1].has_value());
}

TEST(document_json, writes_the_schema_and_readable_colours) {
    const std::string json = r::to_json(sample_document());
    EXPECT_THAT(json, HasSubstr("\"schema\":\"waymark.report/1\""));
    EXPECT_THAT(json, HasSubstr("\"colour\":\"#E8857A\""));
    EXPECT_THAT(json, HasSubstr("\"in\":[0,1,2]"));
    EXPECT_THAT(json, HasSubstr("\"type\":\"page_break\""));
}

TEST(document_json, to_json_refuses_a_malformed_document) {
    auto doc = sample_document();
    doc.title.clear();
    EXPECT_THROW(r::to_json(doc), r::document_error);
}

TEST(document_json, the_fixtures_are_well_formed) {
    for (const char *name : {"full_report.json", "matrix_landscape.json"}) {
        EXPECT_NO_THROW(r::parse_document(fixture(name))) << name;
    }
}

TEST(document_json, not_json_names_line_and_column) {
    EXPECT_THAT(refusal("{\n  \"schema\": ,\n}"), HasSubstr("The report document is not valid at $: it is not JSON (parse error at line 2, column 13"));
}

TEST(document_json, another_schema_is_refused) {
    EXPECT_EQ(refusal(edited("waymark.report/1", "waymark.report/2")),
              "The report document is not valid at $.schema: this renderer reads \"waymark.report/1\" and "
              "\"waymark.report/1.1\", not \"waymark.report/2\".");
}

// The sample with its Venn's pupils without a judgement counted apart (schema 1.1).
r::document with_unjudged() {
    r::document doc = sample_document();
    for (auto &b : doc.blocks)
        if (auto *v = std::get_if<r::venn>(&b)) v->unjudged = r::venn_unjudged{"No judgement in at least one subject", 1, "reading-below"};
    return doc;
}

TEST(document_json, the_venns_unjudged_pupils_round_trip_as_schema_1_1) {
    const std::string json = r::to_json(with_unjudged());
    EXPECT_THAT(json, HasSubstr("\"schema\":\"waymark.report/1.1\""));
    EXPECT_THAT(json, HasSubstr("\"unjudged\":{\"label\":\"No judgement in at least one subject\",\"count\":1,\"pupils\":\"reading-below\"}"));
    const r::document back = r::parse_document(json);
    EXPECT_EQ(r::to_json(back), json);
    const auto &v = std::get<r::venn>(back.blocks[5]);
    ASSERT_TRUE(v.unjudged.has_value());
    EXPECT_EQ(v.unjudged->count, 1);
    EXPECT_EQ(v.unjudged->pupils, "reading-below");
}

TEST(document_json, a_1_0_document_stays_1_0_and_may_not_use_the_1_1_member) {
    EXPECT_THAT(r::to_json(sample_document()), HasSubstr("\"schema\":\"waymark.report/1\""));
    std::string json = r::to_json(with_unjudged());
    json.replace(json.find("waymark.report/1.1"), 18, "waymark.report/1");
    EXPECT_EQ(refusal(json), "The report document is not valid at $.blocks[5].unjudged: the Venn's unjudged pupils need the "
                             "schema \"waymark.report/1.1\".");
}

TEST(document_json, the_unjudged_count_is_checked_like_a_region) {
    std::string json = r::to_json(with_unjudged());
    const std::string from = "\"count\":1,\"pupils\":\"reading-below\"}";
    json.replace(json.find(from), from.size(), "\"count\":-1,\"pupils\":\"nobody\"}");
    EXPECT_THAT(refusal(json), HasSubstr("at $.blocks[5].unjudged.count: a count cannot be negative."));
}

TEST(document_json, a_missing_member_is_named_with_its_parent) {
    EXPECT_EQ(refusal(edited("\"counts\":\"Pupils in Year 1 by band\",", "")),
              "The report document is not valid at $: the member 'counts' is missing.");
}

TEST(document_json, a_wrong_type_names_the_path) {
    EXPECT_EQ(refusal(edited("\"excluded_pupils\":1", "\"excluded_pupils\":\"1\"")),
              "The report document is not valid at $.excluded_pupils: expected a whole number, found string.");
    EXPECT_THAT(refusal(edited("\"count\":1,", "\"count\":1.5,")),
                HasSubstr("at $.blocks[4].cells[0][0].count: expected a whole number, found number."));
}

TEST(document_json, a_misspelt_member_is_refused_not_ignored) {
    EXPECT_EQ(refusal(edited("\"label\":\"Below\"}", "\"lable\":\"Below\"}")),
              "The report document is not valid at $.blocks[3].rows[0][1].band.lable: the schema has no member 'lable' here; "
              "check its spelling.");
}

TEST(document_json, unknown_block_types_and_bad_values_list_the_choices) {
    EXPECT_THAT(refusal(edited("\"type\":\"venn\"", "\"type\":\"pie\"")),
                HasSubstr("at $.blocks[5].type: there is no block type 'pie'; use heading, paragraph"));
    EXPECT_THAT(refusal(edited("\"landscape\"", "\"sideways\"")),
                HasSubstr("at $.orientation: the page orientation is portrait or landscape, not 'sideways'."));
    EXPECT_THAT(refusal(edited("#E8857A", "red")), HasSubstr("at $.blocks[3].rows[0][1].band.colour: a colour is written #RRGGBB"));
    EXPECT_THAT(refusal(edited("\"type\":\"integer\"", "\"type\":\"money\"")),
                HasSubstr("at $.blocks[3].columns[1].type: a column type is text, integer, number, percent or grade, not 'money'."));
}

TEST(document_json, validation_problems_use_the_same_paths) {
    EXPECT_THAT(refusal(edited("\"pupils\":\"reading-below\"", "\"pupils\":\"nobody\"")),
                HasSubstr("at $.blocks[3].rows[0][1].pupils: no pupil list has the id 'nobody'"));
}

}  // namespace
