#include "http/response.hpp"

#include <sstream>

namespace waymark::http {

Poco::JSON::Object error_body(const api_error &problem) {
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("error", problem.error());
    if (problem.field()) {
        body.set("field", *problem.field());
    } else {
        body.set("field", Poco::Dynamic::Var());
    }
    body.set("message", std::string(problem.what()));
    return body;
}

void response::send_text(const std::string &text, status code) {
    raw_.setStatusAndReason(code);
    raw_.setContentType(json_content_type);
    raw_.setContentLength64(static_cast<Poco::Int64>(text.size()));
    raw_.sendBuffer(text.data(), text.size());
}

void response::json(const Poco::JSON::Object &body, status code) {
    std::ostringstream text;
    body.stringify(text);
    send_text(text.str(), code);
}

void response::json(const Poco::JSON::Array &body, status code) {
    std::ostringstream text;
    body.stringify(text);
    send_text(text.str(), code);
}

void response::error(const api_error &problem) { json(error_body(problem), problem.http_status()); }

std::ostream &response::stream(const std::string &content_type, const std::string &attachment_name, status code) {
    raw_.setStatusAndReason(code);
    raw_.setContentType(content_type);
    if (!attachment_name.empty()) raw_.set("Content-Disposition", "attachment; filename=\"" + attachment_name + "\"");
    raw_.setChunkedTransferEncoding(true);
    return raw_.send();
}

}  // namespace waymark::http
