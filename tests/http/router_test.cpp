// The router through a real server: templates, 404/405/413/415, the error body for malformed JSON,
// wrong types and unknown ids (nothing written), handler failures, queries and streamed bodies.
#include "api_client.hpp"

#include "http/access.hpp"
#include "http/api_error.hpp"
#include "http/router.hpp"

#include <Poco/String.h>
#include <gtest/gtest.h>

#include <mutex>
#include <sstream>
#include <vector>

namespace {

using namespace waymark::http;
using waymark::testing::api_client;
using waymark::testing::running_server;

constexpr std::size_t small_limit = 1024;

class router_test : public ::testing::Test {
protected:
    router_test() {
        routes.add("GET", "/api/v1/things/{id}", permission::read_school, [](const request &asked, response &reply) {
            const std::string &id = asked.path_parameter("id");
            if (id != "known") throw not_found(std::nullopt, "There is no thing '" + id + "'.");
            Poco::JSON::Object body;
            body.set("id", id);
            body.set("who", asked.who().id);
            reply.json(body);
        });
        routes.add("GET", "/api/v1/things/search", permission::read_school, [](const request &asked, response &reply) {
            Poco::JSON::Object body;
            body.set("name", asked.query("name").value_or("(none)"));
            body.set("year", asked.query_integer("year", -1, 11).value_or(99));
            reply.json(body);
        });
        routes.add("POST", "/api/v1/things", permission::write_judgements, [this](const request &asked, response &reply) {
            const json_object given = asked.json_body();
            const std::string name = given.required_string("name");
            const int64_t count = given.required_integer("count", 1, 10);
            {
                const std::lock_guard lock(written_lock);
                written.push_back(name + " x" + std::to_string(count));
            }
            Poco::JSON::Object body;
            body.set("name", name);
            reply.json(body, status::HTTP_CREATED);
        });
        routes.add("GET", "/api/v1/explode", permission::read_school,
                   [](const request &, response &) -> void { throw std::runtime_error("the disk caught fire"); });
        routes.add("GET", "/api/v1/export", permission::read_school, [](const request &, response &reply) {
            std::ostream &out = reply.stream("text/csv; charset=utf-8", "pupils.csv");
            for (int row = 0; row < 1000; ++row) out << "pupil" << row << ",Year 4\r\n";
        });
    }

    std::vector<std::string> saved() {
        const std::lock_guard lock(written_lock);
        return written;
    }

    local_user_policy policy{principal{"tester", "Tester"}, true};
    std::ostringstream failures;
    router routes{policy, failures, small_limit};
    std::mutex written_lock;
    std::vector<std::string> written;
    running_server server{routes};
    api_client client{server.port()};
};

TEST_F(router_test, path_parameters_reach_the_handler_decoded) {
    const auto known = client.get("/api/v1/things/known");
    EXPECT_EQ(known.status, 200);
    EXPECT_EQ(known.json()->getValue<std::string>("who"), "tester");
    const auto unknown = client.get("/api/v1/things/caf%C3%A9");
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.error_fields(), "not_found|null|There is no thing 'café'.");
    EXPECT_EQ(unknown.header("Content-Type"), "application/json; charset=utf-8");
}

TEST_F(router_test, a_literal_segment_wins_over_a_parameter) {
    const auto reply = client.get("/api/v1/things/search?name=a%26b&year=4");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.json()->getValue<std::string>("name"), "a&b");
    EXPECT_EQ(reply.json()->getValue<int>("year"), 4);
}

TEST_F(router_test, a_query_parameter_of_the_wrong_type_is_named) {
    const auto reply = client.get("/api/v1/things/search?year=four");
    EXPECT_EQ(reply.status, 422);
    EXPECT_EQ(reply.error_fields(), "invalid|year|The query parameter year must be a whole number from -1 to 11, not 'four'.");
}

// Poco decodes the path while it parses the address but the query only when asked, which once
// happened outside the router's 400 and so answered a client's typo with a 500.
TEST_F(router_test, a_query_with_a_broken_percent_encoding_is_400_like_a_broken_path) {
    for (const char *address : {"/api/v1/things/search?name=%zz", "/api/v1/things/search?name=50%", "/api/v1/things/caf%zz"}) {
        const auto reply = client.get(address);
        EXPECT_EQ(reply.status, 400) << address;
        EXPECT_EQ(reply.error_fields(), "bad_request|null|The request's address is not a valid URI; percent-encode special characters.")
            << address;
    }
    EXPECT_EQ(failures.str(), "");
}

TEST_F(router_test, an_unknown_path_is_404_with_the_error_body) {
    const auto reply = client.get("/api/v1/nothing/here");
    EXPECT_EQ(reply.status, 404);
    EXPECT_EQ(reply.error_fields(), "not_found|null|There is nothing at /api/v1/nothing/here; API.md lists the routes.");
}

TEST_F(router_test, a_wrong_method_is_405_naming_the_allowed_ones) {
    const auto reply = client.send("DELETE", "/api/v1/things");
    EXPECT_EQ(reply.status, 405);
    EXPECT_EQ(reply.header("Allow"), "POST");
    EXPECT_EQ(reply.error_fields(), "method_not_allowed|null|/api/v1/things does not take DELETE; it takes POST.");
}

