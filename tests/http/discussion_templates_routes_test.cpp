// /api/v1/schools/{school}/discussion-templates: round trips, the current questions on a day, the
// fixed type, and refusals (malformed JSON, wrong types, unknown ids) that write nothing.
#include "tracking_api.hpp"

#include <gmock/gmock.h>

namespace {

class discussion_templates_routes : public waymark::testing::tracking_api {
protected:
    const std::string all_path = school_path + "/discussion-templates";

    std::string add(const std::string &type, const std::string &question, int order, const std::string &to = "null") {
        const auto reply = client->post(all_path, R"({"type": ")" + type + R"(", "question": ")" + question +
                                                      R"(", "sort_order": )" + std::to_string(order) +
                                                      R"(, "live_from": "2025-09-01", "live_to": )" + to + "}");
        EXPECT_EQ(reply.status, 201) << reply.body;
        return reply.body;
    }
};

TEST_F(discussion_templates_routes, create_list_the_current_questions_read_and_edit) {
    const auto general = add("pupil", "General comments", 7);
    add("pupil", "Last year's question", 1, R"("2025-12-31")");
    add("cohort", "TEST QUESTION 1", 1);
    EXPECT_EQ(general, R"({"id":1,"type":"pupil","question":"General comments","sort_order":7,"live_from":"2025-09-01","live_to":null})");
    const auto current = client->get(all_path + "?type=pupil&on=2026-03-02");
    ASSERT_EQ(current.status, 200);
    EXPECT_EQ(current.body, "[" + general + "]");
    EXPECT_THAT(client->get(all_path + "?type=cohort").body, ::testing::HasSubstr("TEST QUESTION 1"));
    EXPECT_THAT(client->get(all_path).body, ::testing::HasSubstr("Last year's question"));
    EXPECT_EQ(client->get(all_path + "/1").body, general);
    const auto edited = put(all_path + "/1", R"({"question": "General comments and actions", "sort_order": 9, "live_to": "2026-07-21"})");
    ASSERT_EQ(edited.status, 200) << edited.body;
    EXPECT_EQ(edited.body, R"({"id":1,"type":"pupil","question":"General comments and actions","sort_order":9,)"
                           R"("live_from":"2025-09-01","live_to":"2026-07-21"})");
    EXPECT_TRUE(put(all_path + "/1", R"({"live_to": null})").json()->isNull("live_to"));
}

TEST_F(discussion_templates_routes, refusals_are_clear_and_change_nothing) {
    const auto made = add("pupil", "General comments", 7);
    EXPECT_EQ(client->post(all_path, "{\"type\": ").status, 400);
    EXPECT_EQ(client->post(all_path, R"({"type": "class", "question": "Q", "sort_order": 1, "live_from": "2025-09-01"})").error_fields(),
              "invalid|type|type must be \"pupil\" or \"cohort\", not \"class\".");
    EXPECT_EQ(client->post(all_path, R"({"type": "pupil", "question": "Q", "sort_order": "1", "live_from": "2025-09-01"})")
                  .json()->getValue<std::string>("field"),
              "sort_order");
    EXPECT_EQ(put(all_path + "/1", R"({"type": "cohort"})").error_fields(),
              "invalid|type|A template's type is fixed when it is made; add a new template of the other type instead.");
    EXPECT_EQ(put(all_path + "/1", R"({"live_to": "2025-01-01"})").status, 422);
    EXPECT_EQ(put(all_path + "/2", R"({"question": "Q"})").status, 404);
    EXPECT_EQ(client->get(all_path + "/2").status, 404);
    EXPECT_EQ(client->get(all_path + "?on=2026-01-01").error_fields(),
              "invalid|type|Give type=pupil or type=cohort with on: the current questions are of one type.");
    EXPECT_EQ(client->get(all_path + "/1").body, made);
    EXPECT_EQ(rows_in("wm_discussion_templates"), 1);
}

TEST_F(discussion_templates_routes, delete_removes_a_template_and_an_unknown_id_is_404) {
    add("pupil", "General comments", 1);
    add("pupil", "Barriers", 2);
    expect_deleted(all_path + "/1", "1");
    EXPECT_EQ(rows_in("wm_discussion_templates"), 1);
}

}  // namespace
