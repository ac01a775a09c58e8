#include "http/request_address.hpp"

#include "http/api_error.hpp"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <algorithm>

namespace waymark::http {

std::vector<std::string> split_path(const std::string &path) {
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        if (end > start) segments.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return segments;
}

request_address read_request_address(const std::string &uri) {
    request_address address;
    try {
        // Poco decodes the path as it parses the URI, but the query only when asked for it.
        const Poco::URI parsed(uri);
        address.path = parsed.getPath();
        address.query = parsed.getQueryParameters();
    } catch (const Poco::SyntaxException &) {
        throw bad_request("The request's address is not a valid URI; percent-encode special characters.");
    }
    address.segments = split_path(address.path);
    return address;
}

}  // namespace waymark::http
