#include "domain/statutory.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace waymark::domain {
namespace {

using ::testing::HasSubstr;

statutory_result result(statutory_kind kind, std::string subject, std::string value) {
    return {"B801200005001", kind, std::move(subject), std::move(value), {2024}};
}

TEST(statutory_kind, names_round_trip) {
    for (const auto kind : {statutory_kind::eyfsp_goal, statutory_kind::eyfsp_gld, statutory_kind::phonics_mark,
                            statutory_kind::phonics_outcome, statutory_kind::ks1_ta, statutory_kind::ks1_scaled,
                            statutory_kind::ks2_ta, statutory_kind::ks2_scaled})
        EXPECT_EQ(parse_statutory_kind(statutory_kind_name(kind)), kind);
    EXPECT_EQ(parse_statutory_kind("ks3_ta"), std::nullopt);
}

TEST(statutory_problem, accepts_good_results) {
    EXPECT_EQ(statutory_problem(result(statutory_kind::eyfsp_goal, "E01", "Expected")), std::nullopt);
    EXPECT_EQ(statutory_problem(result(statutory_kind::eyfsp_goal, "E17", "Emerging")), std::nullopt);
    EXPECT_EQ(statutory_problem(result(statutory_kind::eyfsp_gld, "", "Y")), std::nullopt);
    EXPECT_EQ(statutory_problem(result(statutory_kind::phonics_mark, "", "0")), std::nullopt);
    EXPECT_EQ(statutory_problem(result(statutory_kind::phonics_mark, "", "40")), std::nullopt);
    EXPECT_EQ(statutory_problem(result(statutory_kind::phonics_outcome, "", "Wa")), std::nullopt);
    EXPECT_EQ(statutory_problem(result(statutory_kind::ks1_ta, "reading", "EXS")), std::nullopt);
    EXPECT_EQ(statutory_problem(result(statutory_kind::ks1_ta, "science", "HNM")), std::nullopt);
    EXPECT_EQ(statutory_problem(result(statutory_kind::ks1_scaled, "maths", "79")), std::nullopt);
    EXPECT_EQ(statutory_problem(result(statutory_kind::ks2_ta, "writing", "PK6")), std::nullopt);
    EXPECT_EQ(statutory_problem(result(statutory_kind::ks2_scaled, "gps", "120")), std::nullopt);
}

TEST(statutory_problem, names_what_is_wrong) {
    EXPECT_THAT(statutory_problem(result(statutory_kind::eyfsp_goal, "E18", "Expected")).value_or(""), HasSubstr("E01 to E17"));
    EXPECT_THAT(statutory_problem(result(statutory_kind::eyfsp_goal, "E1", "Expected")).value_or(""), HasSubstr("E01 to E17"));
    EXPECT_THAT(statutory_problem(result(statutory_kind::eyfsp_goal, "E05", "Exceeding")).value_or(""),
                HasSubstr("Emerging or Expected"));
    EXPECT_THAT(statutory_problem(result(statutory_kind::eyfsp_gld, "", "Yes")).value_or(""), HasSubstr("Y or N"));
    EXPECT_THAT(statutory_problem(result(statutory_kind::phonics_mark, "", "41")).value_or(""), HasSubstr("0 to 40"));
    EXPECT_THAT(statutory_problem(result(statutory_kind::phonics_mark, "", "3x")).value_or(""), HasSubstr("0 to 40"));
    EXPECT_THAT(statutory_problem(result(statutory_kind::phonics_outcome, "", "wa")).value_or(""), HasSubstr("Wa, Wt"));
    EXPECT_THAT(statutory_problem(result(statutory_kind::ks1_ta, "reading", "PK5")).value_or(""), HasSubstr("KS1 code"));
    EXPECT_THAT(statutory_problem(result(statutory_kind::ks1_ta, "history", "EXS")).value_or(""), HasSubstr("\"history\""));
    EXPECT_THAT(statutory_problem(result(statutory_kind::ks1_scaled, "maths", "121")).value_or(""), HasSubstr("79 to 120"));
    EXPECT_THAT(statutory_problem(result(statutory_kind::ks2_scaled, "maths", "79")).value_or(""), HasSubstr("80 to 120"));
}

}  // namespace
}  // namespace waymark::domain
