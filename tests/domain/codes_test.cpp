#include "domain/codes.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

namespace waymark::domain {
namespace {

TEST(ethnicity_codes, twenty_main_codes_each_rolling_up_to_itself) {
    const auto codes = ethnicity_codes();
    const auto main_count = std::ranges::count_if(codes, [](const ethnicity_code &entry) { return entry.is_main(); });
    EXPECT_EQ(main_count, 20);
    for (const char *code : {"WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN",
                             "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"}) {
        const auto *entry = find_ethnicity(code);
        ASSERT_NE(entry, nullptr) << code;
        EXPECT_TRUE(entry->is_main()) << code;
    }
}

TEST(ethnicity_codes, extended_codes_roll_up_to_a_main_code) {
    EXPECT_EQ(find_ethnicity("WENG")->main_code, "WBRI");
    EXPECT_EQ(find_ethnicity("WSCO")->main_code, "WBRI");
    EXPECT_EQ(find_ethnicity("WTUR")->main_code, "WOTH");
    EXPECT_EQ(find_ethnicity("MWAP")->main_code, "MWAS");
    EXPECT_EQ(find_ethnicity("AOPK")->main_code, "APKN");
    EXPECT_EQ(find_ethnicity("AOTA")->main_code, "AOTH");
    EXPECT_EQ(find_ethnicity("BAOF")->main_code, "BAFR");
    for (const auto &entry : ethnicity_codes()) {
        const auto *main = find_ethnicity(entry.main_code);
        ASSERT_NE(main, nullptr) << entry.code;
        EXPECT_TRUE(main->is_main()) << entry.code;
        EXPECT_FALSE(entry.label.empty()) << entry.code;
    }
}

TEST(ethnicity_codes, codes_are_unique) {
    std::set<std::string_view> seen;
    for (const auto &entry : ethnicity_codes()) EXPECT_TRUE(seen.insert(entry.code).second) << entry.code;
}

TEST(ethnicity_codes, lookup_ignores_case_and_returns_the_canonical_code) {
    // The seed tracker's appendix writes "OOth".
    ASSERT_NE(find_ethnicity("OOth"), nullptr);
    EXPECT_EQ(find_ethnicity("OOth")->code, "OOTH");
    EXPECT_EQ(find_ethnicity("wbri")->label, "White - British");
    EXPECT_EQ(find_ethnicity("XXXX"), nullptr);
    EXPECT_EQ(find_ethnicity(""), nullptr);
    EXPECT_EQ(find_ethnicity("WBRIX"), nullptr);
}

TEST(sen_codes, current_and_historic) {
    EXPECT_EQ(sen_codes().size(), 6u);
    EXPECT_EQ(find_sen("k")->label, "SEN support");
    EXPECT_EQ(find_sen("E")->code, "E");
    EXPECT_EQ(find_sen("X"), nullptr);
    EXPECT_TRUE(is_historic_sen('S'));
    EXPECT_TRUE(is_historic_sen('A'));
    EXPECT_FALSE(is_historic_sen('K'));
    EXPECT_FALSE(is_historic_sen('N'));
}

TEST(first_language_codes, the_six_codes_and_which_mean_eal) {
    for (const char *code : {"ENG", "ENB", "OTH", "OTB", "NOT", "REF"}) EXPECT_NE(find_first_language(code), nullptr);
    EXPECT_EQ(first_language_codes().size(), 6u);
    EXPECT_EQ(find_first_language("FRE"), nullptr);
    EXPECT_TRUE(is_eal_language("OTH"));
    EXPECT_TRUE(is_eal_language("otb"));
    EXPECT_FALSE(is_eal_language("ENG"));
    EXPECT_FALSE(is_eal_language("NOT"));
}

TEST(gender_codes, male_and_female) {
    EXPECT_EQ(find_gender("f")->label, "Female");
    EXPECT_EQ(find_gender("M")->code, "M");
    EXPECT_EQ(find_gender("X"), nullptr);
    EXPECT_EQ(gender_codes().size(), 2u);
}

}  // namespace
}  // namespace waymark::domain
