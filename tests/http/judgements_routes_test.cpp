// The cell routes: record (checked by the subject's scheme), clear, colour and the history of one
// cell, all recorded as the principal; a flood-fill of a filtered class; CSV import, all or nothing
// with line-numbered problems; wrong types, unknown ids and oversized bodies refused with nothing
// written.
#include "tracked_school.hpp"

namespace {

using waymark::testing::test_upn;

class judgements_routes : public waymark::testing::tracked_school_api {
protected:
    judgements_routes() : id(create_spring_assessment()) {}

    std::string cell_url(int serial, const std::string &subject) const {
        return assessment_url(id) + "/judgements/" + test_upn(serial) + "/" + subject;
    }
    // Pupil `row`'s judgement code for `subject` in the class grid ("" when empty).
    std::string grid_code(const std::string &query, unsigned row, const std::string &subject) {
        const auto grid = client->get(school_url + assessment_url(id) + "/grid?" + query);
        EXPECT_EQ(grid.status, 200) << grid.body;
        const auto judgements = grid.json()->getArray("pupils")->getObject(row)->getObject("judgements");
        return judgements->has(subject) ? judgements->getObject(subject)->getValue<std::string>("code") : "";
    }

    const long long id;
};

TEST_F(judgements_routes, a_cell_set_through_the_api_is_recorded_as_the_principal_and_read_back) {
    const auto reply = send_json("PUT", cell_url(2, "reading"), R"({"value": "on track", "against": 3})");
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto record = reply.json();
    EXPECT_EQ(record->getValue<std::string>("value"), "OT");
    EXPECT_EQ(record->getValue<int>("against"), 3);
    EXPECT_EQ(record->getValue<std::string>("recorded_by"), "tester");
    EXPECT_TRUE(record->isNull("supersedes"));
    EXPECT_EQ(grid_code("class=4A", 1, "reading"), "OT");

    const auto score = send_json("PUT", cell_url(2, "maths"), R"({"value": "104", "kind": "test"})");
    ASSERT_EQ(score.status, 200) << score.body;
    const auto phonics = send_json("PUT", cell_url(2, "phonics"), R"({"value": "Phase 5", "kind": "phonics"})");
    ASSERT_EQ(phonics.status, 200) << phonics.body;
    const auto grid = client->get(school_url + assessment_url(id) + "/grid?upns=" + test_upn(2)).json();
    EXPECT_EQ(grid->getArray("pupils")->getObject(0)->getObject("test_scores")->getValue<std::string>("maths"), "104");
    EXPECT_EQ(grid->getArray("pupils")->getObject(0)->getValue<std::string>("phonics"), "Phase 5");
}

TEST_F(judgements_routes, clearing_and_colouring_add_records_that_the_history_lists_oldest_first) {
    ASSERT_EQ(send_json("PUT", cell_url(1, "writing"), R"({"value": "T"})").status, 200);
    const auto coloured = send_json("PUT", cell_url(1, "writing") + "/colour", R"({"colour": "#ffa500"})");
    ASSERT_EQ(coloured.status, 200) << coloured.body;
    EXPECT_EQ(coloured.json()->getValue<std::string>("colour"), "#FFA500");
    const auto cleared = client->send("DELETE", school_url + cell_url(1, "writing"));
    ASSERT_EQ(cleared.status, 200) << cleared.body;
    EXPECT_TRUE(cleared.json()->getValue<bool>("cleared"));
    EXPECT_TRUE(cleared.json()->isNull("value"));

    const auto history = client->get(school_url + cell_url(1, "writing") + "/history");
    ASSERT_EQ(history.status, 200) << history.body;
    const auto records = history.json()->getArray("records");
    ASSERT_EQ(records->size(), 3U);
    EXPECT_EQ(records->getObject(0)->getValue<std::string>("value"), "T");
    EXPECT_EQ(records->getObject(1)->getValue<std::string>("colour"), "#FFA500");
    EXPECT_TRUE(records->getObject(2)->getValue<bool>("cleared"));
    EXPECT_EQ(records->getObject(2)->getValue<long long>("supersedes"), records->getObject(1)->getValue<long long>("id"));
    EXPECT_EQ(grid_code("class=4A", 0, "writing"), "");
    // Clearing an empty cell is refused and adds nothing.
    EXPECT_EQ(client->send("DELETE", school_url + cell_url(1, "writing")).status, 422);
    EXPECT_EQ(rows_in("wm_assessment_records"), 3);
}

TEST_F(judgements_routes, a_colour_of_null_returns_the_cell_to_the_schemes_colour) {
    ASSERT_EQ(send_json("PUT", cell_url(1, "maths"), R"({"value": "D", "colour": "00FF00"})").status, 200);
    const auto reset = send_json("PUT", cell_url(1, "maths") + "/colour", R"({"colour": null})");
    ASSERT_EQ(reset.status, 200) << reset.body;
    EXPECT_TRUE(reset.json()->isNull("colour"));
    EXPECT_EQ(send_json("PUT", cell_url(1, "maths") + "/colour", R"({})").error_fields(),
              "invalid|colour|colour is required: \"#RRGGBB\" to override the cell's colour, null for the scheme's.");
    EXPECT_EQ(send_json("PUT", cell_url(1, "maths") + "/colour", R"({"colour": "orange"})").error_fields(),
              "invalid|colour|colour takes six hexadecimal digits such as #FFA500, not \"orange\".");
}

TEST_F(judgements_routes, a_grid_save_names_the_records_it_saw_and_a_stale_one_is_409_with_what_changed) {
    ASSERT_EQ(send_json("PUT", cell_url(1, "reading"), R"({"value": "B"})").status, 200);
    const auto grid = client->get(school_url + assessment_url(id) + "/grid?upns=" + test_upn(1)).json();
    const auto seen = grid->getArray("pupils")->getObject(0)->getObject("record_ids")->getObject("judgement")->getValue<long long>("reading");
    const std::string save = R"({"changes": [{"upn": ")" + test_upn(1) + R"(", "subject": "reading", "value": "OT", "seen": )" +
                             std::to_string(seen) + R"(}, {"upn": ")" + test_upn(2) + R"(", "subject": "maths", "value": "T", "seen": 0}]})";
    const auto saved = send_json("POST", assessment_url(id) + "/judgements", save);
    ASSERT_EQ(saved.status, 200) << saved.body;
    EXPECT_EQ(saved.json()->getArray("records")->getObject(0)->getValue<long long>("supersedes"), seen);
    EXPECT_EQ(grid_code("upns=" + test_upn(2), 0, "maths"), "T");

    // The same save again: both cells have moved on since the page read them.
    const auto records_before = rows_in("wm_assessment_records");
    const auto stale = send_json("POST", assessment_url(id) + "/judgements", save);
    ASSERT_EQ(stale.status, 409) << stale.body;
    const auto changed = stale.json()->getArray("changed");
    ASSERT_EQ(changed->size(), 2U);
    EXPECT_EQ(changed->getObject(0)->getValue<std::string>("value"), "OT");
    EXPECT_EQ(changed->getObject(0)->getValue<std::string>("recorded_by"), "tester");
    EXPECT_EQ(rows_in("wm_assessment_records"), records_before);
    EXPECT_EQ(send_json("POST", assessment_url(id) + "/judgements", R"({"changes": []})").error_fields(),
              "invalid|changes|changes is empty: send at least one cell to save.");
    EXPECT_EQ(send_json("POST", assessment_url(id) + "/judgements", R"({"changes": [{"upn": "x", "subject": "maths", "value": "T", "seen": -1}]})")
                  .status,
              422);
}

TEST_F(judgements_routes, a_flood_fill_of_a_filtered_class_records_only_its_pupils) {
    const auto reply = send_json("POST", assessment_url(id) + "/judgements/fill", R"({"subject": "writing", "value": "OT", "class": "4B"})");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.body, R"({"filled":2})");
    EXPECT_EQ(grid_code("class=4B", 0, "writing"), "OT");
    EXPECT_EQ(grid_code("class=4B", 1, "writing"), "OT");
    EXPECT_EQ(grid_code("class=4A", 0, "writing"), "");
    EXPECT_EQ(rows_in("wm_assessment_records"), 2);
}

TEST_F(judgements_routes, a_flood_fill_takes_every_pupil_filter_in_its_body) {
    const auto girls = send_json("POST", assessment_url(id) + "/judgements/fill",
                                 R"({"subject": "writing", "value": "T", "class": "4B", "gender": "F", "fsm": false})");
    ASSERT_EQ(girls.status, 200) << girls.body;
    EXPECT_EQ(girls.body, R"({"filled":1})");
    EXPECT_EQ(grid_code("class=4B&gender=F", 0, "writing"), "T");
    EXPECT_EQ(grid_code("class=4B&gender=M", 0, "writing"), "");
    EXPECT_EQ(send_json("POST", assessment_url(id) + "/judgements/fill", R"({"subject": "writing", "value": "T", "sen": ["K"]})")
                  .error_fields(),
              "invalid|sen|sen takes text, a whole number or true/false, not an array.");
    EXPECT_EQ(send_json("POST", assessment_url(id) + "/judgements/fill", R"({"subject": "writing", "value": "T", "fsm": "maybe"})")
                  .error_fields(),
              "invalid|fsm|fsm takes yes or no, not \"maybe\".");
    EXPECT_EQ(send_json("POST", assessment_url(id) + "/judgements/fill", R"({"subject": "writing", "value": "T", "class": "9Z"})")
                  .status,
              422);
    EXPECT_EQ(rows_in("wm_assessment_records"), 1);
}

TEST_F(judgements_routes, a_value_the_scheme_refuses_is_422_with_its_choices_and_writes_nothing) {
    const auto cell = send_json("PUT", cell_url(1, "science"), R"({"value": "brilliant"})");
    EXPECT_EQ(cell.status, 422);
    EXPECT_NE(cell.body.find("WTS"), std::string::npos) << cell.body;  // school-bands lists its grades
    const auto fill = send_json("POST", assessment_url(id) + "/judgements/fill", R"({"subject": "reading", "value": "XX", "year": 4})");
    EXPECT_EQ(fill.status, 422);
    EXPECT_EQ(send_json("POST", assessment_url(id) + "/judgements/fill", R"({"subject": "reading", "value": "OT"})").error_fields(),
              "invalid|class|Say whose cells to fill: class, year, another pupil filter or upns (a flood-fill of the "
              "whole school is not offered).");
    EXPECT_EQ(send_json("PUT", cell_url(1, "history"), R"({"value": "OT"})").status, 422);  // not a subject of the assessment
    EXPECT_EQ(rows_in("wm_assessment_records"), 0);
}

TEST_F(judgements_routes, wrong_types_malformed_json_and_unknown_ids_write_nothing) {
    EXPECT_EQ(send_json("PUT", cell_url(1, "reading"), R"({"value": 3})").error_fields(),
              "invalid|value|value must be a string, not a whole number.");
    EXPECT_EQ(send_json("PUT", cell_url(1, "reading"), R"({"value": "OT", "against": "3"})").error_fields(),
              "invalid|against|against must be a whole number, not a string.");
    EXPECT_EQ(send_json("PUT", cell_url(1, "reading"), R"({"value": "OT", "kind": "grade"})").error_fields(),
              "invalid|kind|kind takes judgement, formative, test or phonics, not \"grade\".");
    EXPECT_EQ(send_json("PUT", cell_url(1, "reading"), R"({"value": "OT",)").status, 400);
    EXPECT_EQ(client->send("PUT", school_url + cell_url(1, "reading"), R"({"value": "OT"})", "text/plain").status, 415);
    const auto unknown_pupil = send_json("PUT", assessment_url(id) + "/judgements/Z000000000000/reading", R"({"value": "OT"})");
    EXPECT_EQ(unknown_pupil.status, 404);
    EXPECT_EQ(unknown_pupil.error_fields(), "not_found|null|No pupil on roll at Brookside Primary has UPN Z000000000000; GET "
                                            "/api/v1/schools/8012000/pupils lists them.");
    EXPECT_EQ(send_json("PUT", assessment_url(id + 1) + "/judgements/" + test_upn(1) + "/reading", R"({"value": "OT"})").status, 404);
    EXPECT_EQ(client->get(school_url + assessment_url(id + 1) + "/judgements/" + test_upn(1) + "/reading/history").status, 404);
    EXPECT_EQ(rows_in("wm_assessment_records"), 0);
}

TEST_F(judgements_routes, an_oversized_body_is_413_before_anything_is_read) {
    // A body announced as over the limit is refused on its length; writing all of it would race the
    // server closing the connection, so only its start is sent.
    Poco::Net::HTTPRequest request("POST", school_url + assessment_url(id) + "/judgements/fill", Poco::Net::HTTPMessage::HTTP_1_1);
    request.setContentType("application/json");
    request.setContentLength64(static_cast<Poco::Int64>(routes.body_limit() + 1));
    client->session().sendRequest(request) << R"({"subject": "reading", "value": "OT", "year": 4, "padding": ")";
    Poco::Net::HTTPResponse response;
    client->session().receiveResponse(response);
    EXPECT_EQ(response.getStatus(), Poco::Net::HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE);
    EXPECT_EQ(rows_in("wm_assessment_records"), 0);
}

