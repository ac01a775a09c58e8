#include "lep_points_scheme.hpp"
#include "scheme_instance.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>

namespace {

using waymark::schemes::lep_points_scheme;
using namespace waymark::testing;  // scheme_instance, make_context, autumn, spring, summer
using ::testing::HasSubstr;

uint32_t grade_of(int32_t point) { return static_cast<uint32_t>(point - 1); }

// Seed 003's "Year 1 - Year 9" chart (with Years 10 and 11), copied row by row.
constexpr std::array<std::array<int32_t, 9>, 11> seed_year_rows = {{
    {23, 24, 25, 26, 27, 28, 29, 30, 31},
    {30, 31, 32, 33, 34, 35, 36, 37, 38},
    {37, 38, 39, 40, 41, 42, 43, 44, 45},
    {44, 45, 46, 47, 48, 49, 50, 51, 52},
    {51, 52, 53, 54, 55, 56, 57, 58, 59},
    {58, 59, 60, 61, 62, 63, 64, 65, 66},
    {65, 66, 67, 68, 69, 70, 71, 72, 73},
    {72, 73, 74, 75, 76, 77, 78, 79, 80},
    {79, 80, 81, 82, 83, 84, 85, 86, 87},
    {86, 87, 88, 89, 90, 91, 92, 93, 94},
    {93, 94, 95, 96, 97, 98, 99, 100, 101},
}};
constexpr std::array<const char *, 9> seed_row_steps = {"Entering",  "Entering", "Developing", "Developing", "Securing",
                                                        "Securing",  "Securing", "Mastery",    "Mastery"};

class lep_points_test : public ::testing::Test {
protected:
    scheme_instance instance{waymark::detail::library<lep_points_scheme>::get_factory(), "org.waymark.lep-points"};
};

TEST_F(lep_points_test, has_points_1_to_101_with_their_numbers_as_codes_and_points) {
    ASSERT_TRUE(instance.created()) << instance.creation_message();
    ASSERT_EQ(instance.grade_count(), 101u);
    for (int32_t p = 1; p <= 101; ++p) {
        const waymark_grade &g = instance.grade(grade_of(p));
        EXPECT_EQ(std::string(g.code), std::to_string(p));
        EXPECT_EQ(g.has_points, 1);
        EXPECT_EQ(g.points, p);
    }
    EXPECT_STREQ(instance.grade(grade_of(45)).label, "45 points");
    EXPECT_STREQ(instance.grade(grade_of(1)).label, "1 point");
}

TEST_F(lep_points_test, labels_every_point_of_every_year_row_in_that_years_context) {
    for (int32_t year = 1; year <= 11; ++year) {
        const auto &row = seed_year_rows[static_cast<std::size_t>(year - 1)];
        for (std::size_t i = 0; i < row.size(); ++i) {
            EXPECT_EQ(instance.label(grade_of(row[i]), year), "Year " + std::to_string(year) + " " + seed_row_steps[i])
                << "point " << row[i];
        }
    }
}

TEST_F(lep_points_test, an_overlapping_point_is_named_by_the_row_nearer_the_pupils_year) {
    for (int32_t year = 1; year <= 10; ++year) {
        for (std::size_t i : {7u, 8u}) {  // Year Y Mastery = Year Y+1 Entering
            const int32_t p = seed_year_rows[static_cast<std::size_t>(year - 1)][i];
            EXPECT_EQ(p, seed_year_rows[static_cast<std::size_t>(year)][i - 7]);
            EXPECT_EQ(instance.label(grade_of(p), year), "Year " + std::to_string(year) + " Mastery");
            EXPECT_EQ(instance.label(grade_of(p), year + 1), "Year " + std::to_string(year + 1) + " Entering");
        }
    }
    EXPECT_EQ(instance.label(grade_of(51), 4), "Year 4 Mastery");
    EXPECT_EQ(instance.label(grade_of(51), 5), "Year 5 Entering");
    EXPECT_EQ(instance.label(grade_of(51), 6), "Year 5 Entering");  // working below: the nearer row
    EXPECT_EQ(instance.label(grade_of(51), 2), "Year 4 Mastery");   // working above: the nearer row
    EXPECT_EQ(instance.label(grade_of(48), 6), "Year 4 Securing");  // one row only
}

TEST_F(lep_points_test, labels_eyfs_steps_elg_and_points_below_them) {
    const std::array<const char *, 6> stages = {"Birth-11 months", "8-20 months",  "16-26 months",
                                                "22-36 months",    "30-50 months", "40-60 months"};
    const std::array<const char *, 3> steps = {"Entering", "Developing", "Secure"};
    int32_t point = 3;
    for (const char *stage : stages) {
        for (const char *step : steps) {
            EXPECT_EQ(instance.label(grade_of(point), 0), std::string(stage) + " " + step);
            EXPECT_EQ(instance.label(grade_of(point), 3), std::string(stage) + " " + step);
            ++point;
        }
    }
    EXPECT_EQ(point, 21);
    EXPECT_EQ(instance.label(grade_of(21), 0), "Early learning goal");
    EXPECT_EQ(instance.label(grade_of(22), 0), "Early learning goal");
    EXPECT_EQ(instance.label(grade_of(23), 0), "Exceeding early learning goal: Year 1 Entering");
    EXPECT_EQ(instance.label(grade_of(1), 1), "Below Year 1 (1 point)");
    EXPECT_EQ(instance.label(grade_of(2), 1), "Below Year 1 (2 points)");
}

TEST_F(lep_points_test, expects_the_seed_ranges_in_years_1_to_9) {
    for (int32_t year = 1; year <= 9; ++year) {
        const std::array<std::array<int32_t, 3>, 3> ranges = {
            {{autumn, 7 * year + 15, 7 * year + 16}, {spring, 7 * year + 17, 7 * year + 18},
             {summer, 7 * year + 19, 7 * year + 21}}};
        for (const auto &[term, low, high] : ranges) {
            const auto row = instance.evaluate_all(year, term);
            for (int32_t p = 1; p <= 101; ++p) {
                const waymark_evaluation &e = row[grade_of(p)];
                const int32_t band = p < low ? WAYMARK_BAND_BELOW : p <= high ? WAYMARK_BAND_AT : WAYMARK_BAND_ABOVE;
                const uint32_t colour = p < low ? 0xE53935u : p <= high ? 0x43A047u : 0x1E88E5u;
                EXPECT_EQ(e.band, band) << "year " << year << " term " << term << " point " << p;
                EXPECT_EQ(e.on_track, p >= low ? 1 : 0);
                EXPECT_EQ(e.colour_rgb, colour);
            }
        }
    }
    // Spot checks against domain.md's own numbers: Year 4 Summer 47-49, Year 6 Autumn 57-58.
    EXPECT_EQ(instance.evaluate_one(grade_of(46), 4, summer).band, WAYMARK_BAND_BELOW);
    EXPECT_EQ(instance.evaluate_one(grade_of(47), 4, summer).band, WAYMARK_BAND_AT);
    EXPECT_EQ(instance.evaluate_one(grade_of(49), 4, summer).band, WAYMARK_BAND_AT);
    EXPECT_EQ(instance.evaluate_one(grade_of(50), 4, summer).band, WAYMARK_BAND_ABOVE);
    EXPECT_EQ(instance.evaluate_one(grade_of(57), 6, autumn).band, WAYMARK_BAND_AT);
    EXPECT_EQ(instance.evaluate_one(grade_of(59), 6, autumn).band, WAYMARK_BAND_ABOVE);
}

TEST_F(lep_points_test, expects_our_documented_ranges_in_reception_and_years_10_and_11) {
    const std::array<std::array<int32_t, 4>, 9> ranges = {{{0, autumn, 17, 18},
                                                           {0, spring, 19, 20},
                                                           {0, summer, 21, 22},
                                                           {10, autumn, 85, 86},
                                                           {10, spring, 87, 88},
                                                           {10, summer, 89, 91},
                                                           {11, autumn, 92, 93},
                                                           {11, spring, 94, 95},
                                                           {11, summer, 96, 98}}};
    for (const auto &[year, term, low, high] : ranges) {
        EXPECT_EQ(instance.evaluate_one(grade_of(low - 1), year, term).band, WAYMARK_BAND_BELOW) << year;
        EXPECT_EQ(instance.evaluate_one(grade_of(low), year, term).band, WAYMARK_BAND_AT) << year;
        EXPECT_EQ(instance.evaluate_one(grade_of(high), year, term).band, WAYMARK_BAND_AT) << year;
        EXPECT_EQ(instance.evaluate_one(grade_of(high + 1), year, term).band, WAYMARK_BAND_ABOVE) << year;
    }
}

TEST_F(lep_points_test, sets_no_expectation_before_reception_or_outside_the_three_terms) {
    for (const auto &e : instance.evaluate_all(-1, summer)) {
        EXPECT_EQ(e.band, WAYMARK_BAND_NONE);
        EXPECT_EQ(e.on_track, 0);
    }
    EXPECT_EQ(instance.evaluate_one(grade_of(50), 4, 4).band, WAYMARK_BAND_NONE);
    EXPECT_EQ(instance.evaluate_one(grade_of(50), 12, 1).band, WAYMARK_BAND_NONE);
}

TEST_F(lep_points_test, parses_point_numbers_and_single_point_eyfs_steps) {
    const std::pair<const char *, int32_t> accepted[] = {
        {"45", 45},       {" 45 ", 45},           {"45 points", 45},  {"1 point", 1},
        {"101", 101},     {"30-50d", 16},         {"30-50 D", 16},    {"30-50 months developing", 16},
        {"00-11e", 3},    {"Birth-11 months Entering", 3},            {"8-20s", 8},
        {"40-60s", 20},   {"40-60 months secure", 20},                {"22-36e", 12}};
    for (const auto &[input, point] : accepted) {
        const auto parsed = instance.parse(input);
        EXPECT_EQ(parsed.status, WAYMARK_OK) << input << ": " << parsed.message;
        EXPECT_EQ(parsed.grade, grade_of(point)) << input;
    }
}

TEST_F(lep_points_test, refuses_a_year_step_that_covers_several_points_naming_them) {
    const std::pair<const char *, const char *> ambiguous[] = {{"Y4 Developing", "46 or 47"},
                                                               {"Year 4 Entering", "44 or 45"},
                                                               {"year 4 securing", "48, 49 or 50"},
                                                               {"Y4 Mastered", "51 or 52"},
                                                               {"ELG", "21 or 22"}};
    for (const auto &[input, points] : ambiguous) {
        const auto parsed = instance.parse(input);
        EXPECT_EQ(parsed.status, WAYMARK_ERROR_INVALID_INPUT) << input;
        EXPECT_THAT(parsed.message, HasSubstr(points)) << input;
        EXPECT_THAT(parsed.message, HasSubstr("enter the point number")) << input;
    }
}

TEST_F(lep_points_test, refuses_anything_else_listing_what_is_valid) {
    for (const char *input : {"ontrak", "0", "102", "45.5", "Year 12 Entering", "30-50x", ""}) {
        const auto parsed = instance.parse(input);
        EXPECT_EQ(parsed.status, WAYMARK_ERROR_INVALID_INPUT) << input;
        EXPECT_THAT(parsed.message, HasSubstr("1 to 101")) << input;
        EXPECT_THAT(parsed.message, HasSubstr("30-50d")) << input;
    }
}

class lep_progress_test : public lep_points_test {
protected:
    void SetUp() override { ASSERT_NE(progress, nullptr); }

