#include "cli_runner.hpp"
#include "ctf_sample.hpp"
#include "school_fixture.hpp"

#include <gmock/gmock.h>


namespace waymark {
namespace {

using testing::run_cli;
using ::testing::HasSubstr;

class import_command_test : public testing::school_test {
protected:
    std::string write(const std::string &name, const std::string &text) { return write_file(name, text).string(); }
    std::size_t pupil_count() { return pupils_of(school_).size(); }
};

const std::string header = "UPN,Surname,Forename,DOB,Gender,Postcode,FSM,Ethnic code,EAL,SEN,LA reference\n";

TEST_P(import_command_test, pupils_from_a_good_csv) {
    const auto file = write("good.csv", header + test::sample_upn(1) + ",Smith,Amy,05/03/2019,F,UNKNOWN,,WBRI,,,\n");
    const auto result = run_cli({"import", "pupils", file, "--db", connection()});
    EXPECT_EQ(result.status, 0) << result.err;
    EXPECT_THAT(result.out, HasSubstr("Added 1 pupil to Brookside Primary."));
    EXPECT_EQ(pupil_count(), 1u);
}

TEST_P(import_command_test, every_problem_of_a_bad_csv_is_listed_and_nothing_is_added) {
    const auto file = write("bad.csv", header + test::sample_upn(1) + ",Smith,Amy,05/03/2019,F,PR1 1AA,,WBRI,,,\n" +
                                           "Q207000016049,Smith,Amy,31/02/2019,F,PR1 1AA,,WBRI,,,\n" +
                                           test::sample_upn(2) + ",Smith,Amy,05/03/2109,F,PR1 1AA,,WBRI,,,\n");
    const auto result = run_cli({"import", "pupils", file, "--db", connection()});
    EXPECT_EQ(result.status, 1);
    EXPECT_THAT(result.err, HasSubstr(file + ": Line 3, UPN: The UPN \"Q207000016049\" fails its check letter"));
    EXPECT_THAT(result.err, HasSubstr(file + ": Line 3, DOB: \"31/02/2019\" is not a day of the calendar"));
    // The school's current year bounds the dates of birth.
    EXPECT_THAT(result.err, HasSubstr(file + ": Line 4, DOB: \"05/03/2109\" makes the pupil too young for Nursery in"));
    EXPECT_THAT(result.err, HasSubstr("Nothing was imported: 3 problems to fix"));
    EXPECT_EQ(pupil_count(), 0u);
}

TEST_P(import_command_test, a_ctf_with_its_report) {
    const auto file = write("in.xml",
        "<CTfile><Header><SourceSchool><SchoolName>Hillside</SchoolName><AcademicYear>2025/2026</AcademicYear>"
        "</SourceSchool></Header><CTFpupilData><Pupil><UPN>" + test::sample_upn(1) +
        "</UPN><Surname>Smith</Surname><Forename>Amy</Forename><DOB>2015-03-05</DOB><Sex>F</Sex>"
        "<StageAssessments><KeyStage><Stage>KS2</Stage><StageAssessment><Year>2025</Year><Subject>FRE</Subject>"
        "<Method>TA</Method><Result>EXS</Result></StageAssessment></KeyStage></StageAssessments></Pupil>"
        "</CTFpupilData></CTfile>");
    const auto result = run_cli({"import", "ctf", file, "--db", connection()});
    EXPECT_EQ(result.status, 0) << result.err;
    EXPECT_THAT(result.out, HasSubstr("Added 1 pupil to Brookside Primary from Hillside."));
    EXPECT_THAT(result.out, HasSubstr("1 had no postcode in the file and were given the school's own."));
    EXPECT_THAT(result.out, HasSubstr("1 results are not in the result-code table and were kept aside:"));
    EXPECT_THAT(result.out, HasSubstr("KS2 FRE TA   = EXS (2025)"));
}

TEST_P(import_command_test, a_hostile_ctf_is_one_sentence_and_a_bad_call_is_a_usage_error) {
    const auto file = write("evil.xml", "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><CTfile>&x;</CTfile>");
    const auto hostile = run_cli({"import", "ctf", file, "--db", connection()});
    EXPECT_EQ(hostile.status, 1);
    EXPECT_THAT(hostile.err, HasSubstr("contains a DOCTYPE or entity declaration"));
    EXPECT_EQ(pupil_count(), 0u);
    const auto unknown = run_cli({"import", "teachers", file, "--db", connection()});
    EXPECT_EQ(unknown.status, 2);
    EXPECT_THAT(unknown.err, HasSubstr("takes pupils, ctf or judgements, not 'teachers'"));
}

WAYMARK_ON_EVERY_DATABASE(import_command_test);

}  // namespace
}  // namespace waymark
