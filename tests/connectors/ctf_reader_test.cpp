#include "ctf/ctf_reader.hpp"

#include "ctf/ctf_writer.hpp"
#include "ctf_sample.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace waymark::connectors::ctf {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

using test::shipped_codes;

std::string as_xml(const ctf_document &document) {
    std::ostringstream out;
    write_ctf(out, document, shipped_codes());
    return out.str();
}

std::string refusal(std::string_view xml, ctf_read_options options = {}) {
    try {
        read_ctf(xml, shipped_codes(), "transfer.xml", options);
    } catch (const ctf_error &error) {
        return error.what();
    }
    return "accepted";
}

const std::string minimal_header =
    "<Header><CTFversion>25.0</CTFversion><SourceSchool><LEA>801</LEA><Estab>2000</Estab>"
    "<AcademicYear>2025/2026</AcademicYear></SourceSchool></Header>";

std::string with_pupils(const std::string &pupils) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CTfile>" + minimal_header + "<CTFpupilData>" + pupils +
           "</CTFpupilData></CTfile>";
}

std::string pupil_xml(const std::string &upn, const std::string &extra = "") {
    return "<Pupil><UPN>" + upn + "</UPN><Surname>Smith</Surname><Forename>Amy</Forename><DOB>2019-03-05</DOB>"
           "<Sex>F</Sex>" + extra + "</Pupil>";
}

TEST(read_ctf, round_trip_reproduces_pupils_and_results) {
    const auto original = test::sample_ctf(60);
    const auto read = read_ctf(as_xml(original), shipped_codes(), "transfer.xml");
    EXPECT_EQ(read.header, original.header);
    ASSERT_EQ(read.pupils.size(), original.pupils.size());
    for (std::size_t i = 0; i < original.pupils.size(); ++i) {
        domain::pupil expected = original.pupils[i];
        expected.ever6_fsm = expected.ever6_fsm || expected.fsm;  // FSM now is within Ever 6 by definition
        EXPECT_EQ(read.pupils[i], expected) << "pupil " << i;
    }
    EXPECT_EQ(read.results.size(), original.results.size());
    for (const auto &result : original.results)
        EXPECT_NE(std::ranges::find(read.results, result), read.results.end())
            << result.upn << " " << domain::statutory_kind_name(result.kind) << " " << result.subject;
    EXPECT_TRUE(read.unmapped.empty());
}

TEST(read_ctf, results_no_row_maps_are_kept_raw) {
    const std::string upn = test::sample_upn(1);
    const auto document = read_ctf(with_pupils(pupil_xml(upn,
        "<StageAssessments><KeyStage><Stage>KS2</Stage>"
        "<StageAssessment><Locale>ENG</Locale><Year>2025</Year><Subject>MAT</Subject><Method>TT</Method>"
        "<ResultQualifier>SS</ResultQualifier><Result>104</Result></StageAssessment>"
        "<StageAssessment><Locale>ENG</Locale><Year>2025</Year><Subject>FRE</Subject><Method>TA</Method>"
        "<Result>EXS</Result><ResultDate>2025-06-30</ResultDate></StageAssessment>"
        "<StageAssessment><Year>2025</Year><Subject>MAT</Subject><Method>TT</Method>"
        "<ResultQualifier>SS</ResultQualifier><Result>140</Result></StageAssessment>"
        "</KeyStage></StageAssessments>")), shipped_codes(), "transfer.xml");
    ASSERT_EQ(document.results.size(), 1u);
    EXPECT_EQ(document.results[0], (domain::statutory_result{upn, domain::statutory_kind::ks2_scaled, "maths", "104", {2024}}));
    ASSERT_EQ(document.unmapped.size(), 2u);
    EXPECT_EQ(document.unmapped[0].subject, "FRE");
    EXPECT_EQ(document.unmapped[0].result_date, "2025-06-30");
    EXPECT_EQ(document.unmapped[1].result, "140");  // mapped, but no scaled score is 140
}

