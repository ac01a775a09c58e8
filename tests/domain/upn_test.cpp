#include "domain/upn.hpp"

#include <gtest/gtest.h>
#include <gmock/gmock.h>

#include <stdexcept>

namespace waymark::domain {
namespace {

using ::testing::HasSubstr;

class valid_upn : public ::testing::TestWithParam<const char *> {};

TEST_P(valid_upn, has_no_problem_and_its_check_letter_is_recomputed) {
    const std::string upn = GetParam();
    EXPECT_EQ(upn_problem(upn), std::nullopt);
    EXPECT_EQ(upn_check_letter(std::string_view(upn).substr(1)), upn.front());
}

// The verified examples of shared/domain.md section 2.
INSTANTIATE_TEST_SUITE_P(domain_examples, valid_upn,
                         ::testing::Values("B801200005001", "A950000178301", "H243278544154", "R674123101121",
                                           "P207000016049", "X00180001701A"),
                         [](const auto &test_case) { return std::string(test_case.param); });

struct wrong_check_letter_case {
    const char *upn;
    char expected;
};

class wrong_check_letter : public ::testing::TestWithParam<wrong_check_letter_case> {};

TEST_P(wrong_check_letter, names_the_letter_it_should_start_with) {
    const auto problem = upn_problem(GetParam().upn);
    ASSERT_TRUE(problem.has_value());
    EXPECT_THAT(*problem, HasSubstr(std::string("should start with ") + GetParam().expected));
    EXPECT_THAT(*problem, HasSubstr(GetParam().upn));
}

// Counter-examples of section 2, including the widely copied Q207000016049 (the sum gives P).
INSTANTIATE_TEST_SUITE_P(domain_counter_examples, wrong_check_letter,
                         ::testing::Values(wrong_check_letter_case{"A801200005001", 'B'},
                                           wrong_check_letter_case{"Q207000016049", 'P'},
                                           wrong_check_letter_case{"R247962919251", 'Q'},
                                           wrong_check_letter_case{"X428558133462", 'W'}),
                         [](const auto &test_case) { return std::string(test_case.param.upn); });

TEST(upn_problem, missing_upn) {
    EXPECT_THAT(upn_problem("").value_or(""), HasSubstr("missing"));
}

TEST(upn_problem, wrong_length_names_the_count) {
    EXPECT_THAT(upn_problem("B80120000500").value_or(""), HasSubstr("has 12 characters"));
    EXPECT_THAT(upn_problem("B8012000050011").value_or(""), HasSubstr("has 14 characters"));
}

TEST(upn_problem, first_character_must_be_an_alphabet_letter) {
    EXPECT_THAT(upn_problem("I801200005001").value_or(""), HasSubstr("should start with a capital letter"));
    EXPECT_THAT(upn_problem("b801200005001").value_or(""), HasSubstr("should start with a capital letter"));
    EXPECT_THAT(upn_problem("1801200005001").value_or(""), HasSubstr("should start with a capital letter"));
}

TEST(upn_problem, middle_characters_must_be_digits) {
    EXPECT_THAT(upn_problem("B8012000X5001").value_or(""), HasSubstr("character 9 ('X') should be a digit"));
    EXPECT_THAT(upn_problem("B80120000500A1").value_or(""), HasSubstr("14 characters"));
}

TEST(upn_problem, temporary_form_takes_an_alphabet_letter_last) {
    EXPECT_THAT(upn_problem("X00180001701O").value_or(""), HasSubstr("character 13 ('O')"));
    EXPECT_THAT(upn_problem("X00180001701a").value_or(""), HasSubstr("character 13 ('a')"));
    // A letter anywhere else than the last place is not the temporary form.
    EXPECT_THAT(upn_problem("X0018000170A1").value_or(""), HasSubstr("character 12 ('A') should be a digit"));
}

TEST(upn_problem, temporary_upn_check_letter_counts_the_trailing_letter) {
    // Changing the trailing letter changes the check letter: Z is worth 22, times weight 13.
    EXPECT_THAT(upn_problem("X00180001701Z").value_or(""), HasSubstr("should start with H"));
}

TEST(is_temporary_upn, only_valid_upns_ending_in_a_letter) {
    EXPECT_TRUE(is_temporary_upn("X00180001701A"));
    EXPECT_FALSE(is_temporary_upn("B801200005001"));
    EXPECT_FALSE(is_temporary_upn("Y00180001701A"));
}

TEST(upn_check_letter, refuses_characters_of_the_wrong_form) {
    EXPECT_THROW(upn_check_letter("80120000500"), std::invalid_argument);
    EXPECT_THROW(upn_check_letter("8012000050I1"), std::invalid_argument);
    EXPECT_THROW(upn_check_letter("80120000500I"), std::invalid_argument);
}

}  // namespace
}  // namespace waymark::domain
