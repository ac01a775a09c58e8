// GET /api/v1/schools and /schools/{school}: the schools of the database by LA and establishment
// number, and the 404 every school-level route gives for one that is not there; POST /schools adds
// one that no MIS brings: an administrator or an authority user (who is granted it), nobody else.
// On SQLite and on PostgreSQL.
#include "case_database.hpp"
#include "signed_in_api.hpp"

#include "services/access/audit_log.hpp"
#include "store/schools.hpp"

namespace waymark::testing {
namespace {

using domain::user_role;

// The API as the local user (every permission) over a database holding two schools.
class schools_routes : public ::testing::WithParamInterface<backend>, protected case_database, public served_api_with_database {
protected:
    schools_routes() : case_database(GetParam()), served_api_with_database(schema ? schema_pool() : embedded_database()) {}

    void SetUp() override {
        if (skipped_without_postgres(GetParam())) return;
        const auto database = pool->acquire();
        database->transaction("adding two schools", [](soci::session &session) {
            store::find_or_create_school(session, {0, "801", "2000", "100001", "Hillside Primary", "PR1 2AB", {2025}});
            store::find_or_create_school(session, {0, "801", "3001", "", "Brookfield Infants", "PR2 3CD", {2025}});
        });
    }
};

TEST_P(schools_routes, lists_every_school_by_its_laestab) {
    const auto reply = client->get("/api/v1/schools");
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.body,
              "[{\"school\":\"8012000\",\"name\":\"Hillside Primary\",\"urn\":\"100001\",\"postcode\":\"PR1 2AB\","
              "\"current_year\":\"2025/2026\"},"
              "{\"school\":\"8013001\",\"name\":\"Brookfield Infants\",\"urn\":\"\",\"postcode\":\"PR2 3CD\","
              "\"current_year\":\"2025/2026\"}]");
}

TEST_P(schools_routes, one_school_by_its_laestab) {
    const auto reply = client->get("/api/v1/schools/8013001");
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.json()->getValue<std::string>("name"), "Brookfield Infants");
}

TEST_P(schools_routes, a_school_not_in_the_database_is_404_saying_where_the_list_is) {
    const auto reply = client->get("/api/v1/schools/9999999");
    EXPECT_EQ(reply.status, 404);
    EXPECT_EQ(reply.error_fields(), "not_found|null|There is no school 9999999 in this database; GET /api/v1/schools "
                                  "lists them by LA and establishment number (e.g. 8012000).");
}

TEST_P(schools_routes, an_administrator_adds_a_school_no_mis_brings) {
    const auto reply = client->post("/api/v1/schools", R"({"laestab":"8014002","name":"Ribble Vale Primary","postcode":"pr3 1aa"})");
    ASSERT_EQ(reply.status, 201) << reply.body;
    EXPECT_EQ(reply.json()->getValue<std::string>("school"), "8014002");
    EXPECT_EQ(reply.json()->getValue<std::string>("postcode"), "PR3 1AA");
    EXPECT_EQ(client->get("/api/v1/schools/8014002").status, 200);
}

TEST_P(schools_routes, a_wrong_detail_is_422_naming_the_field_and_a_known_number_409_and_nothing_is_added) {
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

// Signed in, as `waymark serve` runs it, over Brookside (8012000) and Hillside (8013000).
class adding_schools : public ::testing::WithParamInterface<backend>, protected case_database, public signed_in_api {
protected:
    adding_schools() : case_database(GetParam()), signed_in_api(schema_pool()) {}
    void SetUp() override { skipped_without_postgres(GetParam()); }

    static constexpr const char *ribble_vale = R"({"laestab":"8014002","name":"Ribble Vale Primary"})";

    // The audit log's entries for POST /api/v1/schools, the latest first, as "user status summary".
    std::vector<std::string> audited_adds() {
        const auto database = pool->acquire();
        std::vector<std::string> adds;
        for (const auto &entry : services::read_audit(database->session(), {}))
            if (entry.method == "POST" && entry.path == "/api/v1/schools")
                adds.push_back(entry.user + " " + std::to_string(entry.status) + " " + entry.summary);
        return adds;
    }
};

TEST_P(adding_schools, an_authority_user_adds_a_school_opens_it_at_once_and_the_audit_log_says_so) {
    browser adviser = signed_in(add_user("adviser", user_role::authority, {}, {"8012000"}));
    const auto added = adviser.send("POST", "/api/v1/schools", ribble_vale);
    ASSERT_EQ(added.status, 201) << added.body;
    EXPECT_EQ(adviser.send("GET", "/api/v1/schools/8014002").status, 200);  // granted with it
    EXPECT_EQ(adviser.send("GET", "/api/v1/schools/8014002/pupils").status, 200);
    EXPECT_EQ(adviser.send("GET", "/api/v1/schools/8013000/pupils").status, 404);  // not granted
    const auto listed = adviser.send("GET", "/api/v1/schools");
    EXPECT_NE(listed.body.find("Ribble Vale Primary"), std::string::npos) << listed.body;
    EXPECT_EQ(audited_adds(), std::vector<std::string>{"adviser 201 added school 8014002 Ribble Vale Primary"});
}

TEST_P(adding_schools, an_administrator_adds_one_and_every_other_role_is_refused_in_one_sentence) {
    browser head = signed_in(add_user("head", user_role::administrator));
    EXPECT_EQ(head.send("POST", "/api/v1/schools", ribble_vale).status, 201);
    for (const user_role role : {user_role::leader, user_role::teacher, user_role::read_only}) {
        const std::string name(domain::role_name(role));
        browser other = signed_in(add_user(name + "1", role, role == user_role::teacher ? std::vector<std::string>{"4A"}
                                                                                         : std::vector<std::string>{}));
        const auto refused = other.send("POST", "/api/v1/schools", R"({"laestab":"8015003","name":"Fell Side"})");
        EXPECT_EQ(refused.status, 403) << name;
        EXPECT_EQ(refused.error_fields(), "forbidden|null|" + name + "1 may not POST /api/v1/schools: it needs the "
                                          "add_schools permission.");
    }
    EXPECT_FALSE(store::find_school(pool->acquire()->session(), "801", "5003"));  // none of them added it
    const auto adds = audited_adds();
    ASSERT_EQ(adds.size(), 4U);
    EXPECT_EQ(adds.back(), "head 201 added school 8014002 Ribble Vale Primary");  // the latest first
    for (std::size_t i = 0; i + 1 < adds.size(); ++i) EXPECT_NE(adds[i].find(" 403 "), std::string::npos) << adds[i];
}

TEST_F(served_api, schools_without_a_database_is_503) {
    EXPECT_EQ(client->get("/api/v1/schools").status, 503);
}

WAYMARK_ON_EVERY_DATABASE(schools_routes);
WAYMARK_ON_EVERY_DATABASE(adding_schools);

}  // namespace
}  // namespace waymark::testing
