#include "csv/pupil_csv.hpp"

#include "domain/upn.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace waymark::connectors::csv {
namespace {

using namespace std::chrono;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::SizeIs;

const std::string header = "UPN,Surname,Forename,DOB,Gender,Postcode,FSM,Ethnic code,EAL,SEN,LA reference\n";
const upload_options school{"PR1 8XJ", std::nullopt};

// A valid UPN for LA 801, establishment 2000, with the given serial number.
std::string upn(int serial) {
    std::string body = "8012000" + std::string(5 - std::to_string(serial).size(), '0') + std::to_string(serial);
    return domain::upn_check_letter(body) + body;
}

std::string good_row(int serial) {
    return upn(serial) + ",Smith,Amy,05/03/2019,F,PR1 1AA,N,WBRI,N,,LA" + std::to_string(serial) + "\n";
}

auto problem_at(std::size_t line, const std::string &column, const std::string &reason_part) {
    return AllOf(Field(&upload_problem::line, line), Field(&upload_problem::column, column),
                 Field(&upload_problem::reason, HasSubstr(reason_part)));
}

TEST(read_pupil_upload, reads_every_field) {
    const auto upload = read_pupil_upload(
        header + upn(1) + ",O'Brien,\"Zoë, Ann\",5/3/2019,f,pr18xj,Y,wsco,Y,SEN_K,L123\n" + good_row(2), school);
    ASSERT_TRUE(upload.ok()) << describe(upload.problems.front());
    ASSERT_THAT(upload.pupils, SizeIs(2));
    const domain::pupil &first = upload.pupils[0];
    EXPECT_EQ(first.upn, upn(1));
    EXPECT_EQ(first.surname, "O'Brien");
    EXPECT_EQ(first.forename, "Zoë, Ann");
    EXPECT_EQ(first.date_of_birth, 2019y / March / 5);
    EXPECT_EQ(first.gender, 'F');
    EXPECT_EQ(first.postcode, "PR1 8XJ");
    EXPECT_TRUE(first.fsm);
    EXPECT_EQ(first.ethnicity, "WSCO");
    EXPECT_TRUE(first.eal);
    EXPECT_EQ(first.sen, 'K');
    EXPECT_EQ(first.la_reference, "L123");
    EXPECT_FALSE(upload.pupils[1].fsm);
    EXPECT_EQ(upload.pupils[1].sen, 'N');
    EXPECT_THAT(upload.lines, ElementsAre(2u, 3u));
}

TEST(read_pupil_upload, template_headings_in_any_order_and_case_with_bom_and_crlf) {
    const std::string text = "\xEF\xBB\xBF" "surname,UPN,Forename,DOB dd/mm/yyyy,Gender M or F,POSTCODE,FSM Allow Y, N or blank,"
                             "Ethnic code,English as additional language Allow Y, N or blank,"
                             "SEN Allow SEN_K, SEN_E, S For office use only,LCCNo\r\n";
    // The template's long headings contain commas, so a real file quotes them.
    const std::string quoted_header = "\xEF\xBB\xBF" "surname,UPN,Forename,DOB dd/mm/yyyy,Gender M or F,POSTCODE,"
                                      "\"FSM Allow Y, N or blank\",Ethnic code,"
                                      "\"English as additional language Allow Y, N or blank\","
                                      "\"SEN Allow SEN_K, SEN_E, S For office use only\",LCCNo\r\n";
    const auto upload = read_pupil_upload(quoted_header + "Jones," + upn(7) + ",Sam,01/09/2018,M,UNKNOWN,,NOBT,,E,\r\n",
                                          school);
    ASSERT_TRUE(upload.ok()) << describe(upload.problems.front());
    EXPECT_EQ(upload.pupils[0].surname, "Jones");
    EXPECT_EQ(upload.pupils[0].postcode, "PR1 8XJ");  // UNKNOWN: the school's own
    EXPECT_EQ(upload.pupils[0].sen, 'E');
    // Unquoted, the commas split the headings into unknown columns.
    EXPECT_FALSE(read_pupil_upload(text, school).ok());
}

TEST(read_pupil_upload, quoted_line_break_in_a_name_keeps_line_numbers_right) {
    const auto upload = read_pupil_upload(header + upn(1) + ",\"Two\nLines\",Amy,05/03/2019,F,PR1 1AA,N,WBRI,N,,\n" +
                                              upn(2) + ",Smith,Amy,31/02/2019,F,PR1 1AA,N,WBRI,N,,\n",
                                          school);
    EXPECT_THAT(upload.problems,
                ElementsAre(problem_at(2, "Surname", "line break"), problem_at(4, "DOB", "not a day of the calendar")));
}

TEST(read_pupil_upload, every_kind_of_bad_cell_is_reported_with_line_and_column) {
    std::string bad_check_letter = upn(3);
    bad_check_letter[0] = bad_check_letter[0] == 'A' ? 'B' : 'A';
    const std::string text = header +
                             good_row(1) +                                                                   // line 2
                             bad_check_letter + ",Smith,Amy,05/03/2019,F,PR1 1AA,N,WBRI,N,,\n" +            // 3
                             "B80120000500,Smith,Amy,05/03/2019,F,PR1 1AA,N,WBRI,N,,\n" +                   // 4
                             ",Smith,Amy,05/03/2019,F,PR1 1AA,N,WBRI,N,,\n" +                               // 5
                             upn(6) + ",,,2019-03-05,X,,Maybe,,yes,Q,\n" +                                  // 6
                             upn(7) + ",Smith,Amy,05/03/2019,F,NOT A CODE,N,ZZZZ,N,,ABCDEFGHIJKLMNOPQRSTUVWXYZ\n" +  // 7
                             good_row(1);                                                                   // 8
    const auto upload = read_pupil_upload(text, school);
    EXPECT_TRUE(upload.pupils.empty());
    EXPECT_THAT(upload.problems,
                ElementsAre(problem_at(3, "UPN", "should start with " + upn(3).substr(0, 1)),
                            problem_at(4, "UPN", "has 12 characters"),
                            problem_at(5, "UPN", "missing"),
                            problem_at(6, "Surname", "missing"),
                            problem_at(6, "Forename", "missing"),
                            problem_at(6, "DOB", "dd/mm/yyyy"),
                            problem_at(6, "Gender", "should be M or F"),
                            problem_at(6, "Postcode", "UNKNOWN"),
                            problem_at(6, "FSM", "Y, N or blank"),
                            problem_at(6, "Ethnic code", "missing"),
                            problem_at(6, "EAL", "Y, N or blank"),
                            problem_at(6, "SEN", "should be N, K"),
                            problem_at(7, "Postcode", "not a UK postcode"),
                            problem_at(7, "Ethnic code", "not a known ethnic code"),
                            problem_at(7, "LA reference", "longer than 20"),
                            problem_at(8, "UPN", "also on line 2")));
    for (const auto &problem : upload.problems) {
        const std::string sentence = describe(problem);
        EXPECT_EQ(sentence.back(), '.') << sentence;
        EXPECT_TRUE(sentence.starts_with("Line " + std::to_string(problem.line) + ", " + problem.column + ": ")) << sentence;
    }
}

TEST(read_pupil_upload, dates_of_birth_are_real_days_within_school_age) {
    const auto row = [](int serial, std::string_view dob) {
        return upn(serial) + ",Smith,Amy," + std::string(dob) + ",F,PR1 1AA,N,WBRI,N,,\n";
    };
    // Year 11 in 2025/2026: born 1 Sep 2009 - 31 Aug 2010; Nursery N1: 1 Sep 2022 - 31 Aug 2023.
    const std::string text = header + row(1, "31/02/2019") + row(2, "5/3/2019") + row(3, "05/13/2019") +
                             row(4, "05/03/2109") + row(5, "31/08/2009") + row(6, "01/09/2009") + row(7, "01/09/2023") +
                             row(8, "31/08/2023");
    const upload_options in_2025{"PR1 8XJ", domain::academic_year{2025}};
    EXPECT_THAT(read_pupil_upload(text, in_2025).problems,
                ElementsAre(problem_at(2, "DOB", "\"31/02/2019\" is not a day of the calendar"),
                            problem_at(4, "DOB", "not a day of the calendar"),
                            problem_at(5, "DOB", "too young for Nursery in 2025/2026"),
                            problem_at(6, "DOB", "puts the pupil in Year 12 in 2025/2026, past Year 11"),
                            problem_at(8, "DOB", "too young for Nursery")));
    // Without the school's year only the calendar is checked.
    EXPECT_THAT(read_pupil_upload(text, school).problems,
                ElementsAre(problem_at(2, "DOB", "not a day"), problem_at(4, "DOB", "not a day")));
    EXPECT_THAT(read_pupil_upload(header + row(1, "5/3/19") + row(2, "05-03-2019"), school).problems,
                ElementsAre(problem_at(2, "DOB", "not a date in the form dd/mm/yyyy"),
                            problem_at(3, "DOB", "not a date in the form dd/mm/yyyy")));
}

TEST(read_pupil_upload, unknown_postcode_needs_the_school_postcode) {
    const auto upload = read_pupil_upload(header + upn(1) + ",Smith,Amy,05/03/2019,F,unknown,N,WBRI,N,,\n", {});
    EXPECT_THAT(upload.problems, ElementsAre(problem_at(2, "Postcode", "school's own postcode")));
}

TEST(read_pupil_upload, missing_unknown_and_repeated_columns_are_named) {
    const auto upload = read_pupil_upload("UPN,Surname,Forename,DOB,Gender,Postcode,FSM,Ethnic code,EAL,SEN,Year,UPN\n" +
                                              good_row(1),
                                          school);
    EXPECT_THAT(upload.problems, ElementsAre(problem_at(1, "Year", "\"Year\" is not one of the template's columns"),
                                             problem_at(1, "UPN", "appears twice"),
                                             problem_at(1, "LA reference", "missing from the header")));
}

TEST(read_pupil_upload, values_beyond_the_header_or_under_unnamed_columns) {
    const std::string padded_header = "UPN,Surname,Forename,DOB,Gender,Postcode,FSM,Ethnic code,EAL,SEN,LA reference,\n";
    // Excel's trailing empty column is harmless while it stays empty.
    EXPECT_TRUE(read_pupil_upload(padded_header + upn(1) + ",Smith,Amy,05/03/2019,F,PR1 1AA,N,WBRI,N,,,\n", school).ok());
    const auto upload = read_pupil_upload(
        padded_header + upn(1) + ",Smith,Amy,05/03/2019,F,PR1 1AA,N,WBRI,N,,,stray\n" + upn(2) +
            ",Smith,Amy,05/03/2019,F,PR1 1AA,N,WBRI,N,,,,extra\n",
        school);
    EXPECT_THAT(upload.problems, ElementsAre(problem_at(2, "", "no heading"), problem_at(3, "", "13 cells but the header has 12")));
}

TEST(read_pupil_upload, blank_rows_are_skipped) {
    const auto upload = read_pupil_upload(header + good_row(1) + ",,,,,,,,,,\n\n" + good_row(2), school);
    ASSERT_TRUE(upload.ok());
    EXPECT_THAT(upload.lines, ElementsAre(2u, 5u));
}

TEST(read_pupil_upload, file_level_problems) {
    EXPECT_THAT(read_pupil_upload("", school).problems, ElementsAre(problem_at(0, "", "empty")));
    EXPECT_THAT(read_pupil_upload(header, school).problems, ElementsAre(problem_at(0, "", "no pupils")));
    EXPECT_THAT(read_pupil_upload(header + upn(1) + ",\"Smi\"th,Amy\n", school).problems,
                ElementsAre(problem_at(2, "", "At character 20, a quotation mark is out of place")));
    EXPECT_THAT(read_pupil_upload(header + upn(1) + ",M\xFCller,Amy\n", school).problems,
                ElementsAre(problem_at(2, "", "not UTF-8")));
}

TEST(read_pupil_upload_file, reads_a_file_and_names_a_missing_one) {
    const auto path = std::filesystem::temp_directory_path() / "waymark_pupil_csv_test.csv";
    std::ofstream(path, std::ios::binary) << header << good_row(1);
    EXPECT_TRUE(read_pupil_upload_file(path, school).ok());
    std::filesystem::remove(path);
    EXPECT_THAT(read_pupil_upload_file(path, school).problems, ElementsAre(problem_at(0, "", "cannot be opened")));
}

}  // namespace
}  // namespace waymark::connectors::csv
