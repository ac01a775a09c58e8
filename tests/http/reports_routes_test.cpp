// GET /api/v1/schools/{school}/reports/{report}: the Full report and the Venn as PDF, CSV or the JSON
// document, the pupil profile and the meeting forms, over Brookside's Year 4 judged through the API;
// refusals name the parameter to correct.
#include "tracked_school.hpp"

#include "store/statutory.hpp"

namespace {

using waymark::testing::tracked_school_api;

class reports_routes : public tracked_school_api {
protected:
    reports_routes() {
        for (const char *module : {"renderer-pdf", "renderer-csv"})
            registry.load_file(std::string(WAYMARK_PLUGIN_DIR) + "/" + module + ".so");
        assessment = create_spring_assessment();
        // 4A: Pupil01 on track in all three, Pupil02 in reading only; 4B not judged.
        const std::vector<std::tuple<int, std::string, std::string>> cells{
            {1, "reading", "OT"}, {1, "writing", "D"}, {1, "maths", "OT"}, {2, "reading", "OT"}, {2, "writing", "B"}};
        for (const auto &[serial, subject, value] : cells) {
            const auto saved = send_json("PUT", assessment_url(assessment) + "/judgements/" + waymark::testing::test_upn(serial) +
                                                    "/" + subject, R"({"value": ")" + value + R"("})");
            EXPECT_EQ(saved.status, 200) << saved.body;
        }
    }

    std::string report_url(const std::string &name, const std::string &query) const {
        return school_url + "/reports/" + name + "?assessment=" + std::to_string(assessment) + query;
    }

    long long assessment = 0;
};

TEST_F(reports_routes, the_full_report_as_a_pdf_file) {
    const auto reply = client->get(report_url("full", "&format=pdf"));
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.header("Content-Type"), "application/pdf");
    EXPECT_EQ(reply.header("Content-Disposition"), "attachment; filename=\"full-report.pdf\"");
    EXPECT_EQ(reply.body.substr(0, 5), "%PDF-");
}

TEST_F(reports_routes, the_venn_document_for_one_class) {
    const auto reply = client->get(report_url("venn", "&format=json&class=4A"));
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto document = reply.json();
    EXPECT_EQ(document->getValue<std::string>("kind"), "venn");
    const auto venn = document->getArray("blocks")->getObject(0);
    // Pupil02 (no maths) and Pupil03 (nothing) are counted apart, not among the regions.
    EXPECT_EQ(venn->getValue<int>("total"), 1);
    EXPECT_EQ(venn->getArray("regions")->getObject(0)->getValue<int>("count"), 1) << "Pupil01 is on track in all three";
    EXPECT_EQ(venn->getObject("unjudged")->getValue<int>("count"), 2);
}

TEST_F(reports_routes, the_full_report_as_csv) {
    const auto reply = client->get(report_url("full", "&format=csv"));
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.header("Content-Type").rfind("text/csv", 0), 0u);
    EXPECT_NE(reply.body.find("Reading,0 (0.00%),0 (0.00%),2 (40.00%),0 (0.00%),2 (40.00%),3 (60.00%),5"), std::string::npos)
        << reply.body;
}

TEST_F(reports_routes, the_progress_matrix_of_one_subject_against_another) {
    const std::string id = std::to_string(assessment);
    const auto reply = client->get(school_url + "/reports/matrix?format=json&from=" + id + ":writing&to=" + id + ":reading");
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto document = reply.json();
    EXPECT_EQ(document->getValue<std::string>("kind"), "progress_matrix");
    const auto matrix = document->getArray("blocks")->getObject(0);
    const auto cells = matrix->getArray("cells");
    EXPECT_EQ(cells->getArray(3)->getObject(2)->getValue<int>("count"), 1) << "Pupil01: Deeper learning in writing, On track in reading";
    EXPECT_EQ(cells->getArray(0)->getObject(2)->getValue<int>("count"), 1) << "Pupil02: Below in writing, On track in reading";
    EXPECT_EQ(cells->getArray(4)->getObject(4)->getValue<int>("count"), 3) << "the three pupils judged in neither";
}

// KS1 reading as the earlier set: Pupil01 EXS and Pupil02 GDS, both On track (at expected) in Spring 1.
TEST_F(reports_routes, a_matrix_from_ks1_teacher_assessment) {
    using waymark::domain::statutory_kind;
    using waymark::testing::test_upn;
    pool->acquire()->transaction("KS1 results", [&](soci::session &session) {
        const std::vector<waymark::domain::statutory_result> results{{test_upn(1), statutory_kind::ks1_ta, "reading", "EXS", {2023}},
                                                                     {test_upn(2), statutory_kind::ks1_ta, "reading", "GDS", {2023}}};
        waymark::store::write_statutory_results(session, school.id, results);
    });
    const auto reply = client->get(school_url + "/reports/matrix?format=json&from=ks1:reading&to=" + std::to_string(assessment));
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto document = reply.json();
    EXPECT_EQ(document->getValue<std::string>("title"), "Progress matrix: Reading, KS1 teacher assessment against Spring 1");
    const auto matrix = document->getArray("blocks")->getObject(1);
    EXPECT_EQ(matrix->getArray("rows")->getObject(1)->getValue<std::string>("label"), "EXS");
    const auto cells = matrix->getArray("cells");
    EXPECT_EQ(cells->getArray(1)->getObject(1)->getValue<int>("count"), 1) << "Pupil01: EXS, then at expected";
    EXPECT_EQ(cells->getArray(2)->getObject(1)->getValue<int>("count"), 1) << "Pupil02: GDS, then at expected";
    EXPECT_EQ(cells->getArray(3)->getObject(3)->getValue<int>("count"), 3) << "no KS1 result and no reading judgement";
    EXPECT_EQ(client->get(school_url + "/reports/matrix?format=json&from=ks1:history&to=" + std::to_string(assessment)).error_fields(),
              "invalid|from|from ks1:history names no statutory data set: KS1 teacher assessment is recorded in ks1:reading, "
              "ks1:writing, ks1:maths and ks1:science.");
}

