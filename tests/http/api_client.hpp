// Drives an in-process server over real HTTP: a server on an ephemeral loopback port and a client
// that keeps its connection open between requests, as a browser or script would.
#pragma once

#include "http/access.hpp"
#include "http/router.hpp"
#include "http/server.hpp"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>

namespace waymark::testing {

struct api_reply {
    int status = 0;
    std::string body;
    std::map<std::string, std::string> headers;

    Poco::JSON::Object::Ptr json() const {
        return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
    }
    std::string header(const std::string &name) const {
        const auto it = headers.find(name);
        return it == headers.end() ? "" : it->second;
    }
    // The error body's three fields, "error|field|message" with field "null" when null.
    std::string error_fields() const {
        const auto body_json = json();
        const std::string field = body_json->isNull("field") ? "null" : body_json->getValue<std::string>("field");
        return body_json->getValue<std::string>("error") + "|" + field + "|" + body_json->getValue<std::string>("message");
    }
};

inline http::server_options ephemeral_port() {
    http::server_options options;
    options.port = 0;
    options.worker_threads = 16;
    return options;
}

// A started server; stopped when the object goes.
class running_server {
public:
    explicit running_server(const http::router &routes, const http::server_options &options = ephemeral_port(),
                            const http::static_files *pages = nullptr)
        : server_(routes, options, pages) {
        server_.start();
    }
    uint16_t port() const { return server_.port(); }
    http::server &get() { return server_; }

private:
    http::server server_;
};

class api_client {
public:
    explicit api_client(uint16_t port) : session_("127.0.0.1", port) { session_.setKeepAlive(true); }

    api_reply send(const std::string &method, const std::string &uri, const std::string &body = "",
                   const std::string &content_type = "application/json", bool chunked = false) {
        Poco::Net::HTTPRequest request(method, uri, Poco::Net::HTTPMessage::HTTP_1_1);
        request.setKeepAlive(true);
        for (const auto &[name, value] : always_sent) request.set(name, value);
        if (!body.empty() || method == "POST" || method == "PUT") {
            if (!content_type.empty()) request.setContentType(content_type);
            if (chunked) {
                request.setChunkedTransferEncoding(true);
            } else {
                request.setContentLength64(static_cast<Poco::Int64>(body.size()));
            }
            session_.sendRequest(request) << body;
        } else {
            session_.sendRequest(request);
        }
        Poco::Net::HTTPResponse response;
        std::istream &in = session_.receiveResponse(response);
        api_reply reply;
        reply.status = static_cast<int>(response.getStatus());
        std::ostringstream text;
        Poco::StreamCopier::copyStream(in, text);
        reply.body = text.str();
        for (const auto &[name, value] : response) reply.headers[name] = value;
        return reply;
    }
    api_reply get(const std::string &uri) { return send("GET", uri); }
    api_reply post(const std::string &uri, const std::string &body) { return send("POST", uri, body); }

    Poco::Net::HTTPClientSession &session() { return session_; }

    // Headers sent with every request from now on (a session cookie, a CSRF token), as a browser does.
    std::map<std::string, std::string> always_sent;

private:
    Poco::Net::HTTPClientSession session_;
};

// Routes of a test's own handlers under the local user's policy (every permission, loopback names).
class local_routes_test : public ::testing::Test {
protected:
    http::local_user_policy policy{http::principal{"tester", "Tester"}, true};
    std::ostringstream failures;
    http::router routes{policy, failures};
};

}  // namespace waymark::testing
