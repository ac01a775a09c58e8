#include "domain/whole_number.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace waymark::domain {
namespace {

TEST(parse_whole_number, reads_digits_with_an_optional_minus) {
    EXPECT_EQ(parse_whole_number("0"), 0);
    EXPECT_EQ(parse_whole_number("42"), 42);
    EXPECT_EQ(parse_whole_number("-7"), -7);
    EXPECT_EQ(parse_whole_number("007"), 7);
    EXPECT_EQ(parse_whole_number("9223372036854775807"), std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(parse_whole_number("-9223372036854775808"), std::numeric_limits<std::int64_t>::min());
}

TEST(parse_whole_number, refuses_anything_but_the_number_alone) {
    for (const char *text : {"", "-", "+5", " 5", "5 ", "5x", "x5", "1.0", "1e3", "0x10", "--5", "5-", "٣"})
        EXPECT_EQ(parse_whole_number(text), std::nullopt) << '"' << text << '"';
}

TEST(parse_whole_number, refuses_what_does_not_fit_64_bits) {
    EXPECT_EQ(parse_whole_number("9223372036854775808"), std::nullopt);
    EXPECT_EQ(parse_whole_number("-9223372036854775809"), std::nullopt);
    EXPECT_EQ(parse_whole_number("99999999999999999999999"), std::nullopt);
}

TEST(parse_whole_number, keeps_to_the_range_inclusive) {
    EXPECT_EQ(parse_whole_number("1", 1, 11), 1);
    EXPECT_EQ(parse_whole_number("11", 1, 11), 11);
    EXPECT_EQ(parse_whole_number("0", 1, 11), std::nullopt);
    EXPECT_EQ(parse_whole_number("12", 1, 11), std::nullopt);
    EXPECT_EQ(parse_whole_number("-1", 0, 5), std::nullopt);
}

TEST(parse_whole_number, reads_a_view_without_looking_past_its_end) {
    const std::string_view digits = std::string_view("123456").substr(0, 3);
    EXPECT_EQ(parse_whole_number(digits), 123);
}

}  // namespace
}  // namespace waymark::domain
