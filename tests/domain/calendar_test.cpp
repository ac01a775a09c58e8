#include "domain/calendar.hpp"

#include <gtest/gtest.h>

namespace waymark::domain {
namespace {

using namespace std::chrono;

TEST(iso_date, round_trips) {
    const date day = 2025y / September / 1;
    EXPECT_EQ(format_iso_date(day), "2025-09-01");
    EXPECT_EQ(parse_iso_date("2025-09-01"), day);
    EXPECT_EQ(parse_iso_date("2024-02-29"), 2024y / February / 29);
}

TEST(iso_date, refuses_anything_else) {
    for (const char *text : {"", "2025-9-01", "2025-09-1", "25-09-01", "2025/09/01", "2025-13-01", "2025-02-29",
                             "2025-09-01x", "2025-09-01-01", "2025-+9-01", "abcd-ef-gh"})
        EXPECT_EQ(parse_iso_date(text), std::nullopt) << text;
}

TEST(uk_date, round_trips_and_accepts_single_digits) {
    EXPECT_EQ(parse_uk_date("05/03/2019"), 2019y / March / 5);
    EXPECT_EQ(parse_uk_date("5/3/2019"), 2019y / March / 5);
    EXPECT_EQ(format_uk_date(2019y / March / 5), "05/03/2019");
}

TEST(uk_date, refuses_anything_else) {
    for (const char *text : {"", "2019-03-05", "05/03/19", "31/04/2019", "29/02/2019", "05/03/2019/1", "5//2019",
                             "003/03/2019", " 5/03/2019"})
        EXPECT_EQ(parse_uk_date(text), std::nullopt) << text;
}

TEST(academic_year, runs_from_september_to_august) {
    const academic_year year{2025};
    EXPECT_EQ(year.first_day(), 2025y / September / 1);
    EXPECT_EQ(year.last_day(), 2026y / August / 31);
    EXPECT_EQ(academic_year_of(2025y / August / 31), academic_year{2024});
    EXPECT_EQ(academic_year_of(2025y / September / 1), academic_year{2025});
    EXPECT_EQ(academic_year_of(2026y / January / 10), academic_year{2025});
    EXPECT_TRUE(year.contains(2026y / August / 31));
    EXPECT_FALSE(year.contains(2026y / September / 1));
    EXPECT_EQ(year.next(), academic_year{2026});
    EXPECT_EQ(year.previous(), academic_year{2024});
}

TEST(academic_year, text_forms) {
    EXPECT_EQ(format_academic_year({2025}), "2025/2026");
    EXPECT_EQ(parse_academic_year("2025/2026"), academic_year{2025});
    EXPECT_EQ(parse_academic_year("2025-26"), academic_year{2025});
    EXPECT_EQ(parse_academic_year("2099/00"), academic_year{2099});
    for (const char *text : {"", "2025", "2025/2027", "2025/25", "2025/202", "25/26", "2025/2026/2027"})
        EXPECT_EQ(parse_academic_year(text), std::nullopt) << text;
}

TEST(term, conventional_boundaries_and_names) {
    EXPECT_EQ(term_of(2025y / September / 1), term::autumn);
    EXPECT_EQ(term_of(2025y / December / 31), term::autumn);
    EXPECT_EQ(term_of(2026y / January / 1), term::spring);
    EXPECT_EQ(term_of(2026y / March / 31), term::spring);
    EXPECT_EQ(term_of(2026y / April / 1), term::summer);
    EXPECT_EQ(term_of(2026y / August / 31), term::summer);
    EXPECT_EQ(term_name(term::spring), "Spring");
    EXPECT_EQ(parse_term("SUMMER"), term::summer);
    EXPECT_EQ(parse_term("autumn"), term::autumn);
    EXPECT_EQ(parse_term("Winter"), std::nullopt);
}

TEST(nc_year, from_date_of_birth_and_academic_year) {
    // Born 1 Sep 2019 .. 31 Aug 2020: Reception in 2024/2025, Year 1 in 2025/2026.
    EXPECT_EQ(nc_year(2019y / September / 1, {2024}), 0);
    EXPECT_EQ(nc_year(2020y / August / 31, {2024}), 0);
    EXPECT_EQ(nc_year(2020y / August / 31, {2025}), 1);
    EXPECT_EQ(nc_year(2019y / August / 31, {2024}), 1);
    EXPECT_EQ(nc_year(2014y / October / 10, {2025}), 6);
    EXPECT_EQ(nc_year(2021y / January / 1, {2024}), -1);
}

TEST(nc_year, override_wins) {
    EXPECT_EQ(nc_year(2014y / October / 10, {2025}, 5), 5);
}

TEST(summer_born, april_to_august) {
    EXPECT_FALSE(is_summer_born(2019y / March / 31));
    EXPECT_TRUE(is_summer_born(2019y / April / 1));
    EXPECT_TRUE(is_summer_born(2019y / August / 31));
    EXPECT_FALSE(is_summer_born(2019y / September / 1));
}

TEST(key_stage, of_nc_year) {
    EXPECT_EQ(key_stage_of(-1), key_stage::none);
    EXPECT_EQ(key_stage_of(0), key_stage::early_years);
    EXPECT_EQ(key_stage_of(1), key_stage::ks1);
    EXPECT_EQ(key_stage_of(2), key_stage::ks1);
    EXPECT_EQ(key_stage_of(3), key_stage::ks2);
    EXPECT_EQ(key_stage_of(6), key_stage::ks2);
    EXPECT_EQ(key_stage_of(7), key_stage::ks3);
    EXPECT_EQ(key_stage_of(9), key_stage::ks3);
    EXPECT_EQ(key_stage_of(10), key_stage::ks4);
    EXPECT_EQ(key_stage_of(11), key_stage::ks4);
    EXPECT_EQ(key_stage_of(12), key_stage::none);
    EXPECT_EQ(key_stage_name(key_stage::ks2), "KS2");
    EXPECT_EQ(key_stage_name(key_stage::early_years), "EYFS");
}

}  // namespace
}  // namespace waymark::domain
