// /api/v1/schools/{school}/cohort-meetings: band percentages now and before, discussion areas per
// subject, barriers, and refusals (malformed JSON, wrong types, unknown ids) that write nothing.
#include "tracking_api.hpp"

#include "services/tracking/judgements.hpp"

namespace {

class cohort_meetings_routes : public waymark::testing::tracking_api {
protected:
    cohort_meetings_routes() {
        const auto database = pool->acquire();
        const waymark::services::scheme_library library(schemes);
        const auto spring = waymark::services::find_assessment(database->session(), school_.id, "Spring 1");
        const std::vector<waymark::services::cell_change> changes{
            {{upn(1), "reading", waymark::services::cell_kind::judgement}, "on track", {}, {}, {}},
            {{upn(2), "reading", waymark::services::cell_kind::judgement}, "below", {}, {}, {}}};
        waymark::services::record_changes(*database, school_, spring, library, changes, {"mrs.khan", ""});
        client->post(school_path + "/discussion-templates",
                     R"({"type": "cohort", "question": "Which areas are causing concern?", "sort_order": 1, "live_from": "2025-09-01"})");
    }
    const std::string all_path = school_path + "/cohort-meetings";
    const std::string meeting = R"({"year_group": 4, "class": "4A", "assessment": "Spring 1", "teacher": "Vera Duckworth",
        "held_on": "2026-03-02", "extra_subjects": ["science"],
        "answers": [{"template_id": 1, "subject": "maths", "notes": "Fractions"}],
        "barriers": [{"upn": "UPN1", "barrier": "Attendance", "next_steps": "Meet parents"}],
        "targeted_support": "Two pupils with a weekly group", "specific_groups": "Disadvantaged boys"})";

    std::string meeting_body() {
        std::string body = meeting;
        body.replace(body.find("UPN1"), 4, upn(1));
        return body;
    }
};

TEST_F(cohort_meetings_routes, create_list_read_and_edit) {
    const auto created = client->post(all_path, meeting_body());
    ASSERT_EQ(created.status, 201) << created.body;
    const auto body = created.json();
    EXPECT_EQ(body->getValue<int>("pupils"), 3);
    EXPECT_EQ(body->getValue<std::string>("previous_assessment"), "Autumn 2");
    const auto below = body->getArray("outcomes")->getObject(0);
    EXPECT_EQ(below->getValue<std::string>("band"), "Below");
    EXPECT_EQ(below->getValue<int>("percent"), 33);
    EXPECT_EQ(below->getValue<int>("previous_percent"), 0);
    EXPECT_EQ(body->getArray("answers")->size(), 4U);  // reading, writing, maths, science
    EXPECT_EQ(body->getArray("answers")->getObject(2)->getValue<std::string>("notes"), "Fractions");
    EXPECT_EQ(body->getArray("barriers")->getObject(0)->getValue<std::string>("pupil"), "Sam Pupil1");
    EXPECT_EQ(client->get(all_path).body, "[" + created.body + "]");
    const std::string one = all_path + "/" + std::to_string(body->getValue<long long>("id"));
    EXPECT_EQ(client->get(one).body, created.body);
    const auto edited = put(one, R"({"barriers": [], "specific_groups": "EAL pupils"})");
    ASSERT_EQ(edited.status, 200) << edited.body;
    EXPECT_EQ(edited.json()->getArray("barriers")->size(), 0U);
    EXPECT_EQ(edited.json()->getValue<std::string>("specific_groups"), "EAL pupils");
}

TEST_F(cohort_meetings_routes, refusals_are_clear_and_write_nothing) {
    EXPECT_EQ(client->post(all_path, R"({"year_group": 4,)").status, 400);
    EXPECT_EQ(client->post(all_path, R"({"year_group": "4"})").json()->getValue<std::string>("field"), "year_group");
    std::string bad_subjects = meeting_body();
    bad_subjects.replace(bad_subjects.find(R"(["science"])"), 11, "[7]");
    EXPECT_EQ(client->post(all_path, bad_subjects).error_fields(), "invalid|extra_subjects[0]|extra_subjects[0] must be a string, not a whole number.");
    std::string year5 = meeting_body();
    year5.replace(year5.find("\"year_group\": 4"), 15, "\"year_group\": 5");
    EXPECT_EQ(client->post(all_path, year5).status, 422);
    EXPECT_EQ(client->post(all_path, meeting).status, 404);  // the barrier's UPN is no pupil
    EXPECT_EQ(client->get(all_path + "/1").status, 404);
    EXPECT_EQ(put(all_path + "/1", R"({"teacher": "Joe"})").status, 404);
    EXPECT_EQ(rows_in("wm_cohort_meetings"), 0);
    EXPECT_EQ(rows_in("wm_meeting_answers"), 0);
}

TEST_F(cohort_meetings_routes, delete_removes_a_meeting_with_its_answers_and_barriers_and_an_unknown_id_is_404) {
    const auto id = std::to_string(client->post(all_path, meeting_body()).json()->getValue<long long>("id"));
    expect_deleted(all_path + "/" + id, id);
    EXPECT_EQ(rows_in("wm_cohort_meetings"), 0);
    EXPECT_EQ(rows_in("wm_cohort_meeting_barriers"), 0);
    EXPECT_EQ(rows_in("wm_meeting_answers"), 0);
}

}  // namespace
