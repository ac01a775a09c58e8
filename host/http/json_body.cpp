#include "http/json_body.hpp"

#include "http/api_error.hpp"

#include "plugin_host/plugin_error.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <variant>

namespace waymark::http {

namespace {

using Poco::Dynamic::Var;

// Poco's parser says neither where the text goes wrong nor always what (a body cut short inside
// a literal reads as a stray byte); nlohmann/json (already used by the report document model)
// says both. It reads the text again on the error path only. Its place is the token's last byte.
struct syntax_problem {
    std::size_t offset = 0;
    std::string explanation;
};

// What nlohmann/json makes of text Poco refused: where it goes wrong, or, when it is valid JSON
// after all (Poco reads only objects and arrays at the top), what kind of value it is.
std::variant<syntax_problem, std::string> second_opinion(std::string_view text) {
    nlohmann::json parsed;
    try {
        parsed = nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error &e) {
        // "[json.exception.parse_error.101] parse error at line 2, column 10: syntax error while ..."
        std::string explanation = e.what();
        const auto column = explanation.find("column ");
        const auto colon = explanation.find(": ", column == std::string::npos ? 0 : column);
        if (colon != std::string::npos) explanation.erase(0, colon + 2);
        return syntax_problem{e.byte == 0 ? 0 : e.byte - 1, plugins::sanitized_utf8(explanation)};
    } catch (const nlohmann::json::out_of_range &e) {
        // "[json.exception.out_of_range.406] number overflow parsing '1e99999'": placed at that number.
        const std::string message = e.what();
        const auto quote = message.find('\'');
        const std::string number =
            quote == std::string::npos ? std::string() : message.substr(quote + 1, message.size() - quote - 2);
        const auto at = number.empty() ? std::string_view::npos : text.find(number);
        return syntax_problem{at == std::string_view::npos ? 0 : at,
                              "the number " + plugins::sanitized_utf8(number) + " is too large to read"};
    }
    switch (parsed.type()) {
        case nlohmann::json::value_t::string: return "a string";
        case nlohmann::json::value_t::boolean: return "true or false";
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned: return "a whole number";
        case nlohmann::json::value_t::number_float: return "a number with a fraction";
        case nlohmann::json::value_t::null: return "null";
        default: return "a value Poco cannot read";
    }
}

struct place {
    std::size_t line = 1;
    std::size_t column = 1;  // in characters, not bytes
};

place place_of(std::string_view text, std::size_t offset) {
    place at;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            ++at.line;
            at.column = 1;
        } else if ((byte & 0xC0) != 0x80) {
            ++at.column;
        }
    }
    return at;
}

api_error not_an_object(const std::string &kind) {
    return {status::HTTP_UNPROCESSABLE_ENTITY, "invalid", std::nullopt,
            "The request body must be a JSON object, not " + kind + "."};
}

api_error malformed(std::string_view text) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return bad_request("The request body is empty; send a JSON object.");
    }
    const auto opinion = second_opinion(text);
    if (const auto *kind = std::get_if<std::string>(&opinion)) return not_an_object(*kind);
    const auto &problem = std::get<syntax_problem>(opinion);
    const place at = place_of(text, problem.offset);
    return bad_request("The request body is not valid JSON at line " + std::to_string(at.line) + ", column " +
                       std::to_string(at.column) + ": " + problem.explanation + ".");
}

bool is_whole_number(const Var &value) {
    if (value.isBoolean() || value.isString()) return false;
    return value.isInteger();
}

// `value`, named `path` in messages, as a whole number within [lowest, highest].
int64_t whole_number_in(const Var &value, const std::string &path, int64_t lowest, int64_t highest) {
    if (!is_whole_number(value)) throw invalid(path, path + " must be a whole number, not " + json_type_name(value) + ".");
    const auto out_of_range = [&] {
        return invalid(path, path + " must be from " + std::to_string(lowest) + " to " + std::to_string(highest) +
                                 ", not " + value.toString() + ".");
    };
    int64_t number = 0;
    try {
        number = value.convert<int64_t>();
    } catch (const Poco::RangeException &) {
        throw out_of_range();
    }
    if (number < lowest || number > highest) throw out_of_range();
    return number;
}

}  // namespace

std::string json_type_name(const Var &value) {
    if (value.isEmpty()) return "null";
    if (value.isBoolean()) return "true or false";
    if (value.isString()) return "a string";
    if (value.isInteger()) return "a whole number";
    if (value.isNumeric()) return "a number with a fraction";
    if (value.type() == typeid(Poco::JSON::Array::Ptr) || value.type() == typeid(Poco::JSON::Array)) return "an array";
    if (value.type() == typeid(Poco::JSON::Object::Ptr) || value.type() == typeid(Poco::JSON::Object)) return "an object";
    return "a value of another type";
}

