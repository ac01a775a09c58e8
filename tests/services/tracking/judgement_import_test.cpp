#include "services/tracking/judgement_import.hpp"

#include "tracking_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace waymark {
namespace {

using ::testing::HasSubstr;
using services::recorder;

class judgement_import_test : public testing::tracking_test {
protected:
    void SetUp() override {
        tracking_test::SetUp();
        if (!IsSkipped()) assessment_ = add_classes_and_assessment();
    }
    services::judgement_import_result import(const std::string &text) {
        return services::import_judgement_csv(db(), school_, assessment_, *schemes_, write_file("judgements.csv", text),
                                              recorder{"mrs.khan", "2026-02-10T09:00:00Z"});
    }
    services::assessment assessment_;
};

TEST_P(judgement_import_test, records_judgements_and_test_scores_of_a_good_file) {
    const std::string one = testing::test_upn(1), two = testing::test_upn(2);
    const auto result = import("Subject,UPN,Value,Kind,Against\n"
                               "reading," + one + ",on track,,\n"
                               "Writing," + one + ",T,judgement,\n"
                               "maths," + one + ",104,test,\n"
                               "science," + two + ",44,,3\n"
                               "phonics," + two + ",\"Phase 5, secure\",phonics,\n");
    ASSERT_TRUE(result.ok()) << connectors::csv::describe(result.problems.front());
    EXPECT_EQ(result.recorded, 5u);
    const auto cells = services::current_cells(db().session(), assessment_, {}, "");
    ASSERT_EQ(cells.size(), 5u);
    EXPECT_EQ(cells[0].record.value, "OT");
    EXPECT_EQ(cells[0].record.recorded_by, "mrs.khan");
    EXPECT_EQ(cells[3].record.judged_year, 3);
    EXPECT_EQ(cells[4].record.value, "Phase 5, secure");
}

TEST_P(judgement_import_test, reads_csv_text_already_in_memory_as_it_reads_a_file) {
    const std::string text = "UPN,subject,value\n" + testing::test_upn(1) + ",reading,OT\n" + testing::test_upn(99) + ",reading,OT\n";
    const auto refused = services::import_judgement_csv_text(db(), school_, assessment_, *schemes_, text, recorder{"mrs.khan", ""});
    ASSERT_EQ(refused.problems.size(), 1u);
    EXPECT_EQ(refused.problems[0].line, 3u);
    EXPECT_EQ(record_count(), 0u);
    const auto recorded = services::import_judgement_csv_text(db(), school_, assessment_, *schemes_, text.substr(0, text.rfind(testing::test_upn(99))),
                                                              recorder{"mrs.khan", ""});
    EXPECT_TRUE(recorded.ok());
    EXPECT_EQ(recorded.recorded, 1u);
}

TEST_P(judgement_import_test, lists_every_bad_row_by_line_and_records_nothing) {
    const std::string one = testing::test_upn(1);
    ASSERT_TRUE(import("UPN,subject,value\n" + one + ",reading,B\n").ok());
    const auto result = import("UPN,subject,value,kind\n" +
                               one + ",reading,OT,\n" +                         // 2: fine
                               one + ",writing,brilliant,\n" +                  // 3: not a grade
                               testing::test_upn(99) + ",reading,OT,\n" +       // 4: no such pupil
                               one + ",maths,300,test\n" +                      // 5: not standardised
                               one + ",maths,OT,quiz\n" +                       // 6: no such kind
                               one + ",history,OT,\n" +                         // 7: not in the assessment
                               one + ",reading,D,\n");                          // 8: reading twice
    ASSERT_EQ(result.problems.size(), 6u);
    EXPECT_EQ(result.problems[0].line, 3u);
    EXPECT_THAT(result.problems[0].reason, HasSubstr("On track"));
    EXPECT_EQ(result.problems[1].line, 4u);
    EXPECT_EQ(result.problems[2].line, 5u);
    EXPECT_EQ(result.problems[3].line, 6u);
    EXPECT_EQ(result.problems[3].column, "kind");
    EXPECT_EQ(result.problems[4].line, 7u);
    EXPECT_EQ(result.problems[5].line, 8u);
    EXPECT_EQ(result.recorded, 0u);
    EXPECT_EQ(record_count(), 1u);  // only the first import's
}

TEST_P(judgement_import_test, refuses_a_header_without_the_required_columns) {
    const auto result = import("UPN,grade\n" + testing::test_upn(1) + ",OT\n");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.problems.front().line, 1u);
    EXPECT_EQ(record_count(), 0u);
}

TEST_P(judgement_import_test, refuses_broken_csv_with_its_line) {
    const auto result = import("UPN,subject,value\n" + testing::test_upn(1) + ",reading,\"OT\n");
    ASSERT_EQ(result.problems.size(), 1u);
    EXPECT_GE(result.problems.front().line, 2u);
    EXPECT_EQ(record_count(), 0u);
}

// Found by fuzz_judgements_csv: a file that is not CSV was refused with "... (column 15)", no
// sentence; now worded as the pupil upload words it.
TEST(judgement_csv, a_file_that_is_not_csv_is_one_sentence_naming_line_and_character) {
    const auto file = services::read_judgement_csv("UPN,subject,value\r\nA1,maths,OT\r\nA1,ack\"\r\n");
    ASSERT_EQ(file.problems.size(), 1u);
    EXPECT_EQ(connectors::csv::describe(file.problems.front()),
              "Line 3: At character 7, a quotation mark is out of place (a quoted cell must start and end with \", and a "
              "\" inside it is written twice).");
    EXPECT_TRUE(file.changes.empty());
}

WAYMARK_ON_EVERY_DATABASE(judgement_import_test);

}  // namespace
}  // namespace waymark
