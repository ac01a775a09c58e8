// GET /schools/{school}/pupils (every filter as a query parameter, the CLI's parser) and POST
// .../pupils/inclusion (include in data, recorded with who; an unknown UPN changes nothing), and the
// pupil records added, edited one or many at a time, archived and returned to roll by hand.
#include "tracked_school.hpp"

namespace {

using waymark::testing::test_upn;
using waymark::testing::year4_pupil;

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

std::string wrong_check_letter(std::string valid) {
    valid[0] = valid[0] == 'A' ? 'B' : 'A';
    return valid;
}

std::string new_pupil(const std::string &upn) {
    return R"({"upn": ")" + upn + R"(", "surname": "Bell", "forename": "Amy", "date_of_birth": "05/03/2017", "gender": "F",
              "postcode": "PR1 1AA", "ethnicity": "WBRI", "class": "3A", "fsm": true, "year_override": 3, "custom_flag_2": true})";
}

TEST_F(pupils_routes, a_pupil_is_added_with_every_field_and_a_wrong_check_letter_adds_nothing) {
    const auto wrong = send_json("POST", "/pupil-records", new_pupil(wrong_check_letter(test_upn(20))));
    EXPECT_EQ(wrong.status, 422);
    EXPECT_EQ(wrong.json()->getValue<std::string>("field"), "upn");
    EXPECT_NE(wrong.json()->getValue<std::string>("message").find("fails its check letter"), std::string::npos) << wrong.body;
    EXPECT_EQ(rows_in("wm_pupils"), 5);

    const auto added = send_json("POST", "/pupil-records", new_pupil(test_upn(20)));
    ASSERT_EQ(added.status, 201) << added.body;
    const auto record = added.json()->getObject("pupil");
    EXPECT_EQ(record->getValue<std::string>("date_of_birth"), "2017-03-05");
    EXPECT_TRUE(record->getValue<bool>("fsm"));
    EXPECT_TRUE(record->getValue<bool>("custom_flag_2"));
    EXPECT_EQ(record->getValue<int>("year_override"), 3);
    EXPECT_EQ(record->getValue<int>("nc_year"), 3);
    EXPECT_EQ(added.json()->getArray("custom_flag_names")->size(), 6U);
    EXPECT_EQ(rows_in("wm_pupils"), 6);

    const auto twice = send_json("POST", "/pupil-records", new_pupil(test_upn(20)));
    EXPECT_EQ(twice.status, 422);
    EXPECT_EQ(twice.json()->getValue<std::string>("field"), "upn");
    EXPECT_EQ(send_json("POST", "/pupil-records", R"({"upn": ")" + test_upn(21) + R"(", "fsm": 2.5})").error_fields(),
              "invalid|fsm|fsm must be text, a whole number, true or false, not a number with a fraction.");
}

TEST_F(pupils_routes, one_pupil_is_edited_and_read_back_archived_ones_too) {
    const auto changed = send_json("PUT", "/pupil-records/" + test_upn(2), R"({"sen": "E", "date_joined": "2021-09-01"})");
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(changed.json()->getObject("pupil")->getValue<std::string>("sen"), "E");
    const auto refused = send_json("PUT", "/pupil-records/" + test_upn(2), R"({"gender": "Q"})");
    EXPECT_EQ(refused.error_fields(), "invalid|gender|The gender \"Q\" should be M or F.");
    EXPECT_EQ(client->get(school_url + "/pupil-records/" + test_upn(2)).json()->getObject("pupil")->getValue<std::string>("gender"),
              year4_pupil(2, "4A").gender == 'F' ? "F" : "M");
    EXPECT_EQ(client->get(school_url + "/pupil-records/A999999999999").status, 404);
    EXPECT_EQ(send_json("PUT", "/pupil-records/" + test_upn(2), "{}").status, 422);
}

