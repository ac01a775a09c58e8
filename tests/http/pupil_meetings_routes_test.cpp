// /api/v1/schools/{school}/pupils/{upn}/meetings and /pupil-meetings/{id}: standards from the data,
// answers keeping their question text after the template changes, and refusals that write nothing.
#include "tracking_api.hpp"

#include "services/tracking/judgements.hpp"

namespace {

class pupil_meetings_routes : public waymark::testing::tracking_api {
protected:
    pupil_meetings_routes() {
        const auto database = pool->acquire();
        const waymark::services::scheme_library library(schemes);
        for (const auto &[assessment, value] : {std::pair{"Autumn 2", "towards"}, std::pair{"Spring 1", "on track"}}) {
            const waymark::services::cell_change change{{upn(1), "reading", waymark::services::cell_kind::judgement}, value, {}, {}, {}};
            waymark::services::record_changes(*database, school_, waymark::services::find_assessment(database->session(), school_.id, assessment),
                                              library, std::vector{change}, {"mrs.khan", ""});
        }
        client->post(school_path + "/discussion-templates",
                     R"({"type": "pupil", "question": "What are the barriers?", "sort_order": 1, "live_from": "2025-09-01"})");
    }
    std::string meetings_path(int serial) { return school_path + "/pupils/" + upn(serial) + "/meetings"; }
    const std::string meeting = R"({"teacher": "Joe Bloggs", "held_on": "2026-03-02",
        "answers": [{"template_id": 1, "notes": "Phonics gaps", "next_steps": "Daily reading"}]})";
};

TEST_F(pupil_meetings_routes, create_list_read_and_edit_keeping_the_question_text) {
    const auto created = client->post(meetings_path(1), meeting);
    ASSERT_EQ(created.status, 201) << created.body;
    const auto body = created.json();
    EXPECT_EQ(body->getValue<std::string>("assessment"), "Spring 1");
    EXPECT_EQ(body->getObject("standards")->getObject("previous")->getValue<std::string>("reading"), "T");
    EXPECT_EQ(body->getObject("standards")->getObject("current")->getValue<std::string>("reading"), "OT");
    const auto answer = body->getArray("answers")->getObject(0);
    EXPECT_EQ(answer->getValue<std::string>("question"), "What are the barriers?");
    EXPECT_EQ(answer->getValue<std::string>("notes"), "Phonics gaps");
    EXPECT_EQ(client->get(meetings_path(1)).body, "[" + created.body + "]");
    ASSERT_EQ(put(school_path + "/discussion-templates/1", R"({"question": "Barriers to learning"})").status, 200);
    const std::string one = school_path + "/pupil-meetings/" + std::to_string(body->getValue<long long>("id"));
    EXPECT_EQ(client->get(one).body, created.body);
    const auto edited = put(one, R"({"teacher": "Vera Duckworth", "answers": [{"template_id": 1, "notes": "Improving"}]})");
    ASSERT_EQ(edited.status, 200) << edited.body;
    EXPECT_EQ(edited.json()->getValue<std::string>("teacher"), "Vera Duckworth");
    EXPECT_EQ(edited.json()->getArray("answers")->getObject(0)->getValue<std::string>("question"), "What are the barriers?");
}

TEST_F(pupil_meetings_routes, refusals_are_clear_and_write_nothing) {
    EXPECT_EQ(client->post(meetings_path(1), R"({"teacher": "Joe",)").status, 400);
    EXPECT_EQ(client->post(meetings_path(1), R"({"teacher": "Joe", "held_on": 20260302})").error_fields(),
              "invalid|held_on|held_on must be a string, not a whole number.");
    EXPECT_EQ(client->post(meetings_path(1), R"({"teacher": "Joe", "held_on": "2026-03-02", "answers": [{"template_id": "1"}]})")
                  .json()->getValue<std::string>("field"),
              "answers[0].template_id");
    const auto stray = client->post(meetings_path(1), R"({"teacher": "Joe", "held_on": "2026-03-02", "answers": [{"template_id": 9}]})");
    EXPECT_EQ(stray.status, 422);
    EXPECT_EQ(client->post(meetings_path(8), meeting).status, 404);
    EXPECT_EQ(client->get(school_path + "/pupil-meetings/1").status, 404);
    EXPECT_EQ(put(school_path + "/pupil-meetings/1", R"({"teacher": "Joe"})").status, 404);
    EXPECT_EQ(rows_in("wm_pupil_meetings"), 0);
    EXPECT_EQ(rows_in("wm_meeting_answers"), 0);
}

TEST_F(pupil_meetings_routes, delete_removes_a_meeting_with_its_answers_and_an_unknown_id_is_404) {
    const auto id = std::to_string(client->post(meetings_path(1), meeting).json()->getValue<long long>("id"));
    expect_deleted(school_path + "/pupil-meetings/" + id, id);
    EXPECT_EQ(rows_in("wm_pupil_meetings"), 0);
    EXPECT_EQ(rows_in("wm_meeting_answers"), 0);
}

}  // namespace
