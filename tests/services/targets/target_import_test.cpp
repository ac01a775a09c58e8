#include "services/targets/target_import.hpp"

#include "target_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace waymark {
namespace {

using ::testing::HasSubstr;
using testing::test_upn;

std::vector<std::string> described(const services::target_import_result &result) {
    std::vector<std::string> out;
    for (const auto &problem : result.problems) out.push_back(connectors::csv::describe(problem));
    return out;
}

class target_import_test : public testing::target_test {
protected:
    services::target_import_result import(const std::string &text, const std::string &instant = "2026-02-10T09:00:00Z") {
        return services::import_target_csv(db(), school_, *schemes_, write_file("targets.csv", text), at(instant));
    }
};

TEST_P(target_import_test, stores_every_target_of_a_good_file) {
    const auto result = import("Grade,UPN,Subject,Horizon\n"
                               "4b," + test_upn(1) + ",maths,end_of_key_stage\n"
                               "3A," + test_upn(2) + ",Maths,end_of_year\n"
                               "62," + test_upn(1) + ",science,key_stage\n");
    ASSERT_TRUE(result.ok()) << described(result).front();
    ASSERT_EQ(result.recorded.size(), 3u);
    EXPECT_EQ(result.recorded[1].grade_code, "3a");
    EXPECT_EQ(listed().size(), 3u);
}

TEST_P(target_import_test, lists_every_bad_line_and_stores_nothing) {
    const auto result = import("UPN,subject,horizon,grade\n"
                               + test_upn(1) + ",maths,end_of_key_stage,4b\n"
                               + test_upn(2) + ",maths,next_year,4b\n"
                               + test_upn(99) + ",maths,end_of_key_stage,4b\n"
                               + test_upn(3) + ",maths,end_of_key_stage,brilliant\n"
                               + test_upn(1) + ",maths,end_of_key_stage,4a\n"
                               + test_upn(3) + ",science,end_of_year,\n");
    EXPECT_FALSE(result.ok());
    const auto problems = described(result);
    ASSERT_EQ(problems.size(), 5u);
    EXPECT_THAT(problems[0], HasSubstr("Line 3, horizon: 'next_year' is not a horizon"));
    EXPECT_THAT(problems[1], HasSubstr("Line 4"));
    EXPECT_THAT(problems[1], HasSubstr(test_upn(99)));
    EXPECT_THAT(problems[2], HasSubstr("Line 5"));
    EXPECT_THAT(problems[2], HasSubstr("'brilliant'"));
    EXPECT_THAT(problems[3], HasSubstr("Line 6: Pupil " + test_upn(1) + "'s end_of_key_stage maths target is given twice"));
    EXPECT_THAT(problems[4], HasSubstr("Line 7, grade: The grade is empty"));
    EXPECT_TRUE(listed().empty());
}

// Found by fuzz_judgements_csv (the imports share the reading): a file that is not CSV was refused
// with "... (column 1)", no sentence.
TEST(target_csv, a_file_that_is_not_csv_is_one_sentence_naming_line_and_character) {
    const auto file = services::read_target_csv("UPN,subject,horizon,grade\n\xFF\n");
    ASSERT_EQ(file.problems.size(), 1u);
    EXPECT_EQ(connectors::csv::describe(file.problems.front()),
              "Line 2: At character 1, the text is not UTF-8 (save the file as \"CSV UTF-8\" rather than plain \"CSV\").");
}

TEST_P(target_import_test, refuses_a_header_without_the_columns_it_needs) {
    const auto result = import("UPN,subject,grade,colour\n" + test_upn(1) + ",maths,4b,red\n");
    const auto problems = described(result);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_THAT(problems[0], HasSubstr("is not a column of the targets file; the columns are UPN, subject, horizon, grade"));
    EXPECT_THAT(problems[1], HasSubstr("The header row has no horizon column; add it."));
}

TEST_P(target_import_test, a_file_outside_the_window_stores_nothing_and_says_why) {
    services::target_policy policy;
    policy.window_to = domain::parse_iso_date("2025-10-31");
    services::save_target_policy(db(), school_, policy, at("2025-09-01T08:00:00Z"));
    const auto result = import("UPN,subject,horizon,grade\n" + test_upn(1) + ",maths,end_of_key_stage,4b\n");
    ASSERT_EQ(described(result).size(), 1u);
    EXPECT_THAT(described(result).front(), HasSubstr("may be set or changed only until 2025-10-31; 2026-02-10 is outside"));
    EXPECT_TRUE(listed().empty());
}

WAYMARK_ON_EVERY_DATABASE(target_import_test);

}  // namespace
}  // namespace waymark
