#include "grade_lookup.hpp"

#include <waymark/plugin.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using waymark::schemes::grade_lookup;
using waymark::schemes::lookup_key;
using ::testing::HasSubstr;

TEST(lookup_key, ignores_case_and_all_whitespace_but_nothing_else) {
    EXPECT_EQ(lookup_key(" On \t Track "), "ontrack");
    EXPECT_EQ(lookup_key("Y4-Dev"), "y4-dev");
    EXPECT_EQ(lookup_key("Zoë"), "zoë");
}

TEST(grade_lookup, finds_names_and_aliases_and_refuses_conflicts) {
    grade_lookup lookup("the test scheme");
    EXPECT_TRUE(lookup.add("On track", 2));
    EXPECT_TRUE(lookup.add("OT", 2));
    EXPECT_TRUE(lookup.add("ON TRACK", 2));  // same grade again is harmless
    EXPECT_FALSE(lookup.add("ontrack", 1));  // another grade may not take the key
    EXPECT_FALSE(lookup.add("  ", 1));
    EXPECT_EQ(lookup.find(" on  track "), 2u);
    EXPECT_EQ(lookup.find("ot"), 2u);
    EXPECT_FALSE(lookup.find("ontrak").has_value());
}

TEST(grade_lookup, refusal_names_the_input_and_lists_the_choices) {
    grade_lookup lookup("the test scheme");
    lookup.add("Yes", 0);
    lookup.set_choices("Yes, No");
    try {
        lookup.parse("Maybe");
        FAIL() << "Maybe was accepted";
    } catch (const waymark::invalid_input &e) {
        EXPECT_STREQ(e.what(), "'Maybe' is not a grade of the test scheme; enter one of: Yes, No.");
    }
    EXPECT_EQ(lookup.refusal(""), "No grade was entered for the test scheme; enter one of: Yes, No.");
}

}  // namespace