TEST_F(reports_routes, trends_for_one_class) {
    const auto reply = client->get(school_url + "/reports/trends?format=json&class=4A");
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto document = reply.json();
    EXPECT_EQ(document->getValue<std::string>("kind"), "trends");
    const auto chart = document->getArray("blocks")->getObject(0);
    EXPECT_EQ(chart->getValue<std::string>("type"), "chart");
    // Reading on track: Pupil01 and Pupil02 of 4A's three.
    EXPECT_NEAR(chart->getArray("series")->getObject(0)->getArray("values")->getElement<double>(0), 66.7, 1e-9);
}

TEST_F(reports_routes, refusals_name_what_to_correct) {
    EXPECT_EQ(client->get(report_url("pie", "")).status, 404);
    EXPECT_EQ(client->get(school_url + "/reports/matrix?format=json&from=Autumn&to=1").error_fields().substr(0, 13), "invalid|from|");
    const auto no_from = client->get(school_url + "/reports/matrix?format=json&to=" + std::to_string(assessment));
    EXPECT_EQ(no_from.error_fields().substr(0, 44), "invalid|from|from names the earlier data set") << no_from.body;
    EXPECT_EQ(client->get(report_url("full", "&format=docx")).error_fields().substr(0, 15), "invalid|format|");
    EXPECT_EQ(client->get(report_url("full", "&format=json&year=13")).error_fields().substr(0, 13), "invalid|year|");
    EXPECT_EQ(client->get(report_url("full", "&format=json&as_of=yesterday")).error_fields().substr(0, 14), "invalid|as_of|");
    const auto unknown = client->get(school_url + "/reports/full?assessment=999&format=json");
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.json()->getValue<std::string>("field"), "assessment");
}

TEST_F(reports_routes, progress_between_two_assessments) {
    const auto reply = client->get(report_url("progress", "&format=json&from=" + std::to_string(assessment)));
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.json()->getValue<std::string>("kind"), "progress");
    EXPECT_EQ(client->get(report_url("progress", "&format=json")).error_fields().substr(0, 13), "invalid|from|");
}

TEST_F(reports_routes, a_pupils_profile_and_every_pupils_as_one_pdf) {
    const std::string upn = waymark::testing::test_upn(1);
    const auto one = client->get(school_url + "/reports/profile?format=json&upn=" + upn);
    ASSERT_EQ(one.status, 200) << one.body;
    EXPECT_EQ(one.json()->getValue<std::string>("kind"), "pupil_profile");
    EXPECT_EQ(one.json()->getArray("filters")->getElement<std::string>(0), "UPN " + upn);
    const auto everyone = client->get(school_url + "/reports/profile?format=pdf&class=4A");
    ASSERT_EQ(everyone.status, 200) << everyone.body;
    EXPECT_EQ(everyone.header("Content-Disposition"), "attachment; filename=\"profile-report.pdf\"");
    EXPECT_EQ(everyone.body.substr(0, 5), "%PDF-");
    const auto unknown = client->get(school_url + "/reports/profile?format=json&upn=" + waymark::testing::test_upn(99));
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.json()->getValue<std::string>("field"), "upn");
}

TEST_F(reports_routes, blank_meeting_forms_filled_from_the_data) {
    const auto pupil = client->get(school_url + "/reports/pupil-meeting?format=json&upn=" + waymark::testing::test_upn(1));
    ASSERT_EQ(pupil.status, 200) << pupil.body;
    EXPECT_EQ(pupil.json()->getValue<std::string>("kind"), "pupil_meeting");
    const auto cohort = client->get(school_url + "/reports/cohort-meeting?format=json&year=4&class=4A");
    ASSERT_EQ(cohort.status, 200) << cohort.body;
    EXPECT_EQ(cohort.json()->getValue<std::string>("title"), "Cohort progress meeting: Year 4, class 4A");
    EXPECT_EQ(client->get(school_url + "/reports/cohort-meeting?format=json").error_fields().substr(0, 13), "invalid|year|");
    const auto missing = client->get(school_url + "/reports/pupil-meeting?format=json&meeting=999");
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(missing.json()->getValue<std::string>("field"), "meeting");
}

}  // namespace
