// Where a request's body ends (RFC 9112 section 6.3), checked before any of it is read. Behind a
// proxy that reads the length one way while this server reads it another, the bytes one of them
// takes for the next request are the other's body: a request smuggled past the proxy's checks. So
// only one Content-Length of digits, or Transfer-Encoding: chunked alone, is read, and a header
// whose name is no token (a space before its colon) is refused (API.md).
#pragma once

#include <Poco/Net/MessageHeader.h>

#include <optional>
#include <string>
#include <string_view>

namespace waymark::http {

// The refusal when Content-Length is not a number of bytes (also when Poco fails to read it).
inline constexpr std::string_view not_a_length = "The request's Content-Length is not a number of bytes; nothing was read or saved.";

// Why the request's body has no one length every reader agrees on (one sentence for a 400), or
// nullopt when it has.
std::optional<std::string> unframed_body(const Poco::Net::MessageHeader &head);

}  // namespace waymark::http
