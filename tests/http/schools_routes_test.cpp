// GET /api/v1/schools and /schools/{school}: the schools of the database by LA and establishment
// number, and the 404 every school-level route gives for one that is not there.
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

TEST_F(served_api, schools_without_a_database_is_503) {
    EXPECT_EQ(client->get("/api/v1/schools").status, 503);
}

}  // namespace
