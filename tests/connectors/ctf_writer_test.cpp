#include "ctf/ctf_writer.hpp"

#include "ctf_sample.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace waymark::connectors::ctf {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using test::shipped_codes;

std::string written(const ctf_document &document, ctf_write_summary *summary = nullptr) {
    std::ostringstream out;
    const auto result = write_ctf(out, document, shipped_codes());
    if (summary) *summary = result;
    return out.str();
}

TEST(write_ctf, header_names_the_source_and_destination) {
    const std::string xml = written(test::sample_ctf(0));
    EXPECT_THAT(xml, HasSubstr("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    EXPECT_THAT(xml, HasSubstr("<CTfile>"));
    EXPECT_THAT(xml, HasSubstr("<DocumentName>Common Transfer File</DocumentName>"));
    EXPECT_THAT(xml, HasSubstr("<CTFversion>25.0</CTFversion>"));
    EXPECT_THAT(xml, HasSubstr("<DocumentQualifier>full</DocumentQualifier>"));
    EXPECT_THAT(xml, HasSubstr("<SchoolName>Brookside Primary &amp; Nursery</SchoolName>"));
    EXPECT_THAT(xml, HasSubstr("<AcademicYear>2025/2026</AcademicYear>"));
    EXPECT_THAT(xml, HasSubstr("<DestSchool>\n      <LEA>801</LEA>\n      <Estab>2001</Estab>"));
}

TEST(write_ctf, pupil_details_are_escaped_and_complete) {
    auto document = test::sample_ctf(1);  // pupil 0: Reception, FSM, SEN K, EAL, WENG, year override
    const std::string xml = written(document);
    EXPECT_THAT(xml, HasSubstr("<UPN>" + document.pupils[0].upn + "</UPN>"));
    EXPECT_THAT(xml, HasSubstr("<Forename>Zoë &lt;Ann&gt;</Forename>"));
    EXPECT_THAT(xml, HasSubstr("<Sex>M</Sex>"));
    EXPECT_THAT(xml, HasSubstr("<NCyearActual>1</NCyearActual>"));  // Reception by age, taught in Year 1
    EXPECT_THAT(xml, HasSubstr("<Ethnicity>WENG</Ethnicity>"));
    EXPECT_THAT(xml, HasSubstr("<LanguageType>F</LanguageType>\n            <Language>OTH</Language>"));
    EXPECT_THAT(xml, HasSubstr("<FSMstartDate>2025-09-01</FSMstartDate>"));
    EXPECT_THAT(xml, Not(HasSubstr("<FSMendDate>")));
    EXPECT_THAT(xml, HasSubstr("<SENprovision>K</SENprovision>"));
    EXPECT_THAT(xml, HasSubstr("<PostCode>PR1 8XJ</PostCode>"));
    EXPECT_THAT(xml, Not(HasSubstr("<StageAssessments>")));  // Reception has no statutory results yet
}

TEST(write_ctf, reception_is_written_r_and_ever6_gets_an_ended_instance) {
    auto document = test::sample_ctf(1);
    document.pupils[0].year_override.reset();
    document.pupils[0].fsm = false;
    const std::string xml = written(document);
    EXPECT_THAT(xml, HasSubstr("<NCyearActual>R</NCyearActual>"));
    EXPECT_THAT(xml, HasSubstr("<FSMstartDate>2024-09-01</FSMstartDate>\n          <FSMendDate>2025-08-31</FSMendDate>"));
}

TEST(write_ctf, nursery_years_are_n1_and_n2) {
    auto document = test::sample_ctf(2);
    document.pupils[0].year_override = -1;
    document.pupils[1].year_override = -2;
    const std::string xml = written(document);
    EXPECT_THAT(xml, HasSubstr("<NCyearActual>N2</NCyearActual>"));
    EXPECT_THAT(xml, HasSubstr("<NCyearActual>N1</NCyearActual>"));
}

TEST(write_ctf, statutory_results_grouped_by_key_stage) {
    const auto document = test::sample_ctf(7);  // one pupil in each year group
    ctf_write_summary summary;
    const std::string xml = written(document, &summary);
    EXPECT_EQ(summary.pupils, 7u);
    EXPECT_EQ(summary.results, document.results.size());
    EXPECT_EQ(summary.results_not_written, 0u);
    EXPECT_THAT(xml, HasSubstr("<Stage>FSP</Stage>"));
    EXPECT_THAT(xml, HasSubstr("<Stage>KS1</Stage>"));
    EXPECT_THAT(xml, HasSubstr("<Stage>KS2</Stage>"));
    EXPECT_THAT(xml, HasSubstr("<Subject>MAT</Subject>\n            <Method>TT</Method>\n            "
                               "<ResultQualifier>SS</ResultQualifier>\n            <Result>"));
}

TEST(write_ctf, results_without_a_ctf_code_are_counted_not_written) {
    auto document = test::sample_ctf(7);
    document.results.push_back({document.pupils[6].upn, domain::statutory_kind::eyfsp_gld, "", "Y", {2019}});
    ctf_write_summary summary;
    const std::string xml = written(document, &summary);
    EXPECT_EQ(summary.results_not_written, 1u);
    EXPECT_EQ(summary.results, document.results.size() - 1);
}

}  // namespace
}  // namespace waymark::connectors::ctf
