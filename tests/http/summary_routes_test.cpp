// GET /schools/{school}/assessments/{assessment}/summary: the seed's four-pupil worked example, the
// excluded count, filters and as_of from the query, and a 4xx naming the parameter for each mistake.
#include "tracked_school.hpp"

#include "services/pupils/pupil_inclusion.hpp"

namespace {

using waymark::testing::tracked_api;

class summary_routes : public tracked_api {
protected:
    summary_routes() {
        judge({{1, "reading", "T"}, {1, "writing", "OT"}, {1, "maths", "D"}, {2, "reading", "T"}, {2, "writing", "B"},
               {2, "maths", "OT"}, {3, "reading", "OT"}, {3, "writing", "OT"}, {3, "maths", "D"}, {4, "reading", "T"},
               {4, "writing", "B"}, {4, "maths", "T"}},
              "2026-02-10T09:00:00Z");
    }
};

TEST_F(summary_routes, the_seeds_worked_example) {
    const auto reply = client->get(base + "/summary");
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto json = reply.json();
    EXPECT_EQ(json->getValue<std::string>("assessment"), "Spring 1");
    EXPECT_EQ(json->getValue<std::string>("filter"), "2025/2026, Whole school");
    EXPECT_EQ(json->getValue<int>("pupils"), 4);
    EXPECT_EQ(json->getValue<int>("excluded_pupils"), 0);
    const auto writing = json->getArray("subjects")->getObject(1);
    EXPECT_EQ(writing->getValue<std::string>("subject"), "writing");
    EXPECT_EQ(writing->getValue<std::string>("scheme"), "org.waymark.lancashire-four-band");
    EXPECT_EQ(writing->getArray("grades")->getObject(0)->getValue<int>("pupils"), 2);
    EXPECT_DOUBLE_EQ(writing->getArray("grades")->getObject(0)->getValue<double>("percent"), 50.0);
    EXPECT_EQ(writing->getValue<int>("no_judgement"), 0);
    EXPECT_EQ(json->getObject("reading_writing_maths")->getValue<int>("on_track"), 1);
    EXPECT_DOUBLE_EQ(json->getObject("reading_writing_maths")->getValue<double>("percent"), 25.0);
}

TEST_F(summary_routes, filters_as_of_and_the_excluded_count) {
    waymark::services::set_included(*pool->acquire(), school, std::vector{upn(1)}, false, "mrs.khan");
    const auto class_4a = client->get(base + "/summary?class=4A").json();
    EXPECT_EQ(class_4a->getValue<std::string>("filter"), "2025/2026, class 4A");
    EXPECT_EQ(class_4a->getValue<int>("pupils"), 2);
    EXPECT_EQ(class_4a->getValue<int>("excluded_pupils"), 1);
    const auto before = client->get(base + "/summary?as_of=2026-02-09").json();
    EXPECT_EQ(before->getValue<std::string>("as_of"), "2026-02-09T23:59:59Z");
    EXPECT_EQ(before->getArray("subjects")->getObject(0)->getValue<int>("no_judgement"), 3);
}

TEST_F(summary_routes, mistakes_are_422_naming_the_parameter_and_unknown_ids_404) {
    EXPECT_EQ(client->get(base + "/summary?sen=Q").error_fields(), "invalid|sen|sen takes N, K, E, A, P or S, not \"Q\".");
    EXPECT_EQ(client->get(base + "/summary?class=9Z").error_fields(),
              "invalid|class|No class named \"9Z\" at Brookside Primary; its classes are: 4A, 4B.");
    EXPECT_EQ(client->get(base + "/summary?as_of=soon").error_fields(),
              "invalid|as_of|as_of takes YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, not \"soon\".");
    const auto unknown = client->get("/api/v1/schools/8012000/assessments/999/summary");
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.error_fields(), "not_found|null|There is no assessment 999 at Brookside Primary; GET /api/v1/schools/8012000/assessments "
              "lists them with their ids.");
    EXPECT_EQ(client->get("/api/v1/schools/8012000/assessments/Spring%201/summary").status, 404);
    EXPECT_EQ(client->get("/api/v1/schools/9999999/assessments/1/summary").status, 404);
}

}  // namespace
