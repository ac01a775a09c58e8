// /api/v1/schools/{school}/pupils/{upn}/interventions and /interventions/{id}: round trips, and
// every refusal (malformed JSON, wrong types, unknown ids and UPNs) a clear 4xx that writes nothing.
#include "tracking_api.hpp"

namespace {

class interventions_routes : public waymark::testing::tracking_api {
protected:
    std::string pupil_path(int serial) { return school_path + "/pupils/" + upn(serial) + "/interventions"; }
    const std::string numeracy = R"({"academic_year": "2025/2026", "assessment": "Spring 1", "subject": "maths",
        "description": "Numeracy intervention", "started_on": "2026-01-12", "cost_pence": 12050})";
};

TEST_F(interventions_routes, create_list_read_and_update) {
    const auto created = client->post(pupil_path(1), numeracy);
    ASSERT_EQ(created.status, 201) << created.body;
    const auto body = created.json();
    const auto id = body->getValue<long long>("id");
    EXPECT_EQ(body->getValue<std::string>("assessment"), "Spring 1");
    EXPECT_EQ(body->getValue<long long>("cost_pence"), 12050);
    EXPECT_TRUE(body->isNull("ended_on"));
    EXPECT_EQ(body->getValue<std::string>("recorded_by"), "tester");
    const auto listed = client->get(pupil_path(1));
    ASSERT_EQ(listed.status, 200);
    EXPECT_EQ(listed.body, "[" + created.body + "]");
    EXPECT_EQ(client->get(school_path + "/interventions/" + std::to_string(id)).body, created.body);
    const auto updated = put(school_path + "/interventions/" + std::to_string(id),
                             R"({"academic_year": "2025/2026", "assessment": "Autumn 2", "subject": "reading",
                                 "description": "Reading catch-up", "ended_on": "2026-03-20"})");
    ASSERT_EQ(updated.status, 200) << updated.body;
    EXPECT_EQ(updated.json()->getValue<std::string>("subject"), "reading");
    EXPECT_EQ(updated.json()->getValue<std::string>("ended_on"), "2026-03-20");
    EXPECT_TRUE(updated.json()->isNull("cost_pence"));
}

TEST_F(interventions_routes, malformed_json_and_wrong_types_are_refused_and_nothing_is_written) {
    EXPECT_EQ(client->post(pupil_path(1), R"({"academic_year": "2025/2026",)").status, 400);
    const auto wrong_cost = client->post(pupil_path(1), R"({"academic_year": "2025/2026", "assessment": "Spring 1",
        "subject": "maths", "description": "x", "cost_pence": "120.50"})");
    EXPECT_EQ(wrong_cost.status, 422);
    EXPECT_EQ(wrong_cost.json()->getValue<std::string>("field"), "cost_pence");
    const auto bad_year = client->post(pupil_path(1), R"({"academic_year": 2025, "assessment": "Spring 1",
        "subject": "maths", "description": "x"})");
    EXPECT_EQ(bad_year.error_fields(), "invalid|academic_year|academic_year must be a string, not a whole number.");
    const auto bad_date = client->post(pupil_path(1), R"({"academic_year": "2025/2026", "assessment": "Spring 1",
        "subject": "maths", "description": "x", "started_on": "12/01/2026"})");
    EXPECT_EQ(bad_date.error_fields(), "invalid|started_on|started_on must be a date written YYYY-MM-DD, not \"12/01/2026\".");
    const auto unknown_assessment = client->post(pupil_path(1), R"({"academic_year": "2025/2026", "assessment": "Summer 9",
        "subject": "maths", "description": "x"})");
    EXPECT_EQ(unknown_assessment.status, 422);
    EXPECT_TRUE(unknown_assessment.json()->isNull("field"));
    EXPECT_EQ(rows_in("wm_interventions"), 0);
}

TEST_F(interventions_routes, unknown_pupils_ids_and_schools_are_404_and_nothing_is_written) {
    EXPECT_EQ(client->post(pupil_path(9), numeracy).status, 404);
    EXPECT_EQ(client->get(pupil_path(9)).status, 404);
    EXPECT_EQ(client->get(school_path + "/interventions/77").status, 404);
    EXPECT_EQ(client->get(school_path + "/interventions/seven").status, 404);
    EXPECT_EQ(put(school_path + "/interventions/77", numeracy).status, 404);
    EXPECT_EQ(client->post("/api/v1/schools/9999999/pupils/" + upn(1) + "/interventions", numeracy).status, 404);
    EXPECT_EQ(rows_in("wm_interventions"), 0);
}

TEST_F(interventions_routes, delete_removes_one_intervention_and_an_unknown_id_is_404) {
    const auto id = std::to_string(client->post(pupil_path(1), numeracy).json()->getValue<long long>("id"));
    client->post(pupil_path(2), numeracy);
    expect_deleted(school_path + "/interventions/" + id, id);
    EXPECT_EQ(remove(school_path + "/interventions/seven").status, 404);
    EXPECT_EQ(rows_in("wm_interventions"), 1);
}

}  // namespace
