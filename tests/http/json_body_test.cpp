// Reading a request body: where malformed JSON goes wrong, and typed fields that name themselves
// (nested ones by their full path) when missing or of the wrong type.
#include "http/api_error.hpp"
#include "http/json_body.hpp"

#include <gtest/gtest.h>

namespace {

using namespace waymark::http;

// "status error|field|message" of what `read` throws.
template <class Read>
std::string refusal(Read &&read) {
    try {
        read();
    } catch (const api_error &e) {
        return std::to_string(static_cast<int>(e.http_status())) + " " + e.error() + "|" + e.field().value_or("null") + "|" +
               e.what();
    }
    return "accepted";
}

TEST(json_body, malformed_json_names_line_and_column) {
    EXPECT_EQ(refusal([] { parse_json_object("{\n  \"a\": 1,\n  \"b\": tru\n}"); }),
              "400 bad_request|null|The request body is not valid JSON at line 3, column 11: syntax error while parsing "
              "value - invalid literal; last read: '\"b\": tru<U+000A>'.");
    EXPECT_EQ(refusal([] { parse_json_object("{\"é\": \"x\" \"y\"}"); }),
              "400 bad_request|null|The request body is not valid JSON at line 1, column 13: syntax error while parsing "
              "object - unexpected string literal; expected '}'.");
    EXPECT_EQ(refusal([] { parse_json_object("  \n "); }), "400 bad_request|null|The request body is empty; send a JSON object.");
}

// Found by fuzz_json_body: Poco threw SyntaxException, not JSONException, for this, and it escaped.
TEST(json_body, a_number_too_long_for_poco_is_malformed_json_too) {
    const std::string answer = refusal([] { parse_json_object("11111111111111111111111111111111111{\"a\": 1}"); });
    EXPECT_EQ(answer.rfind("400 bad_request|null|The request body is not valid JSON at line 1", 0), 0U) << answer;
    // Found by fuzz_json_body too: a number past a double's range made the second reading throw.
    EXPECT_EQ(refusal([] { parse_json_object("99999991e19991e19t"); }),
              "400 bad_request|null|The request body is not valid JSON at line 1, column 1: the number 99999991e19991 is too "
              "large to read.");
}

TEST(json_body, a_body_that_is_not_an_object_is_invalid) {
    EXPECT_EQ(refusal([] { parse_json_object("\"text\""); }),
              "422 invalid|null|The request body must be a JSON object, not a string.");
    EXPECT_EQ(refusal([] { parse_json_object(" 42 "); }),
              "422 invalid|null|The request body must be a JSON object, not a whole number.");
    EXPECT_EQ(refusal([] { parse_json_object("[{}]"); }),
              "422 invalid|null|The request body must be a JSON object, not an array.");
}

TEST(json_body, typed_fields_are_read) {
    const json_object body = parse_json_object(
        R"({"name": "Zoë", "year": -1, "score": 2.5, "active": false, "note": null,
            "pupil": {"upn": "A123"}, "marks": [{"grade": "OT"}, {"grade": "D"}]})");
    EXPECT_EQ(body.required_string("name"), "Zoë");
    EXPECT_EQ(body.required_integer("year", -1, 11), -1);
    EXPECT_EQ(body.required_number("score"), 2.5);
    EXPECT_EQ(body.required_number("year"), -1.0);
    EXPECT_FALSE(body.required_bool("active"));
    EXPECT_FALSE(body.has("note"));
    EXPECT_EQ(body.optional_string("note"), std::nullopt);
    EXPECT_EQ(body.optional_integer("absent", 0, 1), std::nullopt);
    EXPECT_EQ(body.required_object("pupil").required_string("upn"), "A123");
    const auto marks = body.required_object_array("marks");
    ASSERT_EQ(marks.size(), 2u);
    EXPECT_EQ(marks[1].required_string("grade"), "D");
}

TEST(json_body, wrong_types_name_the_field_and_what_was_sent) {
    const json_object body = parse_json_object(
        R"({"year": "4", "flag": 1, "big": 18446744073709551615, "nested": {"marks": [{"grade": 3}, 7]}})");
    EXPECT_EQ(refusal([&] { body.required_integer("year", 1, 6); }), "422 invalid|year|year must be a whole number, not a string.");
    EXPECT_EQ(refusal([&] { body.required_bool("flag"); }), "422 invalid|flag|flag must be true or false, not a whole number.");
    EXPECT_EQ(refusal([&] { body.required_string("flag"); }), "422 invalid|flag|flag must be a string, not a whole number.");
    EXPECT_EQ(refusal([&] { body.required_integer("big", 0, 100); }),
              "422 invalid|big|big must be from 0 to 100, not 18446744073709551615.");
    EXPECT_EQ(refusal([&] { body.required_object("year"); }), "422 invalid|year|year must be an object, not a string.");
    EXPECT_EQ(refusal([&] { body.required_string("missing"); }), "422 invalid|missing|missing is required.");
    const json_object nested = body.required_object("nested");
    EXPECT_EQ(refusal([&] { nested.required_object_array("marks"); }),
              "422 invalid|nested.marks[1]|nested.marks[1] must be an object, not a whole number.");
    const json_object first = parse_json_object(R"({"marks": [{"grade": 3}]})").required_object_array("marks")[0];
    EXPECT_EQ(refusal([&] { first.required_string("grade"); }),
              "422 invalid|marks[0].grade|marks[0].grade must be a string, not a whole number.");
}

TEST(json_body, arrays_of_strings_and_whole_numbers_name_the_element_at_fault) {
    const json_object body = parse_json_object(R"({"upns": ["A1", "B2"], "years": [3, 4], "mixed": ["A1", 2], "word": "4"})");
    EXPECT_EQ(body.required_string_array("upns"), (std::vector<std::string>{"A1", "B2"}));
    EXPECT_EQ(body.required_integer_array("years", 0, 11), (std::vector<int64_t>{3, 4}));
    EXPECT_EQ(refusal([&] { body.required_string_array("mixed"); }), "422 invalid|mixed[1]|mixed[1] must be a string, not a whole number.");
    EXPECT_EQ(refusal([&] { body.required_integer_array("years", 0, 3); }), "422 invalid|years[1]|years[1] must be from 0 to 3, not 4.");
    EXPECT_EQ(refusal([&] { body.required_integer_array("mixed", 0, 3); }),
              "422 invalid|mixed[0]|mixed[0] must be a whole number, not a string.");
    EXPECT_EQ(refusal([&] { body.required_string_array("word"); }), "422 invalid|word|word must be an array of strings, not a string.");
    EXPECT_EQ(refusal([&] { body.required_integer_array("absent", 0, 3); }), "422 invalid|absent|absent is required.");
}

}  // namespace