TEST_F(router_test, malformed_json_is_400_naming_line_and_column_and_nothing_is_written) {
    const auto reply = client.post("/api/v1/things", "{\"name\": \"Ann\",\n \"count\": 3,,}");
    EXPECT_EQ(reply.status, 400);
    EXPECT_EQ(reply.json()->getValue<std::string>("error"), "bad_request");
    EXPECT_NE(reply.json()->getValue<std::string>("message").find("at line 2, column 13"), std::string::npos) << reply.body;
    EXPECT_TRUE(saved().empty());
}

TEST_F(router_test, wrong_types_and_missing_fields_are_422_naming_the_field_and_nothing_is_written) {
    auto reply = client.post("/api/v1/things", R"({"name": "Ann", "count": "3"})");
    EXPECT_EQ(reply.status, 422);
    EXPECT_EQ(reply.error_fields(), "invalid|count|count must be a whole number, not a string.");
    reply = client.post("/api/v1/things", R"({"name": "Ann", "count": 2.5})");
    EXPECT_EQ(reply.error_fields(), "invalid|count|count must be a whole number, not a number with a fraction.");
    reply = client.post("/api/v1/things", R"({"name": "Ann", "count": 11})");
    EXPECT_EQ(reply.error_fields(), "invalid|count|count must be from 1 to 10, not 11.");
    reply = client.post("/api/v1/things", R"({"count": 1})");
    EXPECT_EQ(reply.error_fields(), "invalid|name|name is required.");
    reply = client.post("/api/v1/things", R"([1, 2])");
    EXPECT_EQ(reply.error_fields(), "invalid|null|The request body must be a JSON object, not an array.");
    EXPECT_TRUE(saved().empty());
    EXPECT_EQ(client.post("/api/v1/things", R"({"name": "Ann", "count": 3})").status, 201);
    EXPECT_EQ(saved(), std::vector<std::string>{"Ann x3"});
}

TEST_F(router_test, a_body_not_sent_as_json_is_415) {
    const auto reply = client.send("POST", "/api/v1/things", "name=Ann&count=3", "application/x-www-form-urlencoded");
    EXPECT_EQ(reply.status, 415);
    EXPECT_EQ(reply.error_fields(), "unsupported_media_type|null|Send the body as JSON with the header Content-Type: "
                                    "application/json, not application/x-www-form-urlencoded.");
    EXPECT_TRUE(saved().empty());
}

TEST_F(router_test, an_oversized_body_is_413_before_the_handler_and_the_connection_closes) {
    const std::string big = R"({"name": ")" + std::string(small_limit, 'x') + R"(", "count": 1})";
    const auto reply = client.post("/api/v1/things", big);
    EXPECT_EQ(reply.status, 413);
    EXPECT_EQ(reply.error_fields(), "too_large|null|The request body is larger than the server accepts (1024 bytes); "
                                    "nothing was read or saved.");
    EXPECT_EQ(Poco::toLower(reply.header("Connection")), "close");
    EXPECT_TRUE(saved().empty());
}

TEST_F(router_test, an_oversized_chunked_body_is_413_too) {
    const std::string big = R"({"name": ")" + std::string(small_limit, 'x') + R"(", "count": 1})";
    const auto reply = client.send("POST", "/api/v1/things", big, "application/json", true);
    EXPECT_EQ(reply.status, 413);
    EXPECT_TRUE(saved().empty());
}

TEST_F(router_test, a_body_within_the_limit_sent_in_chunks_is_read) {
    const auto reply = client.send("POST", "/api/v1/things", R"({"name": "Bo", "count": 2})", "application/json", true);
    EXPECT_EQ(reply.status, 201) << reply.body;
    EXPECT_EQ(saved(), std::vector<std::string>{"Bo x2"});
}

TEST_F(router_test, a_refused_request_with_a_body_leaves_the_connection_usable) {
    EXPECT_EQ(client.send("POST", "/api/v1/nowhere", R"({"name": "Ann"})").status, 404);
    EXPECT_EQ(client.send("PUT", "/api/v1/things", R"({"name": "Ann"})").status, 405);
    const auto after = client.get("/api/v1/things/known");
    EXPECT_EQ(after.status, 200) << after.body;
}

TEST_F(router_test, a_handler_failure_is_500_with_the_error_body_and_logged) {
    const auto reply = client.get("/api/v1/explode");
    EXPECT_EQ(reply.status, 500);
    EXPECT_EQ(reply.error_fields(),
              "internal|null|The server failed while answering GET /api/v1/explode: the disk caught fire");
    EXPECT_EQ(failures.str(), "waymark serve: GET /api/v1/explode failed: the disk caught fire\n");
    EXPECT_EQ(client.get("/api/v1/things/known").status, 200);
}

TEST_F(router_test, a_streamed_body_arrives_whole_with_its_content_type) {
    const auto reply = client.get("/api/v1/export");
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.header("Content-Type"), "text/csv; charset=utf-8");
    EXPECT_EQ(reply.header("Transfer-Encoding"), "chunked");
    EXPECT_EQ(reply.header("Content-Disposition"), "attachment; filename=\"pupils.csv\"");
    EXPECT_EQ(reply.body.substr(0, 17), "pupil0,Year 4\r\npu");
    EXPECT_EQ(reply.body.size(), 10u * 15u + 90u * 16u + 900u * 17u);
    EXPECT_EQ(client.get("/api/v1/things/known").status, 200);
}

}  // namespace
