#include "http/body_framing.hpp"

#include "domain/whole_number.hpp"

#include <Poco/Net/HTTPMessage.h>
#include <Poco/String.h>

#include <algorithm>
#include <string_view>
#include <vector>

namespace waymark::http {

namespace {

// A field name is a token (RFC 9110 section 5.6.2): letters, digits and !#$%&'*+-.^_`|~.
bool is_token(std::string_view name) {
    constexpr std::string_view marks = "!#$%&'*+-.^_`|~";
    return !name.empty() && std::ranges::all_of(name, [&](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || marks.find(c) != std::string_view::npos;
    });
}

}  // namespace

std::optional<std::string> unframed_body(const Poco::Net::MessageHeader &head) {
    const std::string unread = "; nothing was read or saved.";
    std::vector<std::string> lengths;
    std::vector<std::string> codings;
    for (const auto &[name, value] : head) {
        // Poco keeps "Content-Length :" as a header named "Content-Length " that sets no length,
        // while a proxy may read it as the length (RFC 9112 section 5.1 says refuse it).
        if (!is_token(name))
            return "The request has a header named '" + name + "', which is no header name (a space before the colon?), so "
                   "readers may disagree on where its body ends" + unread;
        if (Poco::icompare(name, Poco::Net::HTTPMessage::CONTENT_LENGTH) == 0) lengths.push_back(value);
        if (Poco::icompare(name, Poco::Net::HTTPMessage::TRANSFER_ENCODING) == 0) codings.push_back(value);
    }
    if (!lengths.empty() && !codings.empty())
        return "The request has both Content-Length and Transfer-Encoding, so its body has no one length" + unread;
    if (lengths.size() > 1) return "The request has " + std::to_string(lengths.size()) + " Content-Length headers where one is allowed" + unread;
    // Content-Length is digits only (1*DIGIT): the sign parse_whole_number allows is refused here.
    if (lengths.size() == 1 && (lengths[0].starts_with('-') || !domain::parse_whole_number(lengths[0], 0)))
        return std::string(not_a_length);
    if (codings.size() > 1 || (codings.size() == 1 && Poco::icompare(codings[0], Poco::Net::HTTPMessage::CHUNKED_TRANSFER_ENCODING) != 0))
        return "The only Transfer-Encoding the server reads is chunked, given once" + unread;
    return std::nullopt;
}

}  // namespace waymark::http
