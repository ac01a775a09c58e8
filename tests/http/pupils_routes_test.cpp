// GET /schools/{school}/pupils (every filter as a query parameter, the CLI's parser) and POST
// .../pupils/inclusion (include in data, recorded with who; an unknown UPN changes nothing).
#include "tracked_school.hpp"

namespace {

using waymark::testing::test_upn;

class pupils_routes : public waymark::testing::tracked_school_api {};

std::vector<std::string> upns_of(const waymark::testing::api_reply &reply) {
    std::vector<std::string> upns;
    const auto pupils = reply.json()->getArray("pupils");
    for (unsigned i = 0; i < pupils->size(); ++i) upns.push_back(pupils->getObject(i)->getValue<std::string>("upn"));
    return upns;
}

TEST_F(pupils_routes, lists_the_pupils_a_filter_chooses_with_the_excluded_count) {
    const auto reply = client->get(school_url + "/pupils?class=4A&year=4");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(upns_of(reply), (std::vector<std::string>{test_upn(1), test_upn(2), test_upn(3)}));
    EXPECT_EQ(reply.json()->getValue<std::string>("filter"), "Year 4, class 4A");
    EXPECT_EQ(reply.json()->getValue<int>("count"), 3);
    EXPECT_EQ(reply.json()->getValue<int>("excluded_pupils"), 0);
}

TEST_F(pupils_routes, excluding_a_pupil_is_recorded_with_who_and_flagged_in_every_list) {
    const auto changed = send_json("POST", "/pupils/inclusion", R"({"upns": [")" + test_upn(2) + R"("], "include_in_data": false})");
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(changed.body, R"({"changed":1,"excluded_pupils":1})");

    const auto all = client->get(school_url + "/pupils");
    EXPECT_EQ(all.json()->getValue<int>("count"), 5);
    EXPECT_EQ(all.json()->getValue<int>("excluded_pupils"), 1);
    const auto only_excluded = client->get(school_url + "/pupils?include_in_data=no");
    EXPECT_EQ(upns_of(only_excluded), std::vector<std::string>{test_upn(2)});
    EXPECT_FALSE(only_excluded.json()->getArray("pupils")->getObject(0)->getValue<bool>("include_in_data"));
    const auto included_4a = client->get(school_url + "/pupils?class=4A&include_in_data=yes");
    EXPECT_EQ(upns_of(included_4a), (std::vector<std::string>{test_upn(1), test_upn(3)}));
    EXPECT_EQ(included_4a.json()->getValue<int>("excluded_pupils"), 1);  // 4A's excluded pupil, though not listed

    const auto database = pool->acquire();
    std::string who;
    database->session() << "SELECT changed_by FROM wm_inclusion_changes", soci::into(who);
    EXPECT_EQ(who, "tester");
}

TEST_F(pupils_routes, a_filter_value_the_parser_refuses_is_422_naming_the_parameter) {
    const auto reply = client->get(school_url + "/pupils?class=4A&sen=X");
    EXPECT_EQ(reply.status, 422);
    EXPECT_EQ(reply.error_fields(), "invalid|sen|sen takes N, K, E, A, P or S, not \"X\".");
    EXPECT_EQ(client->get(school_url + "/pupils?summer-born=maybe").error_fields(),
              "invalid|summer-born|summer-born takes yes or no, not \"maybe\".");
    EXPECT_EQ(client->get(school_url + "/pupils?include_in_data=1").error_fields(),
              "invalid|include_in_data|include_in_data takes yes or no (leave it out for both), not \"1\".");
}

TEST_F(pupils_routes, a_class_the_school_does_not_have_is_422_listing_its_classes) {
    const auto reply = client->get(school_url + "/pupils?class=6Z");
    EXPECT_EQ(reply.status, 422);
    EXPECT_NE(reply.json()->getValue<std::string>("message").find("4A, 4B"), std::string::npos) << reply.body;
}

TEST_F(pupils_routes, an_unknown_upn_changes_nobody) {
    const auto reply = send_json("POST", "/pupils/inclusion",
                                 R"({"upns": [")" + test_upn(1) + R"(", "A999999999999"], "include_in_data": false})");
    EXPECT_EQ(reply.status, 422);
    EXPECT_NE(reply.json()->getValue<std::string>("message").find("A999999999999"), std::string::npos) << reply.body;
    EXPECT_EQ(rows_in("wm_inclusion_changes"), 0);
    EXPECT_EQ(client->get(school_url + "/pupils").json()->getValue<int>("excluded_pupils"), 0);
}

TEST_F(pupils_routes, wrong_types_and_malformed_json_are_refused_before_anything_changes) {
    EXPECT_EQ(send_json("POST", "/pupils/inclusion", R"({"upns": "A1", "include_in_data": false})").error_fields(),
              "invalid|upns|upns must be an array of strings, not a string.");
    EXPECT_EQ(send_json("POST", "/pupils/inclusion", R"({"upns": ["A1", 7], "include_in_data": false})").error_fields(),
              "invalid|upns[1]|upns[1] must be a string, not a whole number.");
    EXPECT_EQ(send_json("POST", "/pupils/inclusion", R"({"upns": [")" + test_upn(1) + R"("], "include_in_data": "no"})")
                  .error_fields(),
              "invalid|include_in_data|include_in_data must be true or false, not a string.");
    EXPECT_EQ(send_json("POST", "/pupils/inclusion", R"({"upns": [], "include_in_data": false})").error_fields(),
              "invalid|upns|upns must name at least one pupil by UPN.");
    const auto malformed = send_json("POST", "/pupils/inclusion", R"({"upns": [)");
    EXPECT_EQ(malformed.status, 400);
    EXPECT_EQ(rows_in("wm_inclusion_changes"), 0);
}

TEST_F(pupils_routes, a_school_not_in_the_database_is_404) {
    EXPECT_EQ(client->get("/api/v1/schools/9999999/pupils").status, 404);
    EXPECT_EQ(client->send("POST", "/api/v1/schools/9999999/pupils/inclusion", R"({"upns": ["A1"], "include_in_data": true})")
                  .status,
              404);
}

}  // namespace
