#include "services/transfer/ctf_transfer.hpp"

#include "ctf_sample.hpp"
#include "school_fixture.hpp"
#include "store/statutory.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace waymark {
namespace {

using ::testing::HasSubstr;

class ctf_transfer_test : public testing::school_test {
protected:
    void SetUp() override {
        testing::school_test::SetUp();
        if (IsSkipped()) return;
        source_ = school_;
        destination_ = add_school({0, "801", "2001", "", "Hillside Primary", "PR2 2BB", {2025}});
    }

    // The sample CTF's pupils and results stored as the source school's.
    void fill_source(int pupils) {
        const auto sample = test::sample_ctf(pupils);
        db().transaction("storing the sample", [&](soci::session &session) {
            store::insert_pupils(session, source_.id, sample.pupils);
            store::write_statutory_results(session, source_.id, sample.results);
        });
    }

    std::vector<domain::statutory_result> results_of(const store::school &which) {
        return store::load_statutory_results(db().session(), which.id);
    }

    std::filesystem::path file(const std::string &name) { return scratch_folder() / name; }

    std::string refusal(const std::string &xml) {
        try {
            services::import_ctf(db(), destination_, write_file("in.xml", xml), test::shipped_codes());
        } catch (const std::exception &error) {
            return error.what();
        }
        return "accepted";
    }

