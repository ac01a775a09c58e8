#include "bands_file.hpp"

#include <waymark/plugin.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace {

using waymark::schemes::bands_definition;
using waymark::schemes::parse_bands;
using ::testing::HasSubstr;

bands_definition parse(const std::string &text) {
    std::istringstream in(text);
    return parse_bands(in, "oak.bands");
}

// The sentence parse() refuses `text` with, or "accepted".
std::string refusal(const std::string &text) {
    try {
        parse(text);
        return "accepted";
    } catch (const waymark::invalid_input &e) {
        return e.what();
    }
}

const std::string two_grades =
    "name: Oak bands\n"         // 1
    "\n"                        // 2
    "[WTS]\n"                   // 3
    "label: Working towards\n"  // 4
    "colour: #E53935\n"         // 5
    "band: below\n"             // 6
    "aliases: WT, towards\n"    // 7
    "[EXS]\n"                   // 8
    "label: Expected\n"         // 9
    "colour: Green\n"           // 10
    "band: AT\n";               // 11

TEST(bands_file, reads_the_name_and_grades_in_order) {
    const bands_definition d = parse(two_grades + "points: 3\n");
    EXPECT_EQ(d.name, "Oak bands");
    ASSERT_EQ(d.grades.size(), 2u);
    EXPECT_EQ(d.grades[0].code, "WTS");
    EXPECT_EQ(d.grades[0].label, "Working towards");
    EXPECT_EQ(d.grades[0].colour_rgb, 0xE53935u);
    EXPECT_EQ(d.grades[0].band, WAYMARK_BAND_BELOW);
    EXPECT_FALSE(d.grades[0].on_track);
    EXPECT_EQ(d.grades[0].aliases, (std::vector<std::string>{"WT", "towards"}));
    EXPECT_FALSE(d.grades[0].has_points);
    EXPECT_EQ(d.grades[1].colour_rgb, 0x43A047u);
    EXPECT_EQ(d.grades[1].band, WAYMARK_BAND_AT);
    EXPECT_TRUE(d.grades[1].on_track);
    EXPECT_TRUE(d.grades[1].has_points);
    EXPECT_EQ(d.grades[1].points, 3.0);
}

TEST(bands_file, on_track_may_be_said_explicitly) {
    EXPECT_TRUE(parse(two_grades + "on track: no\n").grades[1].on_track == false);
    EXPECT_TRUE(parse(two_grades + "On-Track: YES\n").grades[1].on_track);
}

TEST(bands_file, the_example_file_is_valid) {
    std::ifstream file(WAYMARK_SOURCE_DIR "/plugins/school-bands/example.bands");
    ASSERT_TRUE(file);
    const bands_definition d = parse_bands(file, "example.bands");
    EXPECT_EQ(d.name, "Oakfield Primary bands");
    EXPECT_EQ(d.grades.size(), 4u);
}

TEST(bands_file, refuses_each_malformation_naming_file_and_line) {
    const std::pair<std::string, std::string> cases[] = {
        {two_grades + "colour: greenish\n",
         "oak.bands, line 12: the grade [EXS] already has 'colour' (line 10); keep one."},
        {"name: Oak\n[A]\nlabel: A\ncolour: greenish\n",
         "oak.bands, line 4: 'greenish' is not a colour; write #RRGGBB (such as #43A047) or one of red, amber, "
         "green, blue, grey, white."},
        {"name: Oak\n[A]\nlabel: A\ncolour: #12345G\nband: at\n", "oak.bands, line 4: '#12345G' is not a colour"},
        {two_grades + "[WTS]\n", "oak.bands, line 12: the code 'WTS' is already used by the grade on line 3; give each "
                                 "grade its own code."},
        {two_grades + "colur: red\n", "oak.bands, line 12: 'colur' is not a setting of a grade; use label, colour, "
                                      "band, on track, aliases or points."},
        {"", "oak.bands, line 1: the file has no settings; a bands file starts with 'name: <scheme name>'"},
        {"# only a comment\n\n", "oak.bands, line 1: the file has no settings"},
        {"name: Oak\n", "oak.bands, line 1: the file names no grades"},
        {"[A]\nlabel: A\n", "oak.bands, line 1: the 'name:' line must come before the first grade."},
        {"name: Oak\n[A]\nlabel: A\nband: at\n[B]\n", "oak.bands, line 2: the grade [A] has no colour"},
        {"name: Oak\n[A]\nlabel: A\ncolour: red\nband: middle\n", "oak.bands, line 5: the band must be below, at or "
                                                                   "above, not 'middle'."},
        {two_grades + "aliases: towards\n", "oak.bands, line 12: 'towards' already names the grade [WTS] (line 7)"},
        {two_grades + "label: Working Towards\n", "oak.bands, line 12: the grade [EXS] already has 'label' (line 9)"},
        {"name: Oak\n[A]\nlabel A\n", "oak.bands, line 3: 'label A' is neither a [CODE] section nor a 'key: value' line."},
        {"name: Oak\n[A\n", "oak.bands, line 2: a grade section is written [CODE] with a closing bracket."},
        {two_grades + "points: lots\n", "oak.bands, line 12: 'lots' is not a number of points"},
        {two_grades + "on track: maybe\n", "oak.bands, line 12: 'on track' must be yes or no, not 'maybe'."},
        {"name: Oak\nname: Elm\n", "oak.bands, line 2: the file has a second 'name:' line; keep one."},
        {"title: Oak\n", "oak.bands, line 1: 'title' is not a setting of the file"},
    };
    for (const auto &[text, message] : cases) EXPECT_THAT(refusal(text), HasSubstr(message)) << text;
}

