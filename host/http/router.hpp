// Method + path template -> handler, with the permission each route needs. The router owns the
// request path: it answers unknown paths (404), wrong methods (405 with Allow), oversized bodies
// (413, before any handler runs), requests the access policy refuses (401/403), and turns what a
// handler throws into the error body. Routes are added at start-up; handle() is thread-safe after.
#pragma once

#include "http/access.hpp"
#include "http/request.hpp"
#include "http/request_address.hpp"
#include "http/response.hpp"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::http {

using handler = std::function<void(const request &, response &)>;

inline constexpr std::size_t default_body_limit = 1024 * 1024;

inline constexpr const char *api_base_path = "/api/v1";
inline constexpr const char *api_session_path = "/api/v1/session";
// The header a signed-in page sends its session's CSRF token in on every change.
inline constexpr const char *csrf_header = "X-CSRF-Token";

// The 404 sentence for a {school} that does not exist or that the user may not open: the same
// words, so an answer never tells which.
std::string no_such_school(const std::string &laestab);

class router {
public:
    // `failures` receives one line per request that failed inside the server (500), for the log.
    router(const access_policy &policy, std::ostream &failures, std::size_t body_limit = default_body_limit);

    // `path_template` is "/api/v1/schemes/{id}/grades": literal segments and {name} parameters, each
    // a whole segment. Where two templates match a path, the one whose first literal comes earlier
    // wins (/pupils/search before /pupils/{id}).
    void add(std::string method, std::string_view path_template, permission needed, handler run);

    // Answers one request. Never throws.
    void handle(Poco::Net::HTTPServerRequest &raw, Poco::Net::HTTPServerResponse &reply) const;

    std::size_t body_limit() const { return body_limit_; }

    // Every route added, most specific first: what a test walks to check each one's permission.
    struct route_summary {
        std::string method;
        std::string path_template;
        permission needed;
    };
    std::vector<route_summary> route_list() const;

private:
    struct segment {
        std::string text;
        bool parameter = false;
    };
    struct route {
        std::string method;
        std::string path_template;
        std::vector<segment> segments;
        permission needed;
        handler run;
    };

    void dispatch(Poco::Net::HTTPServerRequest &raw, response &reply) const;
    // From CSRF to the handler, for a principal who has signed in; returns the handler's note.
    std::string authorised(const route &chosen, Poco::Net::HTTPServerRequest &raw, response &reply,
                           const request_address &address, const principal &who) const;
    std::string run(const route &chosen, Poco::Net::HTTPServerRequest &raw, response &reply,
                    const request_address &address, const principal &who) const;
    static bool matches(const route &candidate, const std::vector<std::string> &path, parameters *found);

    const access_policy &policy_;
    std::ostream &failures_;
    std::size_t body_limit_;
    std::vector<route> routes_;
};

}  // namespace waymark::http
