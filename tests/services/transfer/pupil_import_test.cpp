#include "services/transfer/pupil_import.hpp"

#include "school_fixture.hpp"
#include "domain/upn.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>


namespace waymark {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;

const std::string header = "UPN,Surname,Forename,DOB,Gender,Postcode,FSM,Ethnic code,EAL,SEN,LA reference\n";

std::string upn(int serial) {
    std::string digits = std::to_string(serial);
    const std::string body = "8012000" + std::string(5 - digits.size(), '0') + digits;
    return domain::upn_check_letter(body) + body;
}

std::string row(int serial, const std::string &postcode = "PR1 1AA") {
    return upn(serial) + ",Smith" + std::to_string(serial) + ",Amy,05/03/2019,F," + postcode + ",N,WBRI,N,,\n";
}

auto problem_at(std::size_t line, const std::string &column, const std::string &reason_part) {
    return AllOf(Field(&connectors::csv::upload_problem::line, line), Field(&connectors::csv::upload_problem::column, column),
                 Field(&connectors::csv::upload_problem::reason, HasSubstr(reason_part)));
}

class pupil_import_test : public testing::school_test {
protected:
    std::filesystem::path csv(const std::string &text) { return write_file("pupils.csv", text); }
    std::vector<domain::pupil> pupils() { return pupils_of(school_); }
};

TEST_P(pupil_import_test, adds_every_pupil_of_a_good_file) {
    const auto result = services::import_pupil_csv(db(), school_, csv(header + row(1) + row(2, "UNKNOWN") + row(3)));
    ASSERT_TRUE(result.ok()) << connectors::csv::describe(result.problems.front());
    EXPECT_EQ(result.added, 3u);
    const auto stored = pupils();
    ASSERT_EQ(stored.size(), 3u);
    EXPECT_EQ(stored[0].surname, "Smith1");
    EXPECT_EQ(stored[1].postcode, "PR1 8XJ");  // UNKNOWN: the school's own
    EXPECT_EQ(stored[1].upn, upn(2));
}

TEST_P(pupil_import_test, every_kind_of_bad_row_leaves_the_database_unchanged) {
    ASSERT_TRUE(services::import_pupil_csv(db(), school_, csv(header + row(1))).ok());
    const auto before = pupils();
    std::string wrong_letter = upn(4);
    wrong_letter[0] = wrong_letter[0] == 'A' ? 'B' : 'A';
    const std::string bad = header + row(2) +                                                  // 2: fine
                            wrong_letter + ",Smith,Amy,05/03/2019,F,PR1 1AA,N,WBRI,N,,\n" +     // 3
                            upn(5) + ",Smith,Amy,2019-03-05,F,PR1 1AA,N,WBRI,N,,\n" +          // 4
                            upn(6) + ",Smith,Amy,05/03/2019,X,PR1 1AA,N,WBRI,N,,\n" +          // 5
                            upn(7) + ",Smith,Amy,05/03/2019,F,,N,WBRI,N,,\n" +                 // 6
                            upn(8) + ",Smith,Amy,05/03/2019,F,PR1 1AA,Q,WBRI,N,,\n" +          // 7
                            upn(9) + ",Smith,Amy,05/03/2019,F,PR1 1AA,N,,N,,\n" +              // 8
                            upn(10) + ",Smith,Amy,05/03/2019,F,PR1 1AA,N,WBRI,maybe,,\n" +     // 9
                            upn(11) + ",Smith,Amy,05/03/2019,F,PR1 1AA,N,WBRI,N,Z,\n" +        // 10
                            row(2);                                                            // 11: repeat
    const auto result = services::import_pupil_csv(db(), school_, csv(bad));
    EXPECT_THAT(result.problems, ElementsAre(problem_at(3, "UPN", "should start with"), problem_at(4, "DOB", "dd/mm/yyyy"),
                                             problem_at(5, "Gender", "M or F"), problem_at(6, "Postcode", "missing"),
                                             problem_at(7, "FSM", "Y, N or blank"), problem_at(8, "Ethnic code", "missing"),
                                             problem_at(9, "EAL", "Y, N or blank"), problem_at(10, "SEN", "should be N"),
                                             problem_at(11, "UPN", "also on line 2")));
    EXPECT_EQ(result.added, 0u);
    EXPECT_EQ(pupils(), before);
}

TEST_P(pupil_import_test, a_upn_waymark_already_has_refuses_the_whole_file) {
    ASSERT_TRUE(services::import_pupil_csv(db(), school_, csv(header + row(1))).ok());
    const auto before = pupils();
    const auto result = services::import_pupil_csv(db(), school_, csv(header + row(2) + row(3) + row(1)));
    EXPECT_THAT(result.problems, ElementsAre(problem_at(4, "UPN", "already belongs to a pupil of Brookside Primary")));
    EXPECT_EQ(pupils(), before);
}

TEST_P(pupil_import_test, a_file_that_cannot_be_read_says_so) {
    const auto result = services::import_pupil_csv(db(), school_, scratch_folder() / "missing.csv");
    EXPECT_THAT(result.problems, ElementsAre(problem_at(0, "", "cannot be opened")));
    EXPECT_TRUE(pupils().empty());
}

WAYMARK_ON_EVERY_DATABASE(pupil_import_test);

}  // namespace
}  // namespace waymark