// Found by fuzz_bands_file: a code, label or alias of nothing but a vertical tab or form feed was
// kept, though lookup (which ignores every blank) could never find it.
TEST(bands_file, a_code_label_or_alias_of_blanks_only_is_empty) {
    EXPECT_EQ(refusal("name: Oak\n[\v]\n"),
              "oak.bands, line 2: the grade section '[]' has no code; write the code teachers' grades are stored as, such as [OT].");
    EXPECT_EQ(refusal("name: Oak\n[A]\nlabel: \f\n"),
              "oak.bands, line 3: the label is empty; write what teachers see, such as 'label: On track'.");
    EXPECT_EQ(refusal("name: Oak\n[A]\nlabel: A\naliases: a1, \v\f, a2\n"),
              "oak.bands, line 4: an alias is empty; separate aliases with single commas.");
}

// Found by fuzz_bands_file's round trip: "nan" and "inf" were read as points, and every average
// over such a grade became nan or inf.
TEST(bands_file, points_that_are_not_a_finite_number_are_refused) {
    for (const char *points : {"nan", "NaN", "inf", "-infinity", "1e999"}) {
        EXPECT_EQ(refusal(two_grades + "points: " + points + "\n"),
                  "oak.bands, line 12: '" + std::string(points) + "' is not a number of points; write a number such as 3 or 2.5.")
            << points;
    }
}

TEST(bands_file, a_code_differing_only_in_case_is_a_duplicate) {
    EXPECT_THAT(refusal(two_grades + "[wts]\n"), HasSubstr("line 12: the code 'wts' is already used"));
}

// Found by fuzz_bands_file: a refusal quoting a line with a NUL byte reached the host cut short at
// the NUL ("oak.bands, line 3: 'labe"), which a file saved as UTF-16 has in every character.
TEST(bands_file, a_line_with_a_nul_byte_is_refused_whole_naming_its_line) {
    const std::string sentence = "oak.bands, line 3: the line has a NUL byte, so the file is not text; save it as UTF-8 text.";
    using namespace std::string_literals;
    EXPECT_EQ(refusal("name: Oak bands\n[X]\nlabe\0l: X\n"s), sentence);
    EXPECT_EQ(refusal("name: Oak bands\n[X]\nlabel: X\0\n"s), sentence);
    EXPECT_EQ(refusal("\xFF\xFEn\0a\0m\0e\0:\0 \0X\0\n\0"s), "oak.bands, line 1: the line has a NUL byte, so the file is not text; save it as UTF-8 text.");
}

TEST(bands_file, a_missing_file_or_setting_is_refused_in_one_sentence) {
    try {
        waymark::schemes::read_bands_file("/nonexistent/oak.bands");
        FAIL();
    } catch (const waymark::invalid_input &e) {
        EXPECT_STREQ(e.what(), "/nonexistent/oak.bands cannot be opened; check that the school-bands setting names a "
                               "readable bands file.");
    }
    EXPECT_THROW(waymark::schemes::read_bands_file(""), waymark::invalid_input);
}

}  // namespace