TEST_F(judgements_routes, a_csv_import_records_every_row_or_lists_every_problem_by_line) {
    const std::string good = "UPN,subject,value,kind\n" + test_upn(1) + ",reading,OT,\n" + test_upn(10) + ",maths,98,test\n";
    const auto imported = client->send("POST", school_url + assessment_url(id) + "/judgements/import", good, "text/csv");
    ASSERT_EQ(imported.status, 200) << imported.body;
    EXPECT_EQ(imported.body, R"({"recorded":2})");
    EXPECT_EQ(grid_code("class=4A", 0, "reading"), "OT");

    const std::string bad = "UPN,subject,value\n" + test_upn(2) + ",reading,OT\nZ000000000000,reading,OT\n" + test_upn(3) +
                            ",writing,sideways\n";
    const auto refused = client->send("POST", school_url + assessment_url(id) + "/judgements/import", bad, "text/csv");
    EXPECT_EQ(refused.status, 422);
    const auto body = refused.json();
    EXPECT_EQ(body->getValue<std::string>("error"), "invalid");
    EXPECT_EQ(body->getValue<std::string>("message"),
              "The CSV has 2 problems (listed in problems with their lines); nothing was recorded. Correct them and send it again.");
    const auto problems = body->getArray("problems");
    ASSERT_EQ(problems->size(), 2U);
    EXPECT_EQ(problems->getObject(0)->getValue<int>("line"), 3);
    EXPECT_EQ(problems->getObject(1)->getValue<int>("line"), 4);
    EXPECT_EQ(rows_in("wm_assessment_records"), 2);

    EXPECT_EQ(client->send("POST", school_url + assessment_url(id) + "/judgements/import", good, "application/json").status, 415);
    EXPECT_EQ(client->send("POST", school_url + assessment_url(id) + "/judgements/import", "UPN,subject\n", "text/csv").status, 422);
    EXPECT_EQ(rows_in("wm_assessment_records"), 2);
}

}  // namespace
