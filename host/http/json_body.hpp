// A request's JSON body with typed field access: every read names the field it is about, so a
// missing field or one of the wrong type becomes 422 {error:"invalid", field, message}, and text
// that is not JSON becomes 400 naming the line and column where it stops making sense.
#pragma once

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace waymark::http {

class json_object {
public:
    // `path` is where this object sits in the body ("" for the body itself, "pupils[2]" for a
    // nested one); field names in errors are given in full ("pupils[2].upn").
    explicit json_object(Poco::JSON::Object::Ptr object, std::string path = "");

    bool has(std::string_view name) const;  // present and not null

    std::string required_string(std::string_view name) const;
    std::optional<std::string> optional_string(std::string_view name) const;
    // A whole number within [lowest, highest]; 4.0 and "4" are refused (the client meant a number).
    int64_t required_integer(std::string_view name, int64_t lowest, int64_t highest) const;
    std::optional<int64_t> optional_integer(std::string_view name, int64_t lowest, int64_t highest) const;
    double required_number(std::string_view name) const;
    bool required_bool(std::string_view name) const;
    json_object required_object(std::string_view name) const;
    // Each element must be an object; element i reports its fields as "<name>[i].<field>".
    std::vector<json_object> required_object_array(std::string_view name) const;
    // Each element must be a string (a whole number within [lowest, highest]); element i is named
    // "<name>[i]" when it is not.
    std::vector<std::string> required_string_array(std::string_view name) const;
    std::vector<int64_t> required_integer_array(std::string_view name, int64_t lowest, int64_t highest) const;

    const Poco::JSON::Object &raw() const { return *object_; }
    const std::string &path() const { return path_; }

private:
    std::string field_path(std::string_view name) const;
    // The value of a present, non-null field; 422 "is required" otherwise.
    Poco::Dynamic::Var required(std::string_view name) const;
    [[noreturn]] void wrong_type(std::string_view name, std::string_view wanted, const Poco::Dynamic::Var &given) const;
    // The elements of a present array field, each with its path ("upns[2]").
    std::vector<std::pair<std::string, Poco::Dynamic::Var>> array_elements(std::string_view name, std::string_view wanted) const;

    Poco::JSON::Object::Ptr object_;
    std::string path_;
};

// Parses a request body that must be one JSON object. Throws api_error: 400 bad_request naming the
// line and column for text that is not JSON, 422 invalid (field null) for JSON that is not an object.
json_object parse_json_object(std::string_view text);

// "a string", "a whole number", "null", ... for messages about what a client sent.
std::string json_type_name(const Poco::Dynamic::Var &value);

}  // namespace waymark::http