TEST(read_ctf, extended_codes_and_missing_postcode_are_kept_as_given) {
    const auto document = read_ctf(with_pupils(pupil_xml(test::sample_upn(1),
        "<BasicDetails><Ethnicity>WWEL</Ethnicity><NCyearActual>1</NCyearActual></BasicDetails>")), shipped_codes(), "t.xml");
    EXPECT_EQ(document.pupils[0].ethnicity, "WWEL");
    EXPECT_EQ(document.pupils[0].postcode, "");
    EXPECT_EQ(document.pupils[0].year_override, 1);  // born March 2019: Year 2 by age in 2025/2026, taught in Year 1
    const auto by_age = read_ctf(with_pupils(pupil_xml(test::sample_upn(1),
        "<BasicDetails><NCyearActual>2</NCyearActual></BasicDetails>")), shipped_codes(), "t.xml");
    EXPECT_EQ(by_age.pupils[0].year_override, std::nullopt);
    const auto nursery = read_ctf(with_pupils(pupil_xml(test::sample_upn(1),
        "<BasicDetails><NCyearActual>N2</NCyearActual></BasicDetails>")), shipped_codes(), "t.xml");
    EXPECT_EQ(nursery.pupils[0].year_override, -1);
}

TEST(read_ctf, refuses_a_dtd_outright) {
    const std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                               "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                               "<CTfile>&lol2;</CTfile>";
    EXPECT_THAT(refusal(laughs), HasSubstr("contains a DOCTYPE or entity declaration (line 1)"));
    EXPECT_THAT(refusal("<?xml version=\"1.0\"?>\n<!DOCTYPE CTfile SYSTEM \"file:///etc/passwd\">\n<CTfile/>"),
                HasSubstr("(line 2)"));
    EXPECT_THAT(refusal("<CTfile><!-- fine --><![CDATA[fine]]><!ENTITY x \"y\"></CTfile>"), HasSubstr("DOCTYPE or entity"));
}

TEST(read_ctf, refuses_other_encodings) {
    EXPECT_THAT(refusal("\xFF\xFE<\0C\0T\0"), HasSubstr("not UTF-8"));
    EXPECT_THAT(refusal("<?xml version=\"1.0\" encoding=\"UTF-16\"?><CTfile/>"), HasSubstr("encoding other than UTF-8"));
    EXPECT_EQ(refusal("<?xml version='1.0' encoding='utf-8'?><CTfile>" + minimal_header + "</CTfile>"), "accepted");
}

TEST(read_ctf, malformed_xml_names_line_and_column) {
    EXPECT_THAT(refusal("<CTfile>\n<Header>\n</CTfile>"), HasSubstr("is not well-formed XML at line 3, column 2"));
    EXPECT_THAT(refusal(""), HasSubstr("not well-formed XML"));
    EXPECT_THAT(refusal("<CTfile>&undefined;</CTfile>"), HasSubstr("not well-formed XML at line 1"));
}

TEST(read_ctf, wrong_root_and_missing_header) {
    EXPECT_THAT(refusal("<Pupils/>"), HasSubstr("has the root element <Pupils>; a Common Transfer File starts with <CTfile>"));
    EXPECT_THAT(refusal("<CTfile/>"), HasSubstr("has no Header element"));
    EXPECT_THAT(refusal("<CTfile><Header><SourceSchool><AcademicYear>2025</AcademicYear></SourceSchool></Header></CTfile>"),
                HasSubstr("AcademicYear \"2025\""));
}

