// GET /schools/{school}/assessments/{assessment}/collection-health: the classes and subjects with
// judgements missing and the pupils to chase; unknown ids 404.
#include "tracked_school.hpp"

namespace {

using waymark::testing::tracked_api;

class collection_health_routes : public tracked_api {};

TEST_F(collection_health_routes, names_the_classes_subjects_and_pupils_missing) {
    judge({{1, "reading", "T"}, {1, "writing", "OT"}, {1, "maths", "D"}, {2, "reading", "T"}, {2, "writing", "B"},
           {3, "reading", "OT"}, {3, "writing", "OT"}, {3, "maths", "D"}, {4, "reading", "T"}, {4, "writing", "B"},
           {4, "maths", "T"}},
          "2026-02-10T09:00:00Z");
    const auto reply = client->get(base + "/collection-health");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.body, "{\"assessment\":\"Spring 1\",\"assessment_id\":" + std::to_string(spring.id) +
                              ",\"pupils\":4,\"excluded_pupils\":0,\"expected\":12,\"missing\":1,\"gaps\":[{\"class\":\"4A\","
                              "\"subject\":\"maths\",\"pupils\":3,\"missing\":1,\"pupils_missing\":[{\"upn\":\"" + upn(2) +
                              "\",\"surname\":\"Pupil02\",\"forename\":\"Sam\"}]}]}");
}

TEST_F(collection_health_routes, nothing_recorded_is_every_judgement_missing) {
    const auto json = client->get(base + "/collection-health").json();
    EXPECT_EQ(json->getValue<int>("missing"), 12);
    EXPECT_EQ(json->getArray("gaps")->size(), 6U);
}

TEST_F(collection_health_routes, unknown_assessments_and_schools_are_404) {
    EXPECT_EQ(client->get("/api/v1/schools/8012000/assessments/0/collection-health").status, 404);
    EXPECT_EQ(client->get("/api/v1/schools/8019999/assessments/" + std::to_string(spring.id) + "/collection-health").status, 404);
}

}  // namespace
