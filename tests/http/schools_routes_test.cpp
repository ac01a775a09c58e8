// GET /api/v1/schools and /schools/{school}: the schools of the database by LA and establishment
// number, and the 404 every school-level route gives for one that is not there; POST /schools adds
// one that no MIS brings.
#include "served_api.hpp"

#include "store/schools.hpp"

namespace {

using waymark::testing::served_api;
using waymark::testing::served_api_with_database;

class schools_routes : public served_api_with_database {
protected:
    schools_routes() {
        const auto database = pool->acquire();
        database->transaction("adding two schools", [](soci::session &session) {
            waymark::store::find_or_create_school(session, {0, "801", "2000", "100001", "Hillside Primary", "PR1 2AB", {2025}});
            waymark::store::find_or_create_school(session, {0, "801", "3001", "", "Brookfield Infants", "PR2 3CD", {2025}});
        });
    }
};

TEST_F(schools_routes, lists_every_school_by_its_laestab) {
    const auto reply = client->get("/api/v1/schools");
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.body,
              "[{\"school\":\"8012000\",\"name\":\"Hillside Primary\",\"urn\":\"100001\",\"postcode\":\"PR1 2AB\","
              "\"current_year\":\"2025/2026\"},"
              "{\"school\":\"8013001\",\"name\":\"Brookfield Infants\",\"urn\":\"\",\"postcode\":\"PR2 3CD\","
              "\"current_year\":\"2025/2026\"}]");
}

TEST_F(schools_routes, one_school_by_its_laestab) {
    const auto reply = client->get("/api/v1/schools/8013001");
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.json()->getValue<std::string>("name"), "Brookfield Infants");
}

TEST_F(schools_routes, a_school_not_in_the_database_is_404_saying_where_the_list_is) {
    const auto reply = client->get("/api/v1/schools/9999999");
    EXPECT_EQ(reply.status, 404);
    EXPECT_EQ(reply.error_fields(), "not_found|null|There is no school 9999999 in this database; GET /api/v1/schools "
                                  "lists them by LA and establishment number (e.g. 8012000).");
}

TEST_F(schools_routes, an_administrator_adds_a_school_no_mis_brings) {
    const auto reply = client->post("/api/v1/schools", R"({"laestab":"8014002","name":"Ribble Vale Primary","postcode":"pr3 1aa"})");
    ASSERT_EQ(reply.status, 201) << reply.body;
    EXPECT_EQ(reply.json()->getValue<std::string>("school"), "8014002");
    EXPECT_EQ(reply.json()->getValue<std::string>("postcode"), "PR3 1AA");
    EXPECT_EQ(client->get("/api/v1/schools/8014002").status, 200);
}

TEST_F(schools_routes, a_wrong_detail_is_422_naming_the_field_and_a_known_number_409_and_nothing_is_added) {
    EXPECT_EQ(client->post("/api/v1/schools", R"({"laestab":"80140","name":"Ribble Vale"})").error_fields(),
              "invalid|laestab|A school's number is its LA number and establishment number together, seven digits "
              "such as 8012000, not '80140'.");
    EXPECT_EQ(client->post("/api/v1/schools", R"({"laestab":"8014002","name":"Ribble Vale","urn":"1"})").error_fields(),
              "invalid|urn|A URN is six digits, such as 119234, not '1'; leave it out if unknown.");
    EXPECT_EQ(client->post("/api/v1/schools", R"({"laestab":"8012000","name":"Another"})").error_fields(),
              "conflict|laestab|The database already holds school 8012000 (Hillside Primary); nothing was added.");
    EXPECT_EQ(client->post("/api/v1/schools", R"({"name":"Ribble Vale"})").status, 422);
    EXPECT_EQ(client->get("/api/v1/schools/8014002").status, 404);
}

TEST_F(served_api, schools_without_a_database_is_503) {
    EXPECT_EQ(client->get("/api/v1/schools").status, 503);
}

}  // namespace
