// The assessment routes: create (the server's scheme instances, so a configured school-bands scheme
// judges), list, show, and the class grid now and as of an earlier instant; a refused create writes
// nothing; an unknown assessment is 404.
#include "tracked_school.hpp"

#include "services/tracking/judgements.hpp"

namespace {

using waymark::testing::test_upn;

class assessments_routes : public waymark::testing::tracked_school_api {};

TEST_F(assessments_routes, a_created_assessment_is_listed_and_shown_with_its_columns) {
    const long long id = create_spring_assessment();
    const auto shown = client->get(school_url + assessment_url(id));
    ASSERT_EQ(shown.status, 200) << shown.body;
    EXPECT_EQ(shown.body,
              R"({"id":)" + std::to_string(id) +
                  R"(,"name":"Spring 1","date":"2026-02-10","academic_year":"2025/2026","term":"Spring","year_groups":[4],)"
                  R"("subjects":[{"code":"reading","scheme":"org.waymark.lancashire-four-band","test_score":null},)"
                  R"({"code":"writing","scheme":"org.waymark.lancashire-four-band","test_score":null},)"
                  R"({"code":"maths","scheme":"org.waymark.lancashire-four-band","test_score":"standardised"},)"
                  R"({"code":"science","scheme":"org.waymark.school-bands","test_score":null}],)"
                  R"("formative_title":null,"test_scores_title":"NFER","phonics":true})");
    const auto listed = client->get(school_url + "/assessments");
    ASSERT_EQ(listed.status, 200);
    EXPECT_EQ(listed.body, "[" + shown.body + "]");
}

TEST_F(assessments_routes, a_refused_create_is_422_naming_the_field_and_stores_nothing) {
    const auto post = [&](const std::string &json) { return send_json("POST", "/assessments", json); };
    EXPECT_EQ(post(R"({"name": "A", "date": "2026-02-10", "year_groups": "4"})").error_fields(),
              "invalid|year_groups|year_groups must be an array of whole numbers, not a string.");
    EXPECT_EQ(post(R"({"name": "A", "date": "2026-02-10", "year_groups": [4, 12]})").error_fields(),
              "invalid|year_groups[1]|year_groups[1] must be from 0 to 11, not 12.");
    EXPECT_EQ(post(R"({"name": "A", "date": "10/02/2026", "year_groups": [4]})").error_fields(),
              "invalid|date|date takes a date as YYYY-MM-DD, not \"10/02/2026\".");
    EXPECT_EQ(post(R"({"name": "A", "date": "2026-02-10", "year_groups": [4], "subjects": [{"code": "maths", "test_score": "iq"}]})")
                  .error_fields(),
              "invalid|subjects[0].test_score|subjects[0].test_score takes standardised, raw, percentage or reading_age, not \"iq\".");
    const auto unknown_scheme = post(R"({"name": "A", "date": "2026-02-10", "year_groups": [4], "scheme": "org.example.none"})");
    EXPECT_EQ(unknown_scheme.status, 422);
    EXPECT_NE(unknown_scheme.body.find("No descriptor scheme 'org.example.none' is loaded"), std::string::npos) << unknown_scheme.body;
    EXPECT_EQ(post(R"({"name": "A", "date": "2026-02-10", "year_groups": [4], "subjects": [{"code": "latin"}]})").status, 422);
    EXPECT_EQ(post(R"({"name": "A", "date": "2026-02-10", "year_groups": [4],)").status, 400);
    EXPECT_EQ(rows_in("wm_assessments"), 0);
    create_spring_assessment();
    EXPECT_EQ(post(R"({"name": "Spring 1", "date": "2026-03-01", "year_groups": [4]})").error_fields(),
              "invalid|null|The school already has an assessment named 'Spring 1' in 2025/2026; choose another name.");
    EXPECT_EQ(rows_in("wm_assessments"), 1);
}

TEST_F(assessments_routes, an_unknown_assessment_is_404_saying_where_the_list_is) {
    const long long id = create_spring_assessment();
    const auto reply = client->get(school_url + assessment_url(id + 1));
    EXPECT_EQ(reply.status, 404);
    EXPECT_EQ(reply.error_fields(), "not_found|null|There is no assessment " + std::to_string(id + 1) +
                                        " at Brookside Primary; GET /api/v1/schools/8012000/assessments lists them with their ids.");
    EXPECT_EQ(client->get(school_url + "/assessments/spring/grid").status, 404);
    EXPECT_EQ(client->get("/api/v1/schools/9999999" + assessment_url(id)).status, 404);
}

TEST_F(assessments_routes, the_grid_of_a_class_now_and_as_it_stood_before) {
    const long long id = create_spring_assessment();
    const auto which = [&] {
        const auto database = pool->acquire();
        return waymark::services::find_assessment(database->session(), school.id, "Spring 1");
    }();
    {
        // Recorded a month earlier, then changed through the API today.
        auto database = pool->acquire();
        const waymark::services::cell_change earlier{{test_upn(1), "science", waymark::services::cell_kind::judgement}, "WTS", {}, {}, {}};
        waymark::services::record_changes(*database, school, which, waymark::services::scheme_library(schemes), {&earlier, 1},
                                          {"mrs.patel", "2026-01-10T09:00:00Z"});
    }
    ASSERT_EQ(send_json("PUT", assessment_url(id) + "/judgements/" + test_upn(1) + "/science", R"({"value": "EXS"})").status, 200);

    const auto now = client->get(school_url + assessment_url(id) + "/grid?class=4A");
    ASSERT_EQ(now.status, 200) << now.body;
    const auto pupils = now.json()->getArray("pupils");
    ASSERT_EQ(pupils->size(), 3U);
    EXPECT_EQ(pupils->getObject(0)->getObject("judgements")->getObject("science")->getValue<std::string>("code"), "EXS");
    EXPECT_TRUE(now.json()->isNull("as_of"));

    const auto before = client->get(school_url + assessment_url(id) + "/grid?class=4A&as_of=2026-01-31");
    ASSERT_EQ(before.status, 200) << before.body;
    EXPECT_EQ(before.json()->getValue<std::string>("as_of"), "2026-01-31T23:59:59Z");
    EXPECT_EQ(before.json()->getArray("pupils")->getObject(0)->getObject("judgements")->getObject("science")->getValue<std::string>("code"),
              "WTS");
    const auto earlier_still = client->get(school_url + assessment_url(id) + "/grid?upns=" + test_upn(1) + "&as_of=2026-01-01T00:00:00Z");
    EXPECT_EQ(earlier_still.json()->getArray("pupils")->getObject(0)->getObject("judgements")->size(), 0U);
}

TEST_F(assessments_routes, grid_query_parameters_are_checked) {
    const long long id = create_spring_assessment();
    EXPECT_EQ(client->get(school_url + assessment_url(id) + "/grid?as_of=yesterday").error_fields(),
              "invalid|as_of|as_of takes YYYY-MM-DD (the end of that day) or YYYY-MM-DDTHH:MM:SSZ, not \"yesterday\".");
    EXPECT_EQ(client->get(school_url + assessment_url(id) + "/grid?year=twelve").status, 422);
    EXPECT_EQ(client->get(school_url + assessment_url(id) + "/grid?upns=Z000000000000").status, 422);
    const auto year_4 = client->get(school_url + assessment_url(id) + "/grid?year=4");
    EXPECT_EQ(year_4.json()->getArray("pupils")->size(), 5U);
}

}  // namespace
