// One API request as a handler sees it: the principal it acts for, the path's {parameters}, the
// query parameters and the body (already read, within the size limit), with typed access that turns
// a client's mistake into the API's error body.
#pragma once

#include "http/access.hpp"
#include "http/json_body.hpp"
#include "http/request_address.hpp"

#include <Poco/Net/HTTPServerRequest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace waymark::http {

class request {
public:
    request(Poco::Net::HTTPServerRequest &raw, principal who, parameters path_parameters, parameters query,
            std::string body);

    const std::string &method() const { return raw_.getMethod(); }
    const principal &who() const { return who_; }

    // The value of {name} in the route's path template (percent-decoded).
    const std::string &path_parameter(std::string_view name) const;

    // Query parameters (percent-decoded); the last one wins when a name repeats.
    std::optional<std::string> query(std::string_view name) const;
    std::string required_query(std::string_view name) const;
    // 422 naming the parameter when it is not a whole number within [lowest, highest].
    std::optional<int64_t> query_integer(std::string_view name, int64_t lowest, int64_t highest) const;
    int64_t required_query_integer(std::string_view name, int64_t lowest, int64_t highest) const;

    const std::string &body() const { return body_; }
    // The body as one JSON object: 415 unless sent as application/json, 400 when it is not JSON
    // (line and column named), 422 when it is JSON but not an object.
    json_object json_body() const;

    const Poco::Net::HTTPServerRequest &raw() const { return raw_; }

    // What the change did, in a line for the audit log ("added teacher4 (teacher)"); never a secret.
    void note(std::string summary) const { note_ = std::move(summary); }
    const std::string &noted() const { return note_; }

private:
    Poco::Net::HTTPServerRequest &raw_;
    principal who_;
    parameters path_parameters_;
    parameters query_;
    std::string body_;
    mutable std::string note_;  // written by the handler, which sees the request as const
};

}  // namespace waymark::http