    store::school source_;
    store::school destination_;
};

TEST_P(ctf_transfer_test, export_then_import_into_an_empty_school_reproduces_pupils_and_results) {
    fill_source(70);
    const auto exported = services::export_ctf(db(), source_, {}, file("out.xml"), test::shipped_codes());
    EXPECT_EQ(exported.pupils, 70u);
    EXPECT_GT(exported.results, 500u);

    const auto imported = services::import_ctf(db(), destination_, file("out.xml"), test::shipped_codes());
    EXPECT_EQ(imported.pupils_added, 70u);
    EXPECT_EQ(imported.results_stored, exported.results);
    EXPECT_TRUE(imported.unmapped.empty());
    EXPECT_EQ(imported.header.source.name, "Brookside Primary");

    auto expected = pupils_of(source_);
    for (auto &pupil : expected) pupil.ever6_fsm = pupil.ever6_fsm || pupil.fsm;
    EXPECT_EQ(pupils_of(destination_), expected);
    EXPECT_EQ(results_of(destination_), results_of(source_));
}

TEST_P(ctf_transfer_test, export_a_year_group_or_named_pupils) {
    fill_source(14);  // two pupils in each year group
    services::ctf_selection year_group;
    year_group.nc_year = 6;
    const auto year_6 = services::export_ctf(db(), source_, year_group, file("y6.xml"), test::shipped_codes());
    EXPECT_EQ(year_6.pupils, 2u);
    const auto sample = test::sample_ctf(14);
    services::ctf_selection two;
    two.upns = {sample.pupils[3].upn, sample.pupils[4].upn};
    const auto named = services::export_ctf(db(), source_, two, file("two.xml"), test::shipped_codes());
    EXPECT_EQ(named.pupils, 2u);
    const auto imported = services::import_ctf(db(), destination_, file("two.xml"), test::shipped_codes());
    EXPECT_EQ(imported.pupils_added, 2u);
    EXPECT_EQ(pupils_of(destination_).size(), 2u);
}

TEST_P(ctf_transfer_test, export_refuses_an_unknown_upn_and_writes_nothing) {
    fill_source(3);
    try {
        services::ctf_selection unknown;
        unknown.upns = {test::sample_upn(999)};
        services::export_ctf(db(), source_, unknown, file("none.xml"), test::shipped_codes());
        FAIL() << "expected a refusal";
    } catch (const services::ctf_transfer_error &error) {
        EXPECT_THAT(error.what(), HasSubstr("is not a pupil on roll at Brookside Primary;"));
    }
    EXPECT_FALSE(std::filesystem::exists(file("none.xml")));
}

TEST_P(ctf_transfer_test, a_pupil_already_in_waymark_refuses_the_whole_file) {
    fill_source(5);
    services::export_ctf(db(), source_, {}, file("out.xml"), test::shipped_codes());
    ASSERT_EQ(services::import_ctf(db(), destination_, file("out.xml"), test::shipped_codes()).pupils_added, 5u);
    const auto pupils_before = pupils_of(destination_);
    const auto results_before = results_of(destination_);
    try {
        services::import_ctf(db(), destination_, file("out.xml"), test::shipped_codes());
        FAIL() << "expected a refusal";
    } catch (const services::ctf_transfer_error &error) {
        EXPECT_THAT(error.what(), HasSubstr("pupil 1 ("));
        EXPECT_THAT(error.what(), HasSubstr("is already a pupil of Hillside Primary"));
    }
    EXPECT_EQ(pupils_of(destination_), pupils_before);
    EXPECT_EQ(results_of(destination_), results_before);
}

TEST_P(ctf_transfer_test, hostile_files_are_refused_with_nothing_written) {
    const std::string header = "<Header><SourceSchool><AcademicYear>2025/2026</AcademicYear></SourceSchool></Header>";
    EXPECT_THAT(refusal("<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><CTfile>&b;</CTfile>"),
                HasSubstr("DOCTYPE or entity declaration"));
    EXPECT_THAT(refusal("<Transfer/>"), HasSubstr("root element <Transfer>"));
    EXPECT_THAT(refusal("<CTfile>" + header + "<CTFpupilData><Pupil><Surname>A</Surname></Pupil></CTFpupilData></CTfile>"),
                HasSubstr("pupil 1 in CTFpupilData"));
    EXPECT_THAT(refusal("<CTfile>" + header + "<CTFpupilData>"), HasSubstr("not well-formed XML at line 1"));
    std::string nested;  // deep enough to overflow the stack when Poco's DOM frees the tree
    for (int i = 0; i < 100'000; ++i) nested += "<a>";
    for (int i = 0; i < 100'000; ++i) nested += "</a>";
    EXPECT_THAT(refusal("<CTfile>" + nested + "</CTfile>"), HasSubstr("nests elements more than 64 deep"));
    EXPECT_TRUE(pupils_of(destination_).empty());

    write_file("big.xml", std::string(2 * 1024 * 1024, ' '));
    connectors::ctf::ctf_read_options small;
    small.max_bytes = 1024 * 1024;
    EXPECT_THROW(services::import_ctf(db(), destination_, file("big.xml"), test::shipped_codes(), small),
                 services::ctf_transfer_error);
}

TEST_P(ctf_transfer_test, missing_postcodes_take_the_school_postcode_and_unmapped_results_are_listed) {
    const std::string upn = test::sample_upn(1);
    write_file("in.xml",
               "<CTfile><Header><SourceSchool><AcademicYear>2025/2026</AcademicYear></SourceSchool></Header><CTFpupilData>"
               "<Pupil><UPN>" + upn + "</UPN><Surname>Smith</Surname><Forename>Amy</Forename><DOB>2015-03-05</DOB>"
               "<Sex>F</Sex><StageAssessments><KeyStage><Stage>KS2</Stage><StageAssessment><Year>2025</Year>"
               "<Subject>FRE</Subject><Method>TA</Method><Result>EXS</Result></StageAssessment></KeyStage>"
               "</StageAssessments></Pupil></CTFpupilData></CTfile>");
    const auto imported = services::import_ctf(db(), destination_, file("in.xml"), test::shipped_codes());
    EXPECT_EQ(imported.postcodes_defaulted, 1u);
    EXPECT_EQ(pupils_of(destination_).front().postcode, "PR2 2BB");
    ASSERT_EQ(imported.unmapped.size(), 1u);
    EXPECT_EQ(imported.unmapped.front().subject, "FRE");
    EXPECT_TRUE(results_of(destination_).empty());
}

WAYMARK_ON_EVERY_DATABASE(ctf_transfer_test);

}  // namespace
}  // namespace waymark
