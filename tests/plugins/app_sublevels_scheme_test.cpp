#include "app_sublevels_scheme.hpp"
#include "scheme_instance.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

namespace {

using waymark::schemes::app_sublevels_scheme;
using namespace waymark::testing;  // scheme_instance, make_context, autumn, spring, summer
using ::testing::HasSubstr;

class app_sublevels_test : public ::testing::Test {
protected:
    uint32_t index_of(const char *code) const {
        for (uint32_t i = 0; i < instance.grade_count(); ++i) {
            if (instance.code(i) == code) return i;
        }
        throw std::out_of_range(code);
    }

    scheme_instance instance{waymark::detail::library<app_sublevels_scheme>::get_factory(),
                             "org.waymark.app-sublevels"};
};

TEST_F(app_sublevels_test, has_every_grade_lowest_first_with_its_points) {
    ASSERT_TRUE(instance.created()) << instance.creation_message();
    // domain.md 3.3: W = 3, Nb = 6N+3, Nc = Nb-2, Na = Nb+2; P-scales and EP are our documented choice.
    const std::pair<const char *, double> table[] = {
        {"P1", 0.25}, {"P2", 0.5}, {"P3", 0.75}, {"P4", 1.0}, {"P5", 1.25}, {"P6", 1.5}, {"P7", 1.75}, {"P8", 2.0},
        {"W", 3},     {"1c", 7},   {"1b", 9},    {"1a", 11},  {"2c", 13},   {"2b", 15},  {"2a", 17},   {"3c", 19},
        {"3b", 21},   {"3a", 23},  {"4c", 25},   {"4b", 27},  {"4a", 29},   {"5c", 31},  {"5b", 33},   {"5a", 35},
        {"6c", 37},   {"6b", 39},  {"6a", 41},   {"7c", 43},  {"7b", 45},   {"7a", 47},  {"8c", 49},   {"8b", 51},
        {"8a", 53},   {"EP", 55}};
    ASSERT_EQ(instance.grade_count(), std::size(table));
    for (uint32_t i = 0; i < instance.grade_count(); ++i) {
        EXPECT_EQ(instance.code(i), table[i].first);
        EXPECT_EQ(instance.grade(i).has_points, 1);
        EXPECT_DOUBLE_EQ(instance.grade(i).points, table[i].second) << table[i].first;
    }
    EXPECT_EQ(instance.label(index_of("W"), 1), "W (working towards level 1)");
    EXPECT_EQ(instance.label(index_of("4b"), 6), "4b");
}

TEST_F(app_sublevels_test, judges_against_the_expectation_line_in_every_term_it_covers) {
    // {year, term, line points, the grades that count as "at" (the pair when the line is between)}
    struct row {
        int32_t year, term;
        std::set<std::string> at;
    };
    const row rows[] = {{0, summer, {"W"}},        {1, autumn, {"W", "1c"}},  {1, spring, {"1c"}},
                        {1, summer, {"1b"}},       {2, autumn, {"1a"}},       {2, spring, {"2c"}},
                        {2, summer, {"2b"}},       {3, autumn, {"2b", "2a"}}, {3, spring, {"2a"}},
                        {3, summer, {"2a", "3c"}}, {4, autumn, {"3c"}},       {4, spring, {"3c", "3b"}},
                        {4, summer, {"3b"}},       {5, autumn, {"3b", "3a"}}, {5, spring, {"3a"}},
                        {5, summer, {"3a", "4c"}}, {6, autumn, {"4c"}},       {6, spring, {"4c", "4b"}},
                        {6, summer, {"4b"}}};
    for (const auto &[year, term, at] : rows) {
        const auto evaluations = instance.evaluate_all(year, term);
        bool seen_at = false;
        for (uint32_t g = 0; g < evaluations.size(); ++g) {
            const bool is_at = at.count(instance.code(g)) == 1;
            seen_at = seen_at || is_at;
            const int32_t band = is_at ? WAYMARK_BAND_AT : seen_at ? WAYMARK_BAND_ABOVE : WAYMARK_BAND_BELOW;
            EXPECT_EQ(evaluations[g].band, band) << "year " << year << " term " << term << " " << instance.code(g);
            EXPECT_EQ(evaluations[g].on_track, band == WAYMARK_BAND_BELOW ? 0 : 1);
            const uint32_t colour = band == WAYMARK_BAND_BELOW ? 0xE53935u : is_at ? 0x43A047u : 0x1E88E5u;
            EXPECT_EQ(evaluations[g].colour_rgb, colour);
        }
    }
}

TEST_F(app_sublevels_test, the_line_reaches_2b_at_the_end_of_ks1_and_4b_at_the_end_of_ks2) {
    EXPECT_EQ(app_sublevels_scheme::expected_at(2, summer), 15.0);
    EXPECT_EQ(app_sublevels_scheme::expected_at(6, summer), 27.0);
    EXPECT_EQ(app_sublevels_scheme::expected_at(3, autumn), 16.0);
    EXPECT_FALSE(app_sublevels_scheme::expected_at(7, autumn).has_value());
}

TEST_F(app_sublevels_test, sets_no_expectation_outside_reception_summer_to_year_6) {
    for (const auto &[year, term] : {std::pair{0, autumn}, {0, spring}, {7, summer}, {-1, summer}, {4, 0}}) {
        for (const auto &e : instance.evaluate_all(year, term)) EXPECT_EQ(e.band, WAYMARK_BAND_NONE) << year;
    }
}

TEST_F(app_sublevels_test, parses_codes_leniently) {
    const std::pair<const char *, const char *> accepted[] = {
        {"2b", "2b"}, {"2B", "2b"}, {" 4 a ", "4a"}, {"level 3c", "3c"}, {"w", "W"}, {"Working towards", "W"},
        {"p3", "P3"}, {"P 8", "P8"}, {"ep", "EP"}, {"Exceptional performance", "EP"}, {"8a", "8a"}};
    for (const auto &[input, code] : accepted) {
        const auto parsed = instance.parse(input);
        ASSERT_EQ(parsed.status, WAYMARK_OK) << input << ": " << parsed.message;
        EXPECT_EQ(instance.code(parsed.grade), code) << input;
    }
}

TEST_F(app_sublevels_test, refuses_a_bare_level_naming_its_sublevels) {
    const auto parsed = instance.parse("Level 4");
    EXPECT_EQ(parsed.status, WAYMARK_ERROR_INVALID_INPUT);
    EXPECT_THAT(parsed.message, HasSubstr("4c, 4b or 4a"));
}

TEST_F(app_sublevels_test, refuses_anything_else_listing_the_choices) {
    for (const char *input : {"2d", "9b", "P9", "ontrak", " "}) {
        const auto parsed = instance.parse(input);
        EXPECT_EQ(parsed.status, WAYMARK_ERROR_INVALID_INPUT) << input;
        for (const char *choice : {"P1 to P8", "W", "1c", "8a", "EP"}) EXPECT_THAT(parsed.message, HasSubstr(choice));
    }
}

TEST_F(app_sublevels_test, two_levels_across_ks2_is_12_points_6_sublevels_and_expected) {
    const waymark_scheme_progress *progress = instance.progress_interface();
    ASSERT_NE(progress, nullptr);
    const waymark_context ks1_end = make_context(2, summer);
    const waymark_context ks2_end = make_context(6, summer);
    double expected = 0;
    ASSERT_EQ(progress->expected_points(instance.plugin(), &ks1_end, &ks2_end, &expected, nullptr), WAYMARK_OK);
    EXPECT_EQ(expected, 12.0);
    waymark_progress out{};
    ASSERT_EQ(progress->progress(instance.plugin(), index_of("2b"), &ks1_end, index_of("4b"), &ks2_end, &out, nullptr),
              WAYMARK_OK);
    EXPECT_EQ(out.points, 12.0);
    EXPECT_EQ(out.steps, 6.0);
    EXPECT_EQ(out.expected_points, 12.0);
    EXPECT_EQ(out.band, WAYMARK_BAND_AT);
    ASSERT_EQ(progress->progress(instance.plugin(), index_of("2b"), &ks1_end, index_of("4c"), &ks2_end, &out, nullptr),
              WAYMARK_OK);
    EXPECT_EQ(out.band, WAYMARK_BAND_BELOW);
    ASSERT_EQ(progress->progress(instance.plugin(), index_of("2b"), &ks1_end, index_of("5c"), &ks2_end, &out, nullptr),
              WAYMARK_OK);
    EXPECT_EQ(out.steps, 8.0);
    EXPECT_EQ(out.band, WAYMARK_BAND_ABOVE);
}

TEST_F(app_sublevels_test, expected_progress_is_the_lines_gradient) {
    const waymark_scheme_progress *progress = instance.progress_interface();
    ASSERT_NE(progress, nullptr);
    auto expected = [&](int32_t y1, int32_t t1, int32_t y2, int32_t t2) {
        const waymark_context from = make_context(y1, t1), to = make_context(y2, t2);
        double points = -1;
        EXPECT_EQ(progress->expected_points(instance.plugin(), &from, &to, &points, nullptr), WAYMARK_OK);
        return points;
    };
    EXPECT_EQ(expected(4, autumn, 4, spring), 1.0);  // KS2: one point (half a sublevel) a term
    EXPECT_EQ(expected(3, summer, 4, summer), 3.0);
    EXPECT_EQ(expected(1, autumn, 1, spring), 2.0);  // KS1: one sublevel a term
    EXPECT_EQ(expected(0, summer, 2, summer), 12.0);

    const waymark_context year7 = make_context(7, autumn), year6 = make_context(6, summer);
    std::array<char, 256> text{};
    waymark_message error{text.data(), static_cast<uint32_t>(text.size())};
    double points = 0;
    EXPECT_EQ(progress->expected_points(instance.plugin(), &year6, &year7, &points, &error), WAYMARK_ERROR_INVALID_INPUT);
    EXPECT_THAT(std::string(text.data()), HasSubstr("NC year 7 term 1"));
    const waymark_context year3 = make_context(3, autumn);
    EXPECT_EQ(progress->expected_points(instance.plugin(), &year6, &year3, &points, &error), WAYMARK_ERROR_INVALID_INPUT);
    EXPECT_THAT(std::string(text.data()), HasSubstr("earlier judgement first"));
}

TEST_F(app_sublevels_test, an_out_of_range_grade_index_is_an_error) {
    std::vector<waymark_evaluation> out;
    EXPECT_EQ(instance.evaluate(make_context(4, summer), {33, 34}, out), WAYMARK_ERROR_INVALID_INPUT);
    waymark_progress progress{};
    const waymark_context where = make_context(4, summer);
    EXPECT_EQ(instance.progress_interface()->progress(instance.plugin(), 34, &where, 0, &where, &progress, nullptr),
              WAYMARK_ERROR_INVALID_INPUT);
}

TEST_F(app_sublevels_test, concurrent_evaluation_gives_identical_results) {
    EXPECT_EQ(waymark::testing::concurrent_evaluation_mismatches(instance, 4, 50), 0);
}

}  // namespace
