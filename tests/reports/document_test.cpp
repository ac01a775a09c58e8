// validate(): each rule a builder can break is refused with the JSON path of the problem.
#include "sample_document.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

namespace r = waymark::reports;
using ::testing::HasSubstr;
using waymark::testing::sample_document;

template <class Block>
Block &block_of(r::document &doc) {
    for (auto &b : doc.blocks) {
        if (auto *typed = std::get_if<Block>(&b)) return *typed;
    }
    throw std::logic_error("the sample has no such block");
}

std::string refusal(const r::document &doc) {
    try {
        r::validate(doc);
    } catch (const r::document_error &e) {
        return e.what();
    }
    return "accepted";
}

TEST(validate, accepts_the_sample) { EXPECT_NO_THROW(r::validate(sample_document())); }

TEST(validate, names_an_empty_required_text) {
    auto doc = sample_document();
    doc.school.clear();
    EXPECT_EQ(refusal(doc), "The report document is not valid at $.school: it must not be empty.");
}

TEST(validate, wants_iso_dates) {
    auto doc = sample_document();
    doc.as_of = "22/11/2026";
    EXPECT_THAT(refusal(doc), HasSubstr("at $.as_of: give the date as YYYY-MM-DD"));
    doc = sample_document();
    doc.generated = "2026-11-22";
    EXPECT_THAT(refusal(doc), HasSubstr("at $.generated: give the date and time"));
}

TEST(validate, rows_must_cover_every_column_counting_spans) {
    auto doc = sample_document();
    block_of<r::table>(doc).rows[0].pop_back();
    EXPECT_EQ(refusal(doc), "The report document is not valid at $.blocks[3].rows[0]: the row covers 1 columns but the table has 2.");
    doc = sample_document();
    block_of<r::table>(doc).header_rows[0][0].span = 3;
    EXPECT_THAT(refusal(doc), HasSubstr("at $.blocks[3].header_rows[0]: the row covers 3 columns"));
    doc = sample_document();
    block_of<r::table>(doc).rows[0][0].span = 2;
    EXPECT_THAT(refusal(doc), HasSubstr("at $.blocks[3].rows[0][0].span: only header cells may span columns."));
}

TEST(validate, drill_down_references_must_name_a_list) {
    auto doc = sample_document();
    block_of<r::matrix>(doc).cells[0][0].pupils = "nobody";
    EXPECT_THAT(refusal(doc), HasSubstr("at $.blocks[4].cells[0][0].pupils: no pupil list has the id 'nobody'"));
    doc = sample_document();
    auto &lists = block_of<r::pupil_lists>(doc);
    lists.lists.push_back(lists.lists.front());
    EXPECT_THAT(refusal(doc), HasSubstr("at $.blocks[9].lists[1].id: the pupil list id 'reading-below' is used twice."));
}

TEST(validate, a_matrix_has_a_cell_per_row_and_column) {
    auto doc = sample_document();
    block_of<r::matrix>(doc).cells[1].push_back(r::matrix_cell{});
    EXPECT_THAT(refusal(doc), HasSubstr("at $.blocks[4].cells[1]: the row has 2 cells for 1 column headings."));
}

TEST(validate, a_venn_has_three_sets_and_each_of_the_eight_regions_once) {
    auto doc = sample_document();
    block_of<r::venn>(doc).regions.pop_back();
    EXPECT_THAT(refusal(doc), HasSubstr("at $.blocks[5].regions: give all eight regions"));
    doc = sample_document();
    auto &v = block_of<r::venn>(doc);
    v.regions[1].membership = v.regions[0].membership;
    EXPECT_THAT(refusal(doc), HasSubstr("at $.blocks[5].regions[1].in: this region is given twice."));
    doc = sample_document();
    block_of<r::venn>(doc).sets.pop_back();
    EXPECT_THAT(refusal(doc), HasSubstr("at $.blocks[5].sets: a Venn diagram has exactly three sets."));
}

TEST(validate, a_chart_has_a_value_or_null_per_category) {
    auto doc = sample_document();
    block_of<r::chart>(doc).series[0].values.pop_back();
    EXPECT_THAT(refusal(doc), HasSubstr("at $.blocks[6].series[0].values: give one value (or null) for each of the 2 categories."));
    doc = sample_document();
    block_of<r::chart>(doc).y_min = 100.0;
    EXPECT_THAT(refusal(doc), HasSubstr("at $.blocks[6].y_max: it must be above y_min."));
}

TEST(validate, form_answers_match_the_answer_columns) {
    auto doc = sample_document();
    block_of<r::form>(doc).fields[1].answers.pop_back();
    EXPECT_THAT(refusal(doc), HasSubstr("at $.blocks[8].fields[1].answers: give one answer per answer column (2)"));
}

TEST(validate, a_pupil_has_a_value_per_list_column) {
    auto doc = sample_document();
    block_of<r::pupil_lists>(doc).lists[0].pupils[0].values.clear();
    EXPECT_THAT(refusal(doc), HasSubstr("at $.blocks[9].lists[0].pupils[0].values: give one value for each of the 1 columns."));
}

TEST(validate, heading_levels_are_one_to_three) {
    auto doc = sample_document();
    block_of<r::heading>(doc).level = 4;
    EXPECT_THAT(refusal(doc), HasSubstr("at $.blocks[0].level: a heading level is 1, 2 or 3."));
}

}  // namespace
