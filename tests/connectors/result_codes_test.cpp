#include "ctf/result_codes.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

namespace waymark::connectors::ctf {
namespace {

using ::testing::HasSubstr;

const std::string header = "stage,subject,method,component,result_qualifier,kind,waymark_subject,values\n";

TEST(result_codes, maps_both_ways_with_value_pairs) {
    const auto codes = result_codes::parse(header + "FSP,COM,TA,E01,,eyfsp_goal,E01,Emerging=1;Expected=2\n"
                                                    "KS2,MAT,TT,,SS,ks2_scaled,maths,\n",
                                           "codes.csv");
    EXPECT_EQ(codes.size(), 2u);
    const auto goal = codes.to_waymark({"fsp", "com", "ta", "e01", ""}, "2");
    ASSERT_TRUE(goal.has_value());
    EXPECT_EQ(goal->kind, domain::statutory_kind::eyfsp_goal);
    EXPECT_EQ(goal->subject, "E01");
    EXPECT_EQ(goal->value, "Expected");
    EXPECT_EQ(codes.to_waymark({"FSP", "COM", "TA", "E01", ""}, "3"), std::nullopt);  // not a listed value
    EXPECT_EQ(codes.to_waymark({"FSP", "COM", "TA", "E02", ""}, "2"), std::nullopt);  // not a mapped key

    const auto scaled = codes.to_waymark({"KS2", "MAT", "TT", "", "SS"}, "104");
    ASSERT_TRUE(scaled.has_value());
    EXPECT_EQ(scaled->value, "104");

    const domain::statutory_result expected_goal{"", domain::statutory_kind::eyfsp_goal, "E01", "Expected", {}};
    const auto back = codes.to_ctf(expected_goal);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->first, (result_key{"FSP", "COM", "TA", "E01", ""}));
    EXPECT_EQ(back->second, "2");
    EXPECT_EQ(codes.to_ctf({"", domain::statutory_kind::ks2_scaled, "reading", "100", {}}), std::nullopt);
}

TEST(result_codes, bad_tables_name_file_and_line) {
    const auto refusal = [](const std::string &text) {
        try {
            result_codes::parse(text, "codes.csv");
        } catch (const result_codes_error &error) {
            return std::string(error.what());
        }
        return std::string("accepted");
    };
    EXPECT_THAT(refusal("stage,subject\n"), HasSubstr("codes.csv, line 1: the header should read"));
    EXPECT_THAT(refusal(header + "KS2,MAT,TT,,SS,ks9_scaled,maths,\n"), HasSubstr("line 2: \"ks9_scaled\" is not"));
    EXPECT_THAT(refusal(header + "KS2,MAT,TT,,SS\n"), HasSubstr("line 2: the row has 5 cells"));
    EXPECT_THAT(refusal(header + "KS2,MAT,TT,,SS,ks2_scaled,maths,\nks2,mat,tt,,ss,ks2_scaled,maths,\n"),
                HasSubstr("line 3: this key is already mapped"));
    EXPECT_THAT(refusal(header + "FSP,COM,TA,E01,,eyfsp_goal,E01,Expected\n"), HasSubstr("should read waymark=ctf"));
}

TEST(result_codes, the_shipped_table_loads) {
    const auto codes = result_codes::load(WAYMARK_SOURCE_DIR "/connectors/ctf/result_codes.csv");
    EXPECT_GE(codes.size(), 30u);
    EXPECT_THROW(result_codes::load("/nonexistent/result_codes.csv"), result_codes_error);
}

TEST(default_result_codes_file, environment_wins_then_a_file_that_exists) {
    ::setenv("WAYMARK_CTF_RESULT_CODES", "/somewhere/codes.csv", 1);
    EXPECT_EQ(default_result_codes_file(), "/somewhere/codes.csv");
    ::unsetenv("WAYMARK_CTF_RESULT_CODES");
    EXPECT_TRUE(std::filesystem::exists(default_result_codes_file()));
}

}  // namespace
}  // namespace waymark::connectors::ctf
