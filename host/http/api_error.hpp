// A request the API refuses, as it reaches the client: an HTTP status and the body
// {"error": code, "field": name or null, "message": one sentence}. Handlers and the request helpers
// throw it; the router turns it into the response.
#pragma once

#include <Poco/Net/HTTPResponse.h>

#include <optional>
#include <stdexcept>
#include <string>

namespace waymark::http {

using status = Poco::Net::HTTPResponse::HTTPStatus;

class api_error : public std::runtime_error {
public:
    api_error(status code, std::string error, std::optional<std::string> field, const std::string &message);

    status http_status() const { return status_; }
    const std::string &error() const { return error_; }             // "invalid", "not_found", ...
    const std::optional<std::string> &field() const { return field_; }  // the JSON field or query parameter

private:
    status status_;
    std::string error_;
    std::optional<std::string> field_;
};

// 400 bad_request: the request cannot be read at all (malformed JSON, wrong content type).
api_error bad_request(const std::string &message);
// 422 invalid: a field or query parameter is missing, of the wrong type or out of range.
api_error invalid(const std::string &field, const std::string &message);
// 404 not_found: an id in the path (or a field) names nothing that exists.
api_error not_found(std::optional<std::string> field, const std::string &message);
// 409 conflict: the request is well formed but the thing it names cannot do it now.
api_error conflict(std::optional<std::string> field, const std::string &message);

}  // namespace waymark::http
