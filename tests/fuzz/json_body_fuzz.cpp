// The API's JSON request bodies (host/http/json_body.hpp) on arbitrary bytes. Invariants:
//   - the only failure is an api_error: 400 for text that is not JSON (naming a line and column the
//     body has, unless the body is empty), 422 for JSON that is not an object; each a sentence;
//   - an accepted body, written out by Poco and parsed again, writes out the same;
//   - every typed read of every field (and of the fields of nested objects and arrays) returns, or
//     is a 422 whose field is that field's path (or one of its elements') and whose message is a sentence.
#include "fuzz_check.hpp"
#include "http/api_error.hpp"
#include "http/json_body.hpp"

#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <string_view>

namespace {

using waymark::fuzz::require;
using waymark::http::api_error;
using waymark::http::json_object;

std::string written(const json_object &object) {
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(object.raw(), out);
    return out.str();
}

void require_names_field(const api_error &refused, const std::string &path) {
    require(refused.http_status() == Poco::Net::HTTPResponse::HTTP_UNPROCESSABLE_ENTITY && refused.error() == "invalid",
            "a typed read refuses with 422 invalid");
    require(refused.field() && refused.field()->starts_with(path), "a typed read's refusal names the field");
    const std::string_view rest = std::string_view(*refused.field()).substr(path.size());
    require(rest.empty() || rest.starts_with("["), "a refusal names the field or one of its elements");
    require(waymark::fuzz::is_sentence(refused.what()), "a typed read's refusal is a sentence");
}

template <typename Read>
void try_read(const std::string &path, Read read) {
    try {
        read();
    } catch (const api_error &refused) {
        require_names_field(refused, path);
    }
}

// Every typed read the routes make, on every field; objects are walked to a bounded depth (the
// routes read two levels at most) so the walk itself cannot exhaust the stack.
void read_every_way(const json_object &object, int depth) {
    constexpr int64_t lowest = std::numeric_limits<int64_t>::min(), highest = std::numeric_limits<int64_t>::max();
    for (const auto &name : object.raw().getNames()) {
        const std::string path = object.path().empty() ? name : object.path() + "." + name;
        try_read(path, [&] { (void)object.required_string(name); });
        try_read(path, [&] { (void)object.optional_string(name); });
        try_read(path, [&] { (void)object.required_integer(name, lowest, highest); });
        try_read(path, [&] { (void)object.optional_integer(name, 0, 100); });
        try_read(path, [&] { (void)object.required_number(name); });
        try_read(path, [&] { (void)object.required_bool(name); });
        try_read(path, [&] { (void)object.required_string_array(name); });
        try_read(path, [&] { (void)object.required_integer_array(name, -5, 5); });
        if (depth == 0) continue;
        try_read(path, [&] { read_every_way(object.required_object(name), depth - 1); });
        try_read(path, [&] {
            for (const auto &element : object.required_object_array(name)) read_every_way(element, depth - 1);
        });
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    try {
        const json_object body = waymark::http::parse_json_object(text);
        require(body.path().empty(), "the body is the root");
        const std::string once = written(body);
        require(written(waymark::http::parse_json_object(once)) == once, "an accepted body, written and parsed again, writes the same");
        read_every_way(body, 3);
    } catch (const api_error &refused) {
        const std::string_view message = refused.what();
        require(waymark::fuzz::is_sentence(message), "a refused body gets a sentence");
        if (refused.http_status() == Poco::Net::HTTPResponse::HTTP_BAD_REQUEST) {
            if (message.find("is empty") != std::string_view::npos) return 0;
            const auto at = message.find("at line ");
            require(at != std::string_view::npos && message.find(", column ", at) != std::string_view::npos,
                    "a body that is not JSON is refused naming a line and column");
            const auto line = std::stoul(std::string(message.substr(at + 8)));
            require(line >= 1 && line <= static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1,
                    "the line named is one the body has");
        } else {
            require(refused.http_status() == Poco::Net::HTTPResponse::HTTP_UNPROCESSABLE_ENTITY && !refused.field(),
                    "JSON that is not an object is 422 naming no field");
        }
    }
    return 0;
}