json_object::json_object(Poco::JSON::Object::Ptr object, std::string path)
    : object_(std::move(object)), path_(std::move(path)) {}

std::string json_object::field_path(std::string_view name) const {
    return path_.empty() ? std::string(name) : path_ + "." + std::string(name);
}

bool json_object::has(std::string_view name) const {
    const std::string key(name);
    return object_->has(key) && !object_->isNull(key);
}

Var json_object::required(std::string_view name) const {
    if (!has(name)) throw invalid(field_path(name), field_path(name) + " is required.");
    return object_->get(std::string(name));
}

void json_object::wrong_type(std::string_view name, std::string_view wanted, const Var &given) const {
    throw invalid(field_path(name), field_path(name) + " must be " + std::string(wanted) + ", not " +
                                        json_type_name(given) + ".");
}

std::string json_object::required_string(std::string_view name) const {
    const Var value = required(name);
    if (!value.isString()) wrong_type(name, "a string", value);
    return value.extract<std::string>();
}

std::optional<std::string> json_object::optional_string(std::string_view name) const {
    if (!has(name)) return std::nullopt;
    return required_string(name);
}

int64_t json_object::required_integer(std::string_view name, int64_t lowest, int64_t highest) const {
    return whole_number_in(required(name), field_path(name), lowest, highest);
}

std::optional<int64_t> json_object::optional_integer(std::string_view name, int64_t lowest, int64_t highest) const {
    if (!has(name)) return std::nullopt;
    return required_integer(name, lowest, highest);
}

double json_object::required_number(std::string_view name) const {
    const Var value = required(name);
    if (!value.isNumeric() || value.isBoolean() || value.isString()) wrong_type(name, "a number", value);
    const double number = value.convert<double>();
    if (!std::isfinite(number)) wrong_type(name, "a finite number", value);
    return number;
}

bool json_object::required_bool(std::string_view name) const {
    const Var value = required(name);
    if (!value.isBoolean()) wrong_type(name, "true or false", value);
    return value.extract<bool>();
}

json_object json_object::required_object(std::string_view name) const {
    const Var value = required(name);
    const auto nested = object_->getObject(std::string(name));
    if (nested.isNull()) wrong_type(name, "an object", value);
    return json_object(nested, field_path(name));
}

std::vector<json_object> json_object::required_object_array(std::string_view name) const {
    const Var value = required(name);
    const auto list = object_->getArray(std::string(name));
    if (list.isNull()) wrong_type(name, "an array of objects", value);
    std::vector<json_object> elements;
    elements.reserve(list->size());
    for (unsigned i = 0; i < list->size(); ++i) {
        const std::string element_path = field_path(name) + "[" + std::to_string(i) + "]";
        const auto element = list->getObject(i);
        if (element.isNull()) {
            throw invalid(element_path, element_path + " must be an object, not " + json_type_name(list->get(i)) + ".");
        }
        elements.emplace_back(element, element_path);
    }
    return elements;
}

std::vector<std::pair<std::string, Var>> json_object::array_elements(std::string_view name, std::string_view wanted) const {
    const Var value = required(name);
    const auto list = object_->getArray(std::string(name));
    if (list.isNull()) wrong_type(name, wanted, value);
    std::vector<std::pair<std::string, Var>> elements;
    elements.reserve(list->size());
    for (unsigned i = 0; i < list->size(); ++i) elements.emplace_back(field_path(name) + "[" + std::to_string(i) + "]", list->get(i));
    return elements;
}

std::vector<std::string> json_object::required_string_array(std::string_view name) const {
    std::vector<std::string> strings;
    for (const auto &[path, element] : array_elements(name, "an array of strings")) {
        if (!element.isString()) throw invalid(path, path + " must be a string, not " + json_type_name(element) + ".");
        strings.push_back(element.extract<std::string>());
    }
    return strings;
}

std::vector<int64_t> json_object::required_integer_array(std::string_view name, int64_t lowest, int64_t highest) const {
    std::vector<int64_t> numbers;
    for (const auto &[path, element] : array_elements(name, "an array of whole numbers"))
        numbers.push_back(whole_number_in(element, path, lowest, highest));
    return numbers;
}

json_object parse_json_object(std::string_view text) {
    Var parsed;
    try {
        parsed = Poco::JSON::Parser().parse(std::string(text));
    } catch (const Poco::JSON::JSONException &) {
        throw malformed(text);
    } catch (const Poco::SyntaxException &) {  // a number too long for Poco's converter
        throw malformed(text);
    }
    if (parsed.type() != typeid(Poco::JSON::Object::Ptr)) {
        throw not_an_object(json_type_name(parsed));
    }
    return json_object(parsed.extract<Poco::JSON::Object::Ptr>());
}

}  // namespace waymark::http
