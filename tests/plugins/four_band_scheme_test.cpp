#include "four_band_scheme.hpp"
#include "scheme_instance.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

namespace {

using waymark::schemes::four_band_scheme;
using waymark::testing::scheme_instance;
using ::testing::AllOf;
using ::testing::HasSubstr;

class four_band_test : public ::testing::Test {
protected:
    scheme_instance instance{waymark::detail::library<four_band_scheme>::get_factory(),
                             "org.waymark.lancashire-four-band"};
};

TEST_F(four_band_test, has_the_four_bands_lowest_first_with_the_default_colours) {
    ASSERT_TRUE(instance.created()) << instance.creation_message();
    ASSERT_EQ(instance.grade_count(), 4u);
    EXPECT_STREQ(instance.grade(0).label, "Below");
    EXPECT_STREQ(instance.grade(1).label, "Towards");
    EXPECT_STREQ(instance.grade(2).label, "On track");
    EXPECT_STREQ(instance.grade(3).label, "Deeper learning");
    EXPECT_EQ(instance.code(2), "OT");
    EXPECT_EQ(instance.grade(0).colour_rgb, 0xE53935u);  // red
    EXPECT_EQ(instance.grade(2).colour_rgb, 0x43A047u);  // green
    for (uint32_t i = 0; i < 4; ++i) EXPECT_EQ(instance.grade(i).has_points, 0);
}

TEST_F(four_band_test, below_and_towards_are_not_on_track_on_track_and_deeper_are) {
    const auto evaluations = instance.evaluate_all(4, WAYMARK_TERM_SPRING);
    EXPECT_EQ(evaluations[0].band, WAYMARK_BAND_BELOW);
    EXPECT_EQ(evaluations[0].on_track, 0);
    EXPECT_EQ(evaluations[1].band, WAYMARK_BAND_BELOW);
    EXPECT_EQ(evaluations[1].on_track, 0);
    EXPECT_EQ(evaluations[2].band, WAYMARK_BAND_AT);
    EXPECT_EQ(evaluations[2].on_track, 1);
    EXPECT_EQ(evaluations[3].band, WAYMARK_BAND_ABOVE);
    EXPECT_EQ(evaluations[3].on_track, 1);
    EXPECT_EQ(evaluations[0].colour_rgb, 0xE53935u);
    EXPECT_EQ(evaluations[2].colour_rgb, 0x43A047u);
}

TEST_F(four_band_test, a_band_means_the_same_in_every_year_and_term) {
    const auto reference = instance.evaluate_all(1, WAYMARK_TERM_AUTUMN);
    for (int32_t year = -1; year <= 11; ++year) {
        for (int32_t term = WAYMARK_TERM_AUTUMN; term <= WAYMARK_TERM_SUMMER; ++term) {
            const auto here = instance.evaluate_all(year, term);
            for (std::size_t g = 0; g < here.size(); ++g) {
                EXPECT_EQ(here[g].band, reference[g].band) << "year " << year << " term " << term;
                EXPECT_EQ(here[g].on_track, reference[g].on_track);
            }
        }
    }
}

// Seed 000's worked example: four pupils' (reading, writing, maths) judgements.
TEST_F(four_band_test, reproduces_the_seed_summary_of_four_pupils) {
    const char *pupils[4][3] = {{"Towards", "On track", "Deeper learning"},
                                {"Towards", "Below", "On track"},
                                {"On track", "On track", "Deeper learning"},
                                {"Towards", "Below", "Towards"}};
    std::map<std::string, int> reading, writing, maths;
    int maths_on_track = 0, rwm_on_track = 0;
    for (const auto &pupil : pupils) {
        std::vector<uint32_t> grades;
        for (const char *judgement : pupil) {
            const auto parsed = instance.parse(judgement);
            ASSERT_EQ(parsed.status, WAYMARK_OK) << parsed.message;
            grades.push_back(parsed.grade);
        }
        std::vector<waymark_evaluation> out;
        ASSERT_EQ(instance.evaluate(waymark::testing::make_context(4, WAYMARK_TERM_SUMMER), grades, out), WAYMARK_OK);
        ++reading[instance.grade(grades[0]).label];
        ++writing[instance.grade(grades[1]).label];
        ++maths[instance.grade(grades[2]).label];
        maths_on_track += out[2].on_track;
        rwm_on_track += (out[0].on_track && out[1].on_track && out[2].on_track) ? 1 : 0;
    }
    EXPECT_EQ(reading, (std::map<std::string, int>{{"Towards", 3}, {"On track", 1}}));
    EXPECT_EQ(writing, (std::map<std::string, int>{{"Below", 2}, {"On track", 2}}));
    EXPECT_EQ(maths, (std::map<std::string, int>{{"Towards", 1}, {"On track", 1}, {"Deeper learning", 2}}));
    EXPECT_EQ(maths_on_track, 3);  // 75% On track + Deeper
    EXPECT_EQ(rwm_on_track, 1);    // 25%
}

TEST_F(four_band_test, forgives_case_spacing_and_listed_abbreviations) {
    for (const char *input : {"on track", "OT", "On Track", " on  track ", "ot", "ONTRACK"}) {
        const auto parsed = instance.parse(input);
        EXPECT_EQ(parsed.status, WAYMARK_OK) << input;
        EXPECT_EQ(parsed.grade, four_band_scheme::on_track) << input;
    }
    const std::pair<const char *, uint32_t> others[] = {{"below", four_band_scheme::below},
                                                       {"B", four_band_scheme::below},
                                                       {"Towards", four_band_scheme::towards},
                                                       {"t", four_band_scheme::towards},
                                                       {"Deeper learning", four_band_scheme::deeper_learning},
                                                       {"deeper", four_band_scheme::deeper_learning},
                                                       {"DL", four_band_scheme::deeper_learning},
                                                       {"d", four_band_scheme::deeper_learning}};
    for (const auto &[input, grade] : others) {
        const auto parsed = instance.parse(input);
        EXPECT_EQ(parsed.status, WAYMARK_OK) << input;
        EXPECT_EQ(parsed.grade, grade) << input;
    }
}

TEST_F(four_band_test, refuses_a_misspelling_listing_the_valid_choices) {
    const auto parsed = instance.parse("ontrak");
    EXPECT_EQ(parsed.status, WAYMARK_ERROR_INVALID_INPUT);
    EXPECT_THAT(parsed.message, HasSubstr("'ontrak'"));
    for (const char *choice : {"Below", "Towards", "On track", "Deeper learning", "OT"}) {
        EXPECT_THAT(parsed.message, HasSubstr(choice));
    }
}

TEST_F(four_band_test, refuses_empty_input) {
    EXPECT_THAT(instance.refusal(""), AllOf(HasSubstr("No grade was entered"), HasSubstr("On track")));
    EXPECT_THAT(instance.refusal("   "), AllOf(HasSubstr("No grade was entered"), HasSubstr("On track")));
}

TEST_F(four_band_test, offers_no_progress_interface) { EXPECT_EQ(instance.progress_interface(), nullptr); }

TEST_F(four_band_test, an_out_of_range_grade_index_is_an_error) {
    std::vector<waymark_evaluation> out;
    std::string message;
    EXPECT_EQ(instance.evaluate(waymark::testing::make_context(3, 1), {0, 4}, out, &message),
              WAYMARK_ERROR_INVALID_INPUT);
    EXPECT_THAT(message, HasSubstr("out of range"));
    EXPECT_NE(instance.describe(4).status, WAYMARK_OK);
    EXPECT_EQ(instance.scheme().grade(instance.plugin(), 4), nullptr);
}

TEST_F(four_band_test, describes_a_band_by_its_label) { EXPECT_EQ(instance.label(3, 2), "Deeper learning"); }

TEST_F(four_band_test, concurrent_evaluation_gives_identical_results) {
    EXPECT_EQ(waymark::testing::concurrent_evaluation_mismatches(instance, 4, 50), 0);
}

}  // namespace
