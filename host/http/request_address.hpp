// A request's address as the router reads it: the path (percent-decoded), its segments and the
// query parameters (percent-decoded). Kept apart from the router so the fuzz target
// (tests/fuzz/request_head_fuzz.cpp) reads addresses exactly as the server does.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace waymark::http {

using parameters = std::vector<std::pair<std::string, std::string>>;

struct request_address {
    std::string path;                   // decoded, as the client wrote it otherwise
    std::vector<std::string> segments;  // the path split at '/'; empty segments left out
    parameters query;                   // in order; a repeated name appears twice
};

// Path segments, percent-decoded; empty segments (a doubled or trailing slash) are ignored.
std::vector<std::string> split_path(const std::string &path);

// The address of a request line; a 400 api_error when it is not a URI or its path or query has a
// broken percent-encoding.
request_address read_request_address(const std::string &uri);

}  // namespace waymark::http
