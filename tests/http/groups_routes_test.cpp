// The stored-group routes: create, list, show, add and remove members, recorded with who; a taken name
// or an unknown UPN changes nothing; an unknown group or pupil in the path is 404.
#include "tracked_school.hpp"

namespace {

using waymark::testing::test_upn;

class groups_routes : public waymark::testing::tracked_school_api {
protected:
    groups_routes() {
        const auto made = send_json("POST", "/groups", R"({"name": "Recent arrivals"})");
        EXPECT_EQ(made.status, 201) << made.body;
    }
    const std::string group_url = "/groups/Recent%20arrivals";
};

TEST_F(groups_routes, a_group_round_trip_create_add_show_remove) {
    const auto added = send_json("POST", group_url + "/members", R"({"upns": [")" + test_upn(3) + R"(", ")" + test_upn(10) + R"("]})");
    ASSERT_EQ(added.status, 200) << added.body;
    EXPECT_EQ(added.json()->getValue<int>("added"), 2);
    EXPECT_EQ(added.json()->getObject("group")->getValue<int>("members"), 2);

    const auto shown = client->get(school_url + group_url);
    ASSERT_EQ(shown.status, 200) << shown.body;
    EXPECT_EQ(shown.json()->getValue<int>("count"), 2);
    EXPECT_EQ(shown.json()->getArray("pupils")->getObject(0)->getValue<std::string>("upn"), test_upn(3));
    EXPECT_EQ(shown.json()->getObject("group")->getValue<std::string>("created_by"), "tester");
    // The group filters any pupil list.
    EXPECT_EQ(client->get(school_url + "/pupils?group=Recent%20arrivals&class=4B").json()->getValue<int>("count"), 1);

    const auto removed = client->send("DELETE", school_url + group_url + "/members/" + test_upn(3));
    ASSERT_EQ(removed.status, 200) << removed.body;
    EXPECT_EQ(removed.body, R"({"removed":1,"group":{"name":"Recent arrivals","members":1,"created_by":"tester","created_at":")" +
                                removed.json()->getObject("group")->getValue<std::string>("created_at") + R"("}})");

    const auto listed = client->get(school_url + "/groups");
    ASSERT_EQ(listed.status, 200);
    EXPECT_NE(listed.body.find(R"("name":"Recent arrivals","members":1)"), std::string::npos) << listed.body;
}

TEST_F(groups_routes, a_taken_or_empty_name_is_422_and_makes_no_group) {
    const auto taken = send_json("POST", "/groups", R"({"name": "Recent arrivals"})");
    EXPECT_EQ(taken.status, 422);
    EXPECT_EQ(taken.error_fields(), "invalid|null|Brookside Primary already has a group named \"Recent arrivals\"; choose another name.");
    EXPECT_EQ(send_json("POST", "/groups", R"({"name": " "})").status, 422);
    EXPECT_EQ(send_json("POST", "/groups", R"({"name": 5})").error_fields(), "invalid|name|name must be a string, not a whole number.");
    EXPECT_EQ(rows_in("wm_groups"), 1);
}

TEST_F(groups_routes, an_unknown_upn_adds_nobody) {
    const auto reply = send_json("POST", group_url + "/members", R"({"upns": [")" + test_upn(1) + R"(", "Z000000000000"]})");
    EXPECT_EQ(reply.status, 422);
    EXPECT_EQ(rows_in("wm_group_members"), 0);
}

TEST_F(groups_routes, an_unknown_group_or_pupil_in_the_path_is_404) {
    const auto group = client->get(school_url + "/groups/Nobody");
    EXPECT_EQ(group.status, 404);
    EXPECT_EQ(group.error_fields(), "not_found|null|There is no group \"Nobody\" at Brookside Primary; GET /api/v1/schools/8012000/groups lists them.");
    EXPECT_EQ(send_json("POST", "/groups/Nobody/members", R"({"upns": [")" + test_upn(1) + R"("]})").status, 404);
    EXPECT_EQ(client->send("DELETE", school_url + group_url + "/members/Z000000000000").status, 404);
    EXPECT_EQ(rows_in("wm_group_members"), 0);
}

}  // namespace
