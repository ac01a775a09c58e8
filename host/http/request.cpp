#include "http/request.hpp"

#include "http/api_error.hpp"

#include "domain/whole_number.hpp"

#include <Poco/Net/MediaType.h>

#include <algorithm>
#include <stdexcept>

namespace waymark::http {

namespace {

const std::string *find(const parameters &list, std::string_view name) {
    const auto it = std::find_if(list.rbegin(), list.rend(), [&](const auto &p) { return p.first == name; });
    return it == list.rend() ? nullptr : &it->second;
}

}  // namespace

request::request(Poco::Net::HTTPServerRequest &raw, principal who, parameters path_parameters, parameters query,
                 std::string body)
    : raw_(raw), who_(std::move(who)), path_parameters_(std::move(path_parameters)), query_(std::move(query)),
      body_(std::move(body)) {}

const std::string &request::path_parameter(std::string_view name) const {
    const std::string *value = find(path_parameters_, name);
    // A handler asking for a parameter its own route does not have is a programming mistake.
    if (value == nullptr) throw std::logic_error("the route has no path parameter {" + std::string(name) + "}");
    return *value;
}

std::optional<std::string> request::query(std::string_view name) const {
    const std::string *value = find(query_, name);
    return value == nullptr ? std::nullopt : std::optional<std::string>(*value);
}

std::string request::required_query(std::string_view name) const {
    auto value = query(name);
    if (!value || value->empty()) {
        throw invalid(std::string(name), "The query parameter " + std::string(name) + " is required.");
    }
    return std::move(*value);
}

std::optional<int64_t> request::query_integer(std::string_view name, int64_t lowest, int64_t highest) const {
    const auto text = query(name);
    if (!text) return std::nullopt;
    const auto number = domain::parse_whole_number(*text, lowest, highest);
    if (!number) {
        throw invalid(std::string(name), "The query parameter " + std::string(name) + " must be a whole number from " +
                                             std::to_string(lowest) + " to " + std::to_string(highest) + ", not '" +
                                             *text + "'.");
    }
    return number;
}

int64_t request::required_query_integer(std::string_view name, int64_t lowest, int64_t highest) const {
    required_query(name);
    return *query_integer(name, lowest, highest);
}

json_object request::json_body() const {
    const std::string &type = raw_.getContentType();
    bool is_json = false;
    try {
        is_json = !type.empty() && Poco::Net::MediaType(type).matches("application", "json");
    } catch (const Poco::Exception &) {
        is_json = false;
    }
    if (!is_json) {
        // Also what keeps a web page from posting a form to the local server: a browser sends
        // application/json cross-origin only after a CORS preflight, which this server never grants.
        throw api_error(status::HTTP_UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", std::nullopt,
                        "Send the body as JSON with the header Content-Type: application/json" +
                            (type.empty() ? std::string(".") : ", not " + type + "."));
    }
    return parse_json_object(body_);
}

}  // namespace waymark::http
