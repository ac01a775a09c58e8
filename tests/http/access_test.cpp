// The access hook: a policy that refuses gives 403 (or 401 for nobody) with the error body and the
// handler never runs; the local single-user policy grants everything, to loopback Host names only.
#include "api_client.hpp"

#include "http/access.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <sstream>

namespace {

using namespace waymark::http;
using waymark::testing::api_client;
using waymark::testing::running_server;

// Identifies everyone as a reader who holds read_school only; a request with X-Nobody is nobody.
class readers_only final : public access_policy {
public:
    std::optional<principal> identify(const Poco::Net::HTTPServerRequest &request) const override {
        if (request.has("X-Nobody")) return std::nullopt;
        return principal{"reader", "Rita Reader"};
    }
    bool permits(const principal &, permission needed) const override { return needed == permission::read_school; }
};

class access_test : public ::testing::Test {
protected:
    void add_counted(router &routes, const std::string &method, const std::string &path, permission needed) {
        routes.add(method, path, needed, [this](const request &, response &reply) {
            ++reached;
            reply.json(Poco::JSON::Object());
        });
    }

    // The status of GET `path` sent with `host` in its Host header (or none, with X-Nobody set).
    static int status_with_host(api_client &client, const std::string &path, const std::string &host) {
        Poco::Net::HTTPRequest request("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
        if (host.empty()) {
            request.set("X-Nobody", "1");
        } else {
            request.setHost(host);
        }
        client.session().sendRequest(request);
        Poco::Net::HTTPResponse response;
        client.session().receiveResponse(response).ignore(1 << 20);
        return static_cast<int>(response.getStatus());
    }

    std::atomic<int> reached{0};
    std::ostringstream failures;

    // The counted GET /api/v1/judgements under `policy`, served, and a client of it.
    struct counted_judgements {
        counted_judgements(access_test &test, const access_policy &policy) : routes(policy, test.failures) {
            test.add_counted(routes, "GET", "/api/v1/judgements", permission::read_school);
        }
        router routes;
    };
    struct judgements_server : counted_judgements {
        using counted_judgements::counted_judgements;
        running_server server{routes};
        api_client client{server.port()};
    };
};

TEST_F(access_test, a_denying_policy_gives_403_and_never_reaches_the_handler) {
    readers_only policy;
    router routes(policy, failures);
    add_counted(routes, "POST", "/api/v1/judgements", permission::write_judgements);
    add_counted(routes, "GET", "/api/v1/judgements", permission::read_school);
    running_server server(routes);
    api_client client(server.port());

    const auto refused = client.post("/api/v1/judgements", R"({"grade": "OT"})");
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(refused.header("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(refused.error_fields(),
              "forbidden|null|Rita Reader may not POST /api/v1/judgements: it needs the write_judgements permission.");
    EXPECT_EQ(reached.load(), 0);
    EXPECT_EQ(client.get("/api/v1/judgements").status, 200);
    EXPECT_EQ(reached.load(), 1);
}

TEST_F(access_test, nobody_identified_gives_401_and_never_reaches_the_handler) {
    readers_only policy;
    judgements_server served(*this, policy);
    api_client &client = served.client;
    EXPECT_EQ(status_with_host(client, "/api/v1/judgements", ""), 401);
    EXPECT_EQ(reached.load(), 0);
}

TEST_F(access_test, the_local_user_holds_every_permission) {
    const local_user_policy policy({"ann", "Ann"}, true);
    for (const permission needed : {permission::read_school, permission::write_judgements, permission::administer}) {
        EXPECT_TRUE(policy.permits({"ann", "Ann"}, needed)) << permission_name(needed);
    }
}

// A page on another site whose name was made to resolve to 127.0.0.1 reaches the server through the
// visitor's browser with its own name in Host; on loopback only loopback names are served.
TEST_F(access_test, on_loopback_the_local_user_policy_serves_loopback_host_names_only) {
    const local_user_policy policy({"ann", "Ann"}, true);
    judgements_server served(*this, policy);
    api_client &client = served.client;
    const std::string port = ":" + std::to_string(served.server.port());
    const std::string path = "/api/v1/judgements";
    EXPECT_EQ(status_with_host(client, path, "127.0.0.1" + port), 200);
    EXPECT_EQ(status_with_host(client, path, "localhost" + port), 200);
    EXPECT_EQ(status_with_host(client, path, "[::1]" + port), 200);
    EXPECT_EQ(status_with_host(client, path, "attacker.example" + port), 401);
    EXPECT_EQ(reached.load(), 3);
}

TEST_F(access_test, bound_elsewhere_the_local_user_policy_serves_any_host_name) {
    const local_user_policy policy({"ann", "Ann"}, false);
    judgements_server served(*this, policy);
    api_client &client = served.client;
    EXPECT_EQ(status_with_host(client, "/api/v1/judgements", "school-server.example"), 200);
}

}  // namespace
