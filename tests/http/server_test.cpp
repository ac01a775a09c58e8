// The server: an ephemeral port read back, keep-alive connections reused, many clients at once, a
// clear sentence when the port is taken, and a stop that waits for nothing idle.
#include "api_client.hpp"

#include "http/access.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>
#include <vector>

namespace {

using namespace waymark::http;
using waymark::testing::api_client;
using waymark::testing::ephemeral_port;
using waymark::testing::running_server;

class server_test : public waymark::testing::local_routes_test {
protected:
    server_test() {
        // Answers with the client's port: the same port on two requests means the same connection.
        routes.add("GET", "/api/v1/echo", permission::read_school, [](const request &asked, response &reply) {
            Poco::JSON::Object body;
            body.set("client_port", asked.raw().clientAddress().port());
            body.set("n", asked.query("n").value_or(""));
            reply.json(body);
        });
    }
};

TEST_F(server_test, port_zero_binds_a_free_port_and_reports_it) {
    running_server server(routes);
    EXPECT_NE(server.port(), 0);
    EXPECT_EQ(server.get().url(), "http://127.0.0.1:" + std::to_string(server.port()));
    EXPECT_EQ(api_client(server.port()).get("/api/v1/echo").status, 200);
}

TEST_F(server_test, a_keep_alive_connection_carries_many_requests) {
    running_server server(routes);
    api_client client(server.port());
    const auto first = client.get("/api/v1/echo");
    ASSERT_EQ(first.status, 200);
    EXPECT_EQ(first.header("Connection"), "Keep-Alive");
    const int port = first.json()->getValue<int>("client_port");
    for (int i = 0; i < 20; ++i) {
        const auto again = client.get("/api/v1/echo?n=" + std::to_string(i));
        ASSERT_EQ(again.status, 200);
        EXPECT_EQ(again.json()->getValue<int>("client_port"), port);
        EXPECT_EQ(again.json()->getValue<std::string>("n"), std::to_string(i));
    }
}

TEST_F(server_test, concurrent_clients_each_get_their_own_answers) {
    running_server server(routes);
    constexpr int clients = 24;
    constexpr int requests = 40;
    std::vector<int> correct(clients, 0);
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            api_client client(server.port());
            for (int r = 0; r < requests; ++r) {
                const std::string n = std::to_string(c) + "-" + std::to_string(r);
                const auto reply = client.get("/api/v1/echo?n=" + n);
                if (reply.status == 200 && reply.json()->getValue<std::string>("n") == n) ++correct[static_cast<std::size_t>(c)];
            }
        });
    }
    for (auto &thread : threads) thread.join();
    EXPECT_EQ(correct, std::vector<int>(clients, requests));
}

TEST_F(server_test, a_port_in_use_is_one_sentence) {
    running_server first(routes);
    server_options same = ephemeral_port();
    same.port = first.port();
    try {
        server second(routes, same);
        FAIL() << "a second server bound the same port";
    } catch (const std::runtime_error &e) {
        EXPECT_EQ(std::string(e.what()).rfind("Cannot listen on 127.0.0.1 port " + std::to_string(first.port()) + ": ", 0), 0u)
            << e.what();
        EXPECT_NE(std::string(e.what()).find("choose another port with --port"), std::string::npos) << e.what();
    }
}

TEST_F(server_test, stop_returns_while_a_client_keeps_an_idle_connection_open) {
    server_options options = ephemeral_port();
    options.keep_alive_seconds = 60;
    server serving(routes, options);
    serving.start();
    api_client client(serving.port());
    ASSERT_EQ(client.get("/api/v1/echo").status, 200);
    serving.stop();  // would wait out the 60 s keep-alive if idle connections were not closed
    serving.stop();
    SUCCEED();
}

}  // namespace
