#include "text_table.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace {

using waymark::cli::text_table;

TEST(text_table, aligns_columns_by_characters_not_bytes) {
    text_table table({"name", "grade"});
    table.add_row({"Zoë", "OT"});
    table.add_row({"Al", "Deeper"});
    std::ostringstream out;
    table.print(out);
    EXPECT_EQ(out.str(),
              "  name  grade\n"
              "  Zoë   OT\n"
              "  Al    Deeper\n");
}

TEST(text_table, pads_short_rows_and_trims_trailing_space) {
    text_table table({"a", "b", "c"});
    table.add_row({"1"});
    std::ostringstream out;
    table.print(out, "");
    EXPECT_EQ(out.str(), "a  b  c\n1\n");
    EXPECT_FALSE(table.empty());
}

TEST(text_table, print_or_says_why_nothing_is_listed_only_when_there_are_no_rows) {
    text_table table({"name"});
    std::ostringstream none;
    table.print_or(none, "No pupils yet.");
    EXPECT_EQ(none.str(), "No pupils yet.\n");
    table.add_row({"Amy"});
    std::ostringstream some;
    table.print_or(some, "No pupils yet.", "");
    EXPECT_EQ(some.str(), "name\nAmy\n");
}

TEST(display_width, counts_code_points) {
    EXPECT_EQ(waymark::cli::display_width("Łukasz"), 6u);
    EXPECT_EQ(waymark::cli::display_width(""), 0u);
}

}  // namespace
