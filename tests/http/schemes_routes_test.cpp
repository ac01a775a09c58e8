// The scheme routes over the built scheme plugins: the list, grades with and without a context,
// parsing a teacher's input, and the error body for unknown ids, bad contexts and wrong types.
#include "served_api.hpp"

namespace {

using waymark::testing::served_api;

class schemes_routes : public served_api {};

const std::string four_band = "/api/v1/schemes/org.waymark.lancashire-four-band";

TEST_F(schemes_routes, lists_every_scheme_with_whether_it_can_be_used) {
    const auto reply = client->get("/api/v1/schemes");
    ASSERT_EQ(reply.status, 200);
    const auto list = reply.json()->getArray("schemes");
    ASSERT_EQ(list->size(), 4u);
    std::map<std::string, Poco::JSON::Object::Ptr> by_id;
    for (unsigned i = 0; i < list->size(); ++i) by_id[list->getObject(i)->getValue<std::string>("id")] = list->getObject(i);
    const auto four = by_id.at("org.waymark.lancashire-four-band");
    EXPECT_EQ(four->getValue<std::string>("name"), "Lancashire four-band");
    EXPECT_TRUE(four->getValue<bool>("available"));
    EXPECT_TRUE(four->isNull("problem"));
    EXPECT_EQ(four->getValue<int>("grade_count"), 4);
    EXPECT_FALSE(four->getValue<bool>("measures_progress"));
    EXPECT_TRUE(by_id.at("org.waymark.lep-points")->getValue<bool>("measures_progress"));
    EXPECT_TRUE(by_id.at("org.waymark.school-bands")->getValue<bool>("available"));
}

TEST_F(schemes_routes, grades_in_a_context_carry_label_band_and_colour) {
    const auto reply = client->get(four_band + "/grades?year=4&term=3&subject=maths");
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto body = reply.json();
    EXPECT_EQ(body->getValue<std::string>("scheme"), "org.waymark.lancashire-four-band");
    EXPECT_EQ(body->getObject("context")->getValue<int>("year"), 4);
    const auto grades = body->getArray("grades");
    ASSERT_EQ(grades->size(), 4u);
    EXPECT_NE(reply.body.find(R"({"index":2,"code":"OT","label":"On track","points":null,"band":"at","on_track":true,)"
                              R"("colour":"#43A047"})"),
              std::string::npos)
        << reply.body;
    EXPECT_EQ(grades->getObject(0)->getValue<std::string>("band"), "below");
    EXPECT_FALSE(grades->getObject(0)->getValue<bool>("on_track"));
}

TEST_F(schemes_routes, grades_without_a_context_have_no_band) {
    const auto reply = client->get("/api/v1/schemes/org.waymark.lep-points/grades");
    ASSERT_EQ(reply.status, 200);
    const auto body = reply.json();
    EXPECT_TRUE(body->isNull("context"));
    const auto first = body->getArray("grades")->getObject(0);
    EXPECT_EQ(first->getValue<std::string>("code"), "1");
    EXPECT_EQ(first->getValue<double>("points"), 1.0);
    EXPECT_TRUE(first->isNull("band"));
    EXPECT_TRUE(first->isNull("on_track"));
}

TEST_F(schemes_routes, a_partial_or_wrong_context_is_422_naming_the_parameter) {
    auto reply = client->get(four_band + "/grades?year=4&subject=maths");
    EXPECT_EQ(reply.status, 422);
    EXPECT_EQ(reply.error_fields(), "invalid|term|The query parameter term is required.");
    reply = client->get(four_band + "/grades?year=12&term=1&subject=maths");
    EXPECT_EQ(reply.error_fields(), "invalid|year|The query parameter year must be a whole number from -1 to 11, not '12'.");
}

TEST_F(schemes_routes, an_unknown_scheme_is_404) {
    const auto reply = client->get("/api/v1/schemes/org.example.nothing/grades");
    EXPECT_EQ(reply.status, 404);
    EXPECT_EQ(reply.error_fields(), "not_found|null|There is no scheme 'org.example.nothing'; GET /api/v1/schemes lists them.");
    EXPECT_EQ(client->post("/api/v1/schemes/org.example.nothing/parse", "{}").status, 404);
}

TEST_F(schemes_routes, parse_reads_a_teachers_input_as_a_grade_in_context) {
    const auto reply = client->post(four_band + "/parse", R"({"input": "dl", "year": 2, "term": 1, "subject": "reading"})");
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto grade = reply.json()->getObject("grade");
    EXPECT_EQ(grade->getValue<std::string>("code"), "D");
    EXPECT_EQ(grade->getValue<std::string>("band"), "above");
    EXPECT_EQ(reply.json()->getObject("context")->getValue<std::string>("subject"), "reading");
}

TEST_F(schemes_routes, input_that_is_no_grade_is_422_with_the_schemes_sentence) {
    const auto reply = client->post(four_band + "/parse", R"({"input": "zz", "year": 4, "term": 3, "subject": "maths"})");
    EXPECT_EQ(reply.status, 422);
    EXPECT_EQ(reply.error_fields(), "invalid|input|'zz' is not a grade of the Lancashire four-band scheme; enter one of: "
                                    "Below (B), Towards (T), On track (OT), Deeper learning (D or DL).");
}

TEST_F(schemes_routes, parse_refuses_wrong_types_and_malformed_json) {
    auto reply = client->post(four_band + "/parse", R"({"input": "OT", "year": "4", "term": 3, "subject": "maths"})");
    EXPECT_EQ(reply.error_fields(), "invalid|year|year must be a whole number, not a string.");
    reply = client->post(four_band + "/parse", R"({"input": "OT", "year": 4, "term": 3})");
    EXPECT_EQ(reply.error_fields(), "invalid|subject|subject is required.");
    reply = client->post(four_band + "/parse", R"({"input": "OT", "year": 4, "term": 3, "subject": maths})");
    EXPECT_EQ(reply.status, 400);
    EXPECT_NE(reply.json()->getValue<std::string>("message").find("line 1, column 50"), std::string::npos) << reply.body;
}

}  // namespace