TEST(read_ctf, pupils_are_named_by_position) {
    const std::string good = pupil_xml(test::sample_upn(1));
    EXPECT_THAT(refusal(with_pupils(good + "<Pupil><Surname>Jones</Surname><Forename>Sam</Forename></Pupil>")),
                HasSubstr("transfer.xml: pupil 2 in CTFpupilData (Sam Jones) has no UPN"));
    EXPECT_THAT(refusal(with_pupils(pupil_xml("Q207000016049"))), HasSubstr("pupil 1 in CTFpupilData (Amy Smith) has a bad UPN"));
    EXPECT_THAT(refusal(with_pupils(good + good)), HasSubstr("pupil 2 in CTFpupilData (Amy Smith) repeats the UPN"));
    std::string bad_dob = good;
    bad_dob.replace(bad_dob.find("2019-03-05"), 10, "05/03/2019");
    EXPECT_THAT(refusal(with_pupils(bad_dob)), HasSubstr("has a DOB \"05/03/2019\""));
    EXPECT_THAT(refusal(with_pupils(pupil_xml(test::sample_upn(2), "<SENhistory><SEN><SENprovision>X</SENprovision></SEN></SENhistory>"))),
                HasSubstr("SENprovision \"X\""));
}

// Found by fuzz_ctf: a DOB of 9522 was accepted, and the writer could not give its year group.
TEST(read_ctf, a_dob_outside_nursery_to_year_11_is_refused) {
    std::string unborn = pupil_xml(test::sample_upn(1));
    unborn.replace(unborn.find("2019-03-05"), 10, "9522-01-01");
    EXPECT_THAT(refusal(with_pupils(unborn)),
                HasSubstr("pupil 1 in CTFpupilData (Amy Smith) has a DOB \"9522-01-01\" that makes the pupil too young "
                          "for Nursery in 2025/2026; check the year of birth."));
    std::string grown = pupil_xml(test::sample_upn(1));
    grown.replace(grown.find("2019-03-05"), 10, "1990-03-05");
    EXPECT_THAT(refusal(with_pupils(grown)), HasSubstr("past Year 11; check the year of birth."));
}

TEST(read_ctf, deep_nesting_is_refused_before_a_tree_is_built) {
    // 200,000 levels in 1.4 MB crashed the reader: Poco's DOM frees its tree recursively.
    const std::size_t levels = 200'000;
    std::string deep = "<CTfile>\n";
    for (std::size_t i = 0; i < levels; ++i) deep += "<a>";
    for (std::size_t i = 0; i < levels; ++i) deep += "</a>";
    deep += "</CTfile>";
    EXPECT_EQ(refusal(deep), "transfer.xml nests elements more than 64 deep (at line 2, column 189); a CTF is far "
                             "shallower, so the file was not read.");

    ctf_read_options shallow;
    shallow.max_depth = 3;
    const std::string header_only = "<CTfile>" + minimal_header + "</CTfile>";  // CTfile/Header/SourceSchool/LEA
    EXPECT_THAT(refusal(header_only, shallow), HasSubstr("nests elements more than 3 deep (at line 1, column "));
    shallow.max_depth = 4;
    EXPECT_EQ(refusal(header_only, shallow), "accepted");
}

TEST(read_ctf, oversized_input_is_refused_before_parsing) {
    ctf_read_options small;
    small.max_bytes = 1024 * 1024;
    EXPECT_THAT(refusal(std::string(2 * 1024 * 1024, ' '), small), HasSubstr("is 2 MB, more than the 1 MB a CTF import accepts"));

    const auto path = std::filesystem::temp_directory_path() / "waymark_ctf_reader_oversized.xml";
    std::ofstream(path) << std::string(2 * 1024 * 1024, ' ');
    try {
        read_ctf_file(path, shipped_codes(), small);
        ADD_FAILURE() << "accepted";
    } catch (const ctf_error &error) {
        EXPECT_THAT(error.what(), StartsWith(path.string() + " is 2 MB"));
    }
    std::filesystem::remove(path);
    EXPECT_THROW(read_ctf_file(path, shipped_codes()), ctf_error);
}

}  // namespace
}  // namespace waymark::connectors::ctf
