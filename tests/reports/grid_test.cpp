// The grid view: the same rows and words for every renderer.
#include "sample_document.hpp"

#include "reports/grid.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

namespace r = waymark::reports;
using waymark::testing::sample_document;

std::vector<std::string> texts(const r::grid_row &row) {
    std::vector<std::string> out;
    for (const auto &c : row) out.push_back(c.text);
    return out;
}

TEST(percent_text, keeps_at_most_one_decimal_place) {
    EXPECT_EQ(r::percent_text(100.0), "100%");
    EXPECT_EQ(r::percent_text(12.25), "12.3%");
    EXPECT_EQ(r::percent_text(33.333), "33.3%");
    EXPECT_EQ(r::percent_text(0.04), "0%");
    EXPECT_EQ(r::count_text(3, 12.5), "3 (12.5%)");
    EXPECT_EQ(r::count_text(3, std::nullopt), "3");
}

TEST(grid, a_table_keeps_its_group_headings_above_the_column_labels) {
    const auto doc = sample_document();
    const r::grid g = r::as_grid(std::get<r::table>(doc.blocks[3]));
    ASSERT_EQ(g.header_rows.size(), 2u);
    EXPECT_EQ(g.header_rows[0][0].span, 2u);
    EXPECT_THAT(texts(g.header_rows[1]), ::testing::ElementsAre("Subject", "Below"));
    EXPECT_EQ(g.body_rows[0][1].align, r::alignment::right);
    EXPECT_EQ(g.body_rows[0][1].pupils, "reading-below");
    EXPECT_THAT(texts(g.footer_rows[0]), ::testing::ElementsAre("Pupils", "2"));
}

TEST(grid, a_matrix_has_its_row_labels_first_and_counts_with_percentages) {
    const auto doc = sample_document();
    const r::grid g = r::as_grid(std::get<r::matrix>(doc.blocks[4]));
    EXPECT_THAT(texts(g.header_rows[1]), ::testing::ElementsAre("Summer", "Below"));
    EXPECT_THAT(texts(g.body_rows[1]), ::testing::ElementsAre("No data", "1 (50%)"));
    EXPECT_EQ(g.body_rows[0][1].value, 1.0);
}

TEST(grid, venn_regions_are_named_in_words) {
    const auto doc = sample_document();
    const auto &v = std::get<r::venn>(doc.blocks[5]);
    const r::grid g = r::as_grid(v);
    ASSERT_EQ(g.body_rows.size(), 8u);
    EXPECT_EQ(g.body_rows[0][0].text, "All three");
    EXPECT_EQ(r::region_name(v, r::venn_region{{true, false, true}, 0, 0, ""}), "Reading and Maths, not Writing");
    EXPECT_EQ(r::region_name(v, r::venn_region{{false, true, false}, 0, 0, ""}), "Writing only");
    EXPECT_EQ(g.body_rows[7][0].text, "None of the three");
    EXPECT_THAT(texts(g.footer_rows[0]), ::testing::ElementsAre("Pupils counted", "2", ""));
    EXPECT_EQ(g.footer_rows.size(), 1u) << "a 1.0 Venn has no pupils counted apart";
}

TEST(grid, a_venns_pupils_without_a_judgement_follow_the_total_not_the_regions) {
    auto v = std::get<r::venn>(sample_document().blocks[5]);
    v.unjudged = r::venn_unjudged{"No judgement in at least one subject", 3, "reading-below"};
    const r::grid g = r::as_grid(v);
    ASSERT_EQ(g.body_rows.size(), 8u);
    ASSERT_EQ(g.footer_rows.size(), 2u);
    EXPECT_THAT(texts(g.footer_rows[1]), ::testing::ElementsAre("No judgement in at least one subject", "3", ""));
    EXPECT_EQ(g.footer_rows[1][1].pupils, "reading-below");
}

TEST(grid, chart_data_has_a_row_per_category_and_blanks_for_missing_values) {
    const auto doc = sample_document();
    const r::grid g = r::as_grid(std::get<r::chart>(doc.blocks[6]));
    EXPECT_THAT(texts(g.header_rows[0]), ::testing::ElementsAre("Category", "Reading"));
    EXPECT_THAT(texts(g.body_rows[0]), ::testing::ElementsAre("Autumn", "50"));
    EXPECT_THAT(texts(g.body_rows[1]), ::testing::ElementsAre("Spring", ""));
}

TEST(grid, grids_of_gives_one_grid_per_list_and_none_for_text) {
    const auto doc = sample_document();
    EXPECT_TRUE(r::grids_of(doc.blocks[0]).empty());
    EXPECT_TRUE(r::grids_of(doc.blocks[8]).empty());
    const auto lists = r::grids_of(doc.blocks[9]);
    ASSERT_EQ(lists.size(), 1u);
    EXPECT_THAT(texts(lists[0].body_rows[0]), ::testing::ElementsAre("ŁUKASZ-BRONTË, Zoë", "Below"));
}

}  // namespace
