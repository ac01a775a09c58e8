#include "domain/pupil_fields.hpp"

#include "domain/upn.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace waymark::domain {
namespace {

using ::testing::HasSubstr;
using ::testing::Optional;

std::string valid_upn() {
    const std::string body = "801200000001";
    return upn_check_letter(body) + body;
}

TEST(pupil_fields, a_upn_is_upper_cased_and_its_check_letter_verified) {
    std::string upn;
    std::string typed = valid_upn();
    typed[0] = static_cast<char>(typed[0] - 'A' + 'a');
    EXPECT_EQ(read_upn_field(" " + typed + " ", upn), std::nullopt);
    EXPECT_EQ(upn, valid_upn());
    std::string wrong = valid_upn();
    wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
    EXPECT_THAT(read_upn_field(wrong, upn), Optional(HasSubstr("fails its check letter")));
}

TEST(pupil_fields, dates_are_dd_mm_yyyy_and_real_days_within_school_age) {
    date born{};
    EXPECT_EQ(read_date_of_birth_field("5/3/2019", academic_year{2025}, born), std::nullopt);
    EXPECT_EQ(born, (date{std::chrono::year{2019}, std::chrono::month{3}, std::chrono::day{5}}));
    EXPECT_THAT(read_date_of_birth_field("", std::nullopt, born), Optional(HasSubstr("missing")));
    EXPECT_THAT(read_date_of_birth_field("31/02/2019", std::nullopt, born), Optional(HasSubstr("not a day of the calendar")));
    EXPECT_THAT(read_date_of_birth_field("2019-03-05", std::nullopt, born), Optional(HasSubstr("dd/mm/yyyy")));
    EXPECT_THAT(read_date_of_birth_field("05/03/2109", academic_year{2025}, born), Optional(HasSubstr("too young")));
}

TEST(pupil_fields, codes_yes_no_and_postcodes) {
    char gender = 'M', sen = 'N';
    bool yes = false;
    std::string text;
    EXPECT_EQ(read_gender_field("f", gender), std::nullopt);
    EXPECT_EQ(gender, 'F');
    EXPECT_THAT(read_gender_field("X", gender), Optional(HasSubstr("should be M or F")));
    EXPECT_EQ(read_sen_field("SEN_K", sen), std::nullopt);
    EXPECT_EQ(sen, 'K');
    EXPECT_EQ(read_sen_field("", sen), std::nullopt);
    EXPECT_EQ(sen, 'N');
    EXPECT_THAT(read_sen_field("Q", sen), Optional(HasSubstr("should be N, K (SEN support), E (EHC plan)")));
    EXPECT_EQ(read_yes_no_field("FSM", "y", yes), std::nullopt);
    EXPECT_TRUE(yes);
    EXPECT_THAT(read_yes_no_field("FSM", "maybe", yes), Optional(HasSubstr("The FSM value \"maybe\" should be Y, N or blank.")));
    EXPECT_EQ(read_postcode_field("unknown", "PR1 8XJ", text), std::nullopt);
    EXPECT_EQ(text, "PR1 8XJ");
    EXPECT_THAT(read_postcode_field("UNKNOWN", "", text), Optional(HasSubstr("not recorded")));
    EXPECT_THAT(read_ethnicity_field("ZZZZ", text), Optional(HasSubstr("not a known ethnic code")));
    EXPECT_THAT(read_name_field("Surname", "", text), Optional(HasSubstr("The Surname is missing")));
    EXPECT_THAT(read_la_reference_field(std::string(21, '9'), text), Optional(HasSubstr("longer than 20")));
}

}  // namespace
}  // namespace waymark::domain
