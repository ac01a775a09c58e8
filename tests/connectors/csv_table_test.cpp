#include "csv/csv_table.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace waymark::connectors::csv {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(read_csv, plain_rows_with_their_lines) {
    const auto rows = read_csv("a,b,c\n1,2,3\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].line, 1u);
    EXPECT_THAT(rows[0].cells, ElementsAre("a", "b", "c"));
    EXPECT_EQ(rows[1].line, 2u);
    EXPECT_THAT(rows[1].cells, ElementsAre("1", "2", "3"));
}

TEST(read_csv, excel_quoting) {
    const auto rows = read_csv("name,note\r\n\"Smith, John\",\"said \"\"hi\"\"\"\r\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_THAT(rows[1].cells, ElementsAre("Smith, John", "said \"hi\""));
}

TEST(read_csv, quoted_line_breaks_keep_the_next_row_on_its_own_line) {
    const auto rows = read_csv("a,b\n\"two\nlines\",x\nnext,y\n");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1].line, 2u);
    EXPECT_EQ(rows[1].cells[0], "two\nlines");
    EXPECT_EQ(rows[2].line, 4u);
    EXPECT_THAT(rows[2].cells, ElementsAre("next", "y"));
}

TEST(read_csv, crlf_blank_lines_and_no_final_newline) {
    const auto rows = read_csv("a,b\r\n\r\n1,2\r\n\r\n\r\n3,4");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1].line, 3u);
    EXPECT_EQ(rows[2].line, 6u);
    EXPECT_THAT(rows[2].cells, ElementsAre("3", "4"));
}

// Found by tests/fuzz (fuzz_pupil_csv): a lone carriage return ended a row and the next row was put
// on a line after it, so a message could name a line the file does not have.
TEST(read_csv, a_lone_carriage_return_keeps_the_rows_on_the_files_lines) {
    const auto rows = read_csv("a,b\n1,2\r3,4\n5,6");
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[1].line, 2u);
    EXPECT_EQ(rows[2].line, 2u);
    EXPECT_THAT(rows[2].cells, ElementsAre("3", "4"));
    EXPECT_EQ(rows[3].line, 3u);
}

TEST(read_csv, byte_order_mark_is_dropped_and_utf8_kept) {
    const auto rows = read_csv("\xEF\xBB\xBFSurname\nZoë Łukasz-Brontë\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].cells[0], "Surname");
    EXPECT_EQ(rows[1].cells[0], "Zoë Łukasz-Brontë");
}

TEST(read_csv, empty_cells_are_kept) {
    const auto rows = read_csv("a,,c,\n");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_THAT(rows[0].cells, ElementsAre("a", "", "c", ""));
}

TEST(read_csv, empty_text_has_no_rows) { EXPECT_TRUE(read_csv("").empty()); }

TEST(read_csv, stray_quote_names_line_and_column) {
    try {
        read_csv("a,b\n1,\"2\"x\n");
        FAIL() << "expected csv_format_error";
    } catch (const csv_format_error &error) {
        EXPECT_EQ(error.line(), 2u);
        EXPECT_EQ(error.column(), 6u);
        EXPECT_THAT(error.what(), HasSubstr("Line 2, column 6"));
        EXPECT_THAT(error.reason(), HasSubstr("quotation mark"));
    }
}

TEST(read_csv, unclosed_quote_names_the_row_where_it_starts) {
    try {
        read_csv("a,b\n1,2\n3,\"open\nmore\n");
        FAIL() << "expected csv_format_error";
    } catch (const csv_format_error &error) {
        EXPECT_EQ(error.line(), 3u);
        EXPECT_THAT(error.reason(), HasSubstr("never closed"));
    }
}

TEST(read_csv, text_that_is_not_utf8_names_line_and_byte) {
    try {
        read_csv("a,b\nM\xFCller,1\n");  // Windows-1252 ü
        FAIL() << "expected csv_format_error";
    } catch (const csv_format_error &error) {
        EXPECT_EQ(error.line(), 2u);
        EXPECT_EQ(error.column(), 2u);
        EXPECT_THAT(error.reason(), HasSubstr("CSV UTF-8"));
    }
    EXPECT_THROW(read_csv("\xC0\xAF\n"), csv_format_error);          // overlong
    EXPECT_THROW(read_csv("\xED\xA0\x80\n"), csv_format_error);      // surrogate
    EXPECT_THROW(read_csv("ok,\xE2\x82\n"), csv_format_error);       // truncated
}

}  // namespace
}  // namespace waymark::connectors::csv