TEST_F(pupils_routes, many_pupils_are_saved_together_and_a_bad_row_names_itself_and_saves_none) {
    const auto bad = send_json("PUT", "/pupil-records",
                               R"({"pupils": [{"upn": ")" + test_upn(1) + R"(", "changes": {"class": "5A"}},
                                              {"upn": ")" + test_upn(2) + R"(", "changes": {"class": "5A", "sen": "Z"}}]})");
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(bad.json()->getValue<std::string>("field"), "pupils[1].changes.sen");
    EXPECT_NE(bad.json()->getValue<std::string>("message").find(test_upn(2)), std::string::npos) << bad.body;
    EXPECT_TRUE(upns_of(client->get(school_url + "/pupils?year=4")).size() == 5U);

    const auto saved = send_json("PUT", "/pupil-records",
                                 R"({"pupils": [{"upn": ")" + test_upn(1) + R"(", "changes": {"class": "5A", "looked_after": true}},
                                                {"upn": ")" + test_upn(2) + R"(", "changes": {"class": "5A"}}]})");
    ASSERT_EQ(saved.status, 200) << saved.body;
    EXPECT_EQ(saved.body, R"({"changed":2})");
    const auto in_5a = client->get(school_url + "/pupil-records?class=5A");
    ASSERT_EQ(in_5a.status, 200) << in_5a.body;
    const auto pupils = in_5a.json()->getArray("pupils");
    ASSERT_EQ(pupils->size(), 2U);
    EXPECT_TRUE(pupils->getObject(0)->getValue<bool>("looked_after") || pupils->getObject(1)->getValue<bool>("looked_after"));
}

TEST_F(pupils_routes, a_leaver_is_archived_listed_with_the_leavers_and_returned_to_roll) {
    const auto left = send_json("POST", "/pupil-records/" + test_upn(3) + "/archive", R"({"date_left": "22/07/2026"})");
    ASSERT_EQ(left.status, 200) << left.body;
    EXPECT_EQ(left.json()->getObject("pupil")->getValue<std::string>("date_left"), "2026-07-22");
    EXPECT_EQ(upns_of(client->get(school_url + "/pupils?class=4A")), (std::vector<std::string>{test_upn(1), test_upn(2)}));
    EXPECT_EQ(upns_of(client->get(school_url + "/pupil-records?archived=yes")), std::vector<std::string>{test_upn(3)});
    EXPECT_EQ(send_json("POST", "/pupil-records/" + test_upn(3) + "/archive", R"({"date_left": "2026-07-22"})").status, 422);
    EXPECT_EQ(send_json("POST", "/pupil-records/" + test_upn(2) + "/archive", R"({"date_left": "soon"})").error_fields(),
              "invalid|date_left|date_left \"soon\" is not a date; write yyyy-mm-dd or dd/mm/yyyy.");
    const auto back = send_json("POST", "/pupil-records/" + test_upn(3) + "/return", "{}");
    ASSERT_EQ(back.status, 200) << back.body;
    EXPECT_FALSE(back.json()->getObject("pupil")->getValue<bool>("archived"));
    EXPECT_EQ(upns_of(client->get(school_url + "/pupils?class=4A")).size(), 3U);
    EXPECT_EQ(rows_in("wm_pupils"), 5);  // never deleted
}

TEST_F(pupils_routes, a_leavers_date_left_is_corrected_without_returning_them_to_roll) {
    const std::string path = "/pupil-records/" + test_upn(3) + "/date-left";
    const auto on_roll = send_json("PUT", path, R"({"date_left": "2026-07-17"})");
    EXPECT_EQ(on_roll.status, 422) << on_roll.body;
    ASSERT_EQ(send_json("POST", "/pupil-records/" + test_upn(3) + "/archive", R"({"date_left": "22/07/2026"})").status, 200);
    const auto corrected = send_json("PUT", path, R"({"date_left": "17/07/2026"})");
    ASSERT_EQ(corrected.status, 200) << corrected.body;
    EXPECT_EQ(corrected.json()->getObject("pupil")->getValue<std::string>("date_left"), "2026-07-17");
    EXPECT_TRUE(corrected.json()->getObject("pupil")->getValue<bool>("archived"));
    EXPECT_EQ(send_json("PUT", path, R"({"date_left": "soon"})").error_fields(),
              "invalid|date_left|date_left \"soon\" is not a date; write yyyy-mm-dd or dd/mm/yyyy.");
    EXPECT_EQ(upns_of(client->get(school_url + "/pupil-records?archived=yes")), std::vector<std::string>{test_upn(3)});
}

}  // namespace
