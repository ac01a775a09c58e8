// The reply to one API request: a JSON document (sent with its length, so the connection stays open
// for the next request), the error body, or a streamed body of any content type (chunked), e.g. a
// report's PDF bytes.
#pragma once

#include "http/api_error.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <ostream>
#include <string>

namespace waymark::http {

inline constexpr const char *json_content_type = "application/json; charset=utf-8";

// {"error": ..., "field": ... or null, "message": ...}
Poco::JSON::Object error_body(const api_error &problem);

class response {
public:
    explicit response(Poco::Net::HTTPServerResponse &raw) : raw_(raw) {}

    void json(const Poco::JSON::Object &body, status code = status::HTTP_OK);
    void json(const Poco::JSON::Array &body, status code = status::HTTP_OK);
    void error(const api_error &problem);
    // Starts a body of `content_type` sent as it is written; `attachment_name`, when given, is the
    // file name a browser saves it under. Write everything before the handler returns.
    std::ostream &stream(const std::string &content_type, const std::string &attachment_name = "",
                         status code = status::HTTP_OK);
    void header(const std::string &name, const std::string &value) { raw_.set(name, value); }

    bool sent() const { return raw_.sent(); }
    Poco::Net::HTTPServerResponse &raw() { return raw_; }

private:
    void send_text(const std::string &text, status code);

    Poco::Net::HTTPServerResponse &raw_;
};

}  // namespace waymark::http
