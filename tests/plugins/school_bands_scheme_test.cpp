#include "school_bands_scheme.hpp"
#include "scheme_instance.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace {

using waymark::schemes::school_bands_scheme;
using namespace waymark::testing;
using ::testing::AllOf;
using ::testing::HasSubstr;

const waymark_plugin_factory *factory() { return waymark::detail::library<school_bands_scheme>::get_factory(); }
const std::string example = WAYMARK_SOURCE_DIR "/plugins/school-bands/example.bands";

class school_bands_test : public ::testing::Test {
protected:
    scheme_instance instance{factory(), "org.waymark.school-bands", example};
};

TEST_F(school_bands_test, offers_the_files_grades_lowest_first) {
    ASSERT_TRUE(instance.created()) << instance.creation_message();
    ASSERT_EQ(instance.grade_count(), 4u);
    const char *codes[] = {"PKF", "WTS", "EXS", "GDS"};
    for (uint32_t i = 0; i < 4; ++i) EXPECT_EQ(instance.code(i), codes[i]);
    EXPECT_STREQ(instance.grade(2).label, "Working at the expected standard");
    EXPECT_EQ(instance.grade(1).colour_rgb, 0xE53935u);
    EXPECT_EQ(instance.grade(0).colour_rgb, 0xBDBDBDu);  // "grey"
    EXPECT_EQ(instance.grade(3).points, 4.0);
    EXPECT_EQ(instance.label(3, 5), "Working at greater depth");
}

TEST_F(school_bands_test, evaluates_each_grade_as_the_file_says_in_every_context) {
    const std::array<waymark_evaluation, 4> expected = {{{WAYMARK_BAND_BELOW, 0, 0xBDBDBD},
                                                         {WAYMARK_BAND_BELOW, 0, 0xE53935},
                                                         {WAYMARK_BAND_AT, 1, 0x43A047},
                                                         {WAYMARK_BAND_ABOVE, 1, 0x1E88E5}}};
    for (int32_t year : {-1, 0, 3, 6, 11}) {
        const auto evaluations = instance.evaluate_all(year, spring);
        for (std::size_t g = 0; g < 4; ++g) {
            EXPECT_EQ(evaluations[g].band, expected[g].band);
            EXPECT_EQ(evaluations[g].on_track, expected[g].on_track);
            EXPECT_EQ(evaluations[g].colour_rgb, expected[g].colour_rgb);
        }
    }
}

TEST_F(school_bands_test, parses_codes_labels_and_aliases_leniently) {
    const std::pair<const char *, uint32_t> accepted[] = {{"EXS", 2},      {"exs", 2},           {" ex ", 2},
                                                          {"Expected", 2}, {"greater  depth", 3}, {"wt", 1},
                                                          {"Working towards the expected standard", 1}};
    for (const auto &[input, grade] : accepted) {
        const auto parsed = instance.parse(input);
        EXPECT_EQ(parsed.status, WAYMARK_OK) << input;
        EXPECT_EQ(parsed.grade, grade) << input;
    }
}

TEST_F(school_bands_test, refuses_unknown_and_empty_input_listing_the_choices) {
    const auto lists_the_choices = AllOf(HasSubstr("Oakfield Primary bands"),
                                         HasSubstr("Working at the expected standard (EXS, EX, expected)"),
                                         HasSubstr("Pre-key stage foundations (PKF, foundations)"));
    EXPECT_THAT(instance.refusal("expcted"), AllOf(HasSubstr("'expcted' is not a grade"), lists_the_choices));
    EXPECT_THAT(instance.refusal(""), AllOf(HasSubstr("No grade was entered"), lists_the_choices));
}

TEST_F(school_bands_test, offers_no_progress_interface) { EXPECT_EQ(instance.progress_interface(), nullptr); }

TEST_F(school_bands_test, an_out_of_range_grade_index_is_an_error) {
    std::vector<waymark_evaluation> out;
    EXPECT_EQ(instance.evaluate(make_context(2, autumn), {4}, out), WAYMARK_ERROR_INVALID_INPUT);
}

TEST_F(school_bands_test, concurrent_evaluation_gives_identical_results) {
    EXPECT_EQ(concurrent_evaluation_mismatches(instance, 4, 50), 0);
}

TEST(school_bands_creation, a_malformed_file_is_refused_at_create_naming_file_and_line) {
    const std::string path = ::testing::TempDir() + "school_bands_bad_colour.bands";
    std::ofstream(path) << "name: Elm\n\n[A]\nlabel: A\ncolour: greenish\nband: at\n";
    const scheme_instance refused(factory(), "org.waymark.school-bands", path);
    EXPECT_FALSE(refused.created());
    EXPECT_EQ(refused.creation_status(), WAYMARK_ERROR_INVALID_INPUT);
    EXPECT_EQ(refused.creation_message(), path + ", line 5: 'greenish' is not a colour; write #RRGGBB (such as "
                                                 "#43A047) or one of red, amber, green, blue, grey, white.");
    std::remove(path.c_str());
}

TEST(school_bands_creation, no_setting_or_a_missing_file_is_refused) {
    const scheme_instance without(factory(), "org.waymark.school-bands", "");
    EXPECT_EQ(without.creation_status(), WAYMARK_ERROR_INVALID_INPUT);
    EXPECT_THAT(without.creation_message(), HasSubstr("needs the path of a bands file"));
    const scheme_instance missing(factory(), "org.waymark.school-bands", "/nonexistent.bands");
    EXPECT_EQ(missing.creation_status(), WAYMARK_ERROR_INVALID_INPUT);
    EXPECT_THAT(missing.creation_message(), HasSubstr("/nonexistent.bands cannot be opened"));
}

}  // namespace