    double expected(int32_t from_year, int32_t from_term, int32_t to_year, int32_t to_term) const {
        const waymark_context from = make_context(from_year, from_term);
        const waymark_context to = make_context(to_year, to_term);
        double points = -1;
        EXPECT_EQ(progress->expected_points(instance.plugin(), &from, &to, &points, nullptr), WAYMARK_OK);
        return points;
    }

    waymark_progress made(int32_t from_point, int32_t from_year, int32_t from_term, int32_t to_point, int32_t to_year,
                          int32_t to_term) const {
        const waymark_context from = make_context(from_year, from_term);
        const waymark_context to = make_context(to_year, to_term);
        waymark_progress out{};
        EXPECT_EQ(progress->progress(instance.plugin(), grade_of(from_point), &from, grade_of(to_point), &to, &out,
                                     nullptr),
                  WAYMARK_OK);
        return out;
    }

    const waymark_scheme_progress *progress = instance.progress_interface();
};

TEST_F(lep_progress_test, expects_3_2_2_points_a_term_and_7_a_year) {
    EXPECT_EQ(expected(3, summer, 4, autumn), 3);
    EXPECT_EQ(expected(4, autumn, 4, spring), 2);
    EXPECT_EQ(expected(4, spring, 4, summer), 2);
    EXPECT_EQ(expected(3, summer, 4, summer), 7);
    EXPECT_EQ(expected(2, summer, 6, summer), 28);  // across KS2
    EXPECT_EQ(expected(4, spring, 4, spring), 0);
    EXPECT_EQ(expected(0, autumn, 0, summer), 4);   // Reception: Spring 2, Summer 2 (ours)
    EXPECT_EQ(expected(0, summer, 1, autumn), 3);
}

TEST_F(lep_progress_test, bands_progress_against_the_expectation) {
    const waymark_progress at = made(47, 3, summer, 54, 4, summer);
    EXPECT_EQ(at.points, 7);
    EXPECT_EQ(at.steps, 7);
    EXPECT_EQ(at.expected_points, 7);
    EXPECT_EQ(at.band, WAYMARK_BAND_AT);
    EXPECT_EQ(made(40, 3, summer, 46, 4, summer).band, WAYMARK_BAND_BELOW);
    EXPECT_EQ(made(40, 3, summer, 48, 4, summer).band, WAYMARK_BAND_ABOVE);  // more than 7 in the year
    EXPECT_EQ(made(44, 4, autumn, 47, 4, spring).band, WAYMARK_BAND_ABOVE);
}

TEST_F(lep_progress_test, ending_the_year_in_mastery_is_more_than_expected) {
    // Only 4 points, but Year 4 Mastery (51-52) at the end of the Summer term.
    const waymark_progress mastery = made(47, 4, autumn, 51, 4, summer);
    EXPECT_EQ(mastery.points, 4);
    EXPECT_EQ(mastery.expected_points, 4);
    EXPECT_EQ(mastery.band, WAYMARK_BAND_ABOVE);
    EXPECT_EQ(made(45, 3, summer, 51, 4, summer).band, WAYMARK_BAND_ABOVE);
    EXPECT_EQ(made(46, 4, autumn, 50, 4, summer).band, WAYMARK_BAND_AT);        // Securing, 4 of 4
    EXPECT_EQ(made(48, 4, autumn, 51, 4, spring).band, WAYMARK_BAND_ABOVE);     // 3 > 2
    EXPECT_EQ(made(49, 4, autumn, 51, 4, spring).band, WAYMARK_BAND_AT);        // Mastery before Summer: no bonus
    EXPECT_EQ(made(50, 5, autumn, 51, 5, summer).band, WAYMARK_BAND_BELOW);     // 51 is Year 5 Entering
}

TEST_F(lep_progress_test, refuses_contexts_in_the_wrong_order_or_without_an_expectation) {
    const waymark_context later = make_context(4, summer);
    const waymark_context earlier = make_context(4, autumn);
    const waymark_context nursery = make_context(-1, summer);
    std::array<char, 256> text{};
    waymark_message error{text.data(), static_cast<uint32_t>(text.size())};
    double points = 0;
    EXPECT_EQ(progress->expected_points(instance.plugin(), &later, &earlier, &points, &error),
              WAYMARK_ERROR_INVALID_INPUT);
    EXPECT_THAT(std::string(text.data()), HasSubstr("earlier judgement first"));
    EXPECT_EQ(progress->expected_points(instance.plugin(), &nursery, &later, &points, &error),
              WAYMARK_ERROR_INVALID_INPUT);
    EXPECT_THAT(std::string(text.data()), HasSubstr("NC year -1"));
    waymark_progress out{};
    EXPECT_EQ(progress->progress(instance.plugin(), 101, &earlier, 0, &later, &out, &error),
              WAYMARK_ERROR_INVALID_INPUT);
}

TEST_F(lep_points_test, an_out_of_range_grade_index_is_an_error) {
    std::vector<waymark_evaluation> out;
    EXPECT_EQ(instance.evaluate(make_context(4, summer), {0, 100, 101}, out), WAYMARK_ERROR_INVALID_INPUT);
    EXPECT_NE(instance.describe(101).status, WAYMARK_OK);
}

TEST_F(lep_points_test, concurrent_evaluation_gives_identical_results) {
    EXPECT_EQ(waymark::testing::concurrent_evaluation_mismatches(instance, 4, 20), 0);
}

}  // namespace
