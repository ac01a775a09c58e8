// The HTTP request head as `waymark serve` reads it (host/http/server.cpp): Poco's HTTPRequest::read
// on the bytes, Poco's own read of the body's length (as HTTPServerRequestImpl makes it), Waymark's
// framing check (host/http/body_framing.hpp), the cookies and the address. Invariants:
//   - reading a head fails only with what the server catches there: NoMessageException (nothing
//     sent; the connection closes) or a MessageException (answered with a 400); Poco failing to read the length is a SyntaxException the server answers too, and then
//     Waymark's check refuses the head as well (the two readings never disagree);
//   - an accepted head has exactly one well-formed length: none (an empty body), one Content-Length
//     of digits that Poco reads as the same number, or one Transfer-Encoding: chunked and no
//     Content-Length;
//   - in an accepted head, every line that names Content-Length or Transfer-Encoding, as a reader
//     that trims the name and ignores its case reads it, reaches Waymark's check with that name and
//     its value exactly as written (so a proxy in front reads the same framing);
//   - the address is read by the router's reader (host/http/request_address.hpp) into whole path
//     segments, or refused with a 400 (never an exception the router answers with a 500);
//   - every refusal is a sentence.
#include "fuzz_check.hpp"
#include "http/api_error.hpp"
#include "http/body_framing.hpp"
#include "http/request_address.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/NetException.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using waymark::fuzz::require;

bool names(std::string_view name, std::string_view wanted) {
    return std::ranges::equal(name, wanted, [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
}

bool is_framing(std::string_view name) {
    return names(name, Poco::Net::HTTPMessage::CONTENT_LENGTH) || names(name, Poco::Net::HTTPMessage::TRANSFER_ENCODING);
}

// Poco trims every blank isspace() knows around a value (vertical tab and form feed too), where
// RFC 9110 trims only spaces and tabs; Waymark sees only the result, so values are compared so.
std::string_view trimmed(std::string_view text) {
    constexpr std::string_view blanks = " \t\v\f\r\n";
    const auto first = text.find_first_not_of(blanks);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

// Where the request line ends as Poco reads it: method, URI and version are separated by any run
// of blanks, line ends included, and the line runs on to the next line feed after the version.
std::size_t request_line_end(std::string_view bytes) {
    const auto space = [&](std::size_t i) { return i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i])); };
    std::size_t at = 0;
    for (int part = 0; part < 3; ++part) {
        while (space(at)) ++at;
        while (at < bytes.size() && !space(at)) ++at;
    }
    return bytes.find('\n', at);
}

struct written_field {
    std::string name;  // as written, before the colon
    std::string value;  // continuation lines appended, surrounding blanks trimmed
};

// The header lines of the head as written: after the request line, up to the first empty line;
// a line starting with a blank continues the one before it (obs-fold).
std::vector<written_field> written_fields(std::string_view bytes) {
    std::vector<written_field> fields;
    bool folds = false;  // whether a blank-led line continues the field before it
    std::size_t at = request_line_end(bytes);
    while (at != std::string_view::npos && at + 1 < bytes.size()) {
        const std::size_t start = at + 1;
        const std::size_t end = bytes.find('\n', start);
        std::string_view line = bytes.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        at = end;
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (line.empty() || bytes[start] == '\r') break;
        if ((line.front() == ' ' || line.front() == '\t') && folds) {
            fields.back().value = std::string(trimmed(fields.back().value + std::string(line)));
            continue;
        }
        const auto colon = line.find(':');
        // Known, not yet answered (README "Fuzzing"): Poco drops a line without a colon unseen, so
        // nothing after Poco can refuse it, and a blank-led line after it starts a field of its own.
        folds = colon != std::string_view::npos;
        if (!folds) continue;
        fields.push_back({std::string(line.substr(0, colon)), std::string(trimmed(line.substr(colon + 1)))});
    }
    return fields;
}

bool all_digits(std::string_view text) {
    return !text.empty() && std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const std::string bytes(reinterpret_cast<const char *>(data), size);
    std::istringstream stream(bytes);
    Poco::Net::HTTPRequest head;
    try {
        head.read(stream);
    } catch (const Poco::Net::NoMessageException &) {
        return 0;  // no request at all: the server closes the connection
    } catch (const Poco::Net::MessageException &) {
        return 0;  // answered 400
    }

    // HTTPServerRequestImpl's read of the length, before any handler runs.
    bool poco_read_the_length = true;
    try {
        if (!head.getChunkedTransferEncoding() && head.hasContentLength()) (void)head.getContentLength64();
    } catch (const Poco::SyntaxException &) {
        poco_read_the_length = false;
    }
    const auto refused = waymark::http::unframed_body(head);
    if (!poco_read_the_length) require(refused.has_value(), "a length Poco cannot read is refused by Waymark's check too");
    if (refused) {
        require(waymark::fuzz::is_sentence(*refused), "a framing refusal is a sentence");
        return 0;
    }

    std::vector<std::string> lengths, codings;
    for (const auto &[name, value] : head) {
        if (names(name, Poco::Net::HTTPMessage::CONTENT_LENGTH)) lengths.push_back(value);
        if (names(name, Poco::Net::HTTPMessage::TRANSFER_ENCODING)) codings.push_back(value);
    }
    if (head.getChunkedTransferEncoding()) {
        require(lengths.empty() && codings.size() == 1 && names(codings[0], "chunked"),
                "a chunked body has one Transfer-Encoding and no Content-Length");
    } else {
        require(codings.empty(), "a body that is not chunked has no Transfer-Encoding");
        require(lengths.size() <= 1, "an accepted head has at most one Content-Length");
        if (lengths.empty()) {
            require(!head.hasContentLength(), "a head without Content-Length has an empty body");
        } else {
            require(all_digits(lengths[0]), "an accepted Content-Length is digits only");
            require(std::to_string(head.getContentLength64()) == lengths[0].substr(std::min(lengths[0].find_first_not_of('0'), lengths[0].size() - 1)),
                    "Poco reads the accepted Content-Length as the number written");
        }
    }

    for (const auto &field : written_fields(bytes)) {
        const std::string_view name = trimmed(field.name);
        if (!is_framing(name)) continue;
        // Known, not yet answered (README "Fuzzing"): Poco decodes RFC 2047 encoded words in every
        // value, so "=?utf-8?q?5?=" reaches the check as 5; the comparison allows for that.
        const std::string value = Poco::Net::MessageHeader::decodeWord(field.value);
        const bool reached = std::ranges::any_of(head, [&](const auto &header) {
            return names(header.first, name) && header.second == value;
        });
        require(reached, "every framing header line reaches Waymark's check as written");
    }

    // The session cookie, as the session policy reads it: the first waymark_session cookie.
    Poco::Net::NameValueCollection cookies;
    head.getCookies(cookies);
    (void)cookies.get("waymark_session", "");

    // The address, as the router reads it: a 400 (a sentence) or segments that are whole segments.
    try {
        const auto address = waymark::http::read_request_address(head.getURI());
        for (const auto &segment : address.segments)
            require(!segment.empty() && segment.find('/') == std::string::npos, "a path segment is one non-empty segment");
    } catch (const waymark::http::api_error &refused) {
        require(refused.http_status() == Poco::Net::HTTPResponse::HTTP_BAD_REQUEST && waymark::fuzz::is_sentence(refused.what()),
                "an address the router cannot read is a 400 with a sentence");
    }
    return 0;
}
