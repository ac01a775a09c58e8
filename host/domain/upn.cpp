#include "domain/upn.hpp"

#include <stdexcept>

namespace waymark::domain {

namespace {

constexpr std::size_t upn_length = 13;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::optional<int> alphabet_value(char c) {
    const auto position = upn_alphabet.find(c);
    if (position == std::string_view::npos) return std::nullopt;
    return static_cast<int>(position);
}

// Why the characters after the check letter do not have the permanent or temporary form.
std::optional<std::string> body_problem(std::string_view body) {
    for (std::size_t i = 0; i + 1 < body.size(); ++i) {
        if (!is_digit(body[i]))
            return "character " + std::to_string(i + 2) + " ('" + std::string(1, body[i]) +
                   "') should be a digit: a UPN is a letter followed by 12 digits (or 11 digits and a "
                   "letter for a temporary UPN).";
    }
    const char last = body.back();
    if (!is_digit(last) && !alphabet_value(last))
        return "character 13 ('" + std::string(1, last) +
               "') should be a digit, or a capital letter other than I, O and S for a temporary UPN.";
    return std::nullopt;
}

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

}  // namespace

char upn_check_letter(std::string_view characters_2_to_13) {
    if (characters_2_to_13.size() != upn_length - 1 || body_problem(characters_2_to_13))
        throw std::invalid_argument("upn_check_letter needs 11 digits followed by a digit or a UPN letter");
    int sum = 0;
    int weight = 2;
    for (const char c : characters_2_to_13) {
        const int value = is_digit(c) ? c - '0' : *alphabet_value(c);
        sum += value * weight++;
    }
    return upn_alphabet[static_cast<std::size_t>(sum % 23)];
}

std::optional<std::string> upn_problem(std::string_view upn) {
    if (upn.empty()) return "The UPN is missing: every pupil needs one.";
    if (upn.size() != upn_length)
        return "The UPN " + quoted(upn) + " has " + std::to_string(upn.size()) +
               " characters; a UPN has exactly 13.";
    if (!alphabet_value(upn.front()))
        return "The UPN " + quoted(upn) + " should start with a capital letter other than I, O and S.";
    if (auto problem = body_problem(upn.substr(1))) return "In the UPN " + quoted(upn) + ", " + *problem;
    const char expected = upn_check_letter(upn.substr(1));
    if (upn.front() != expected)
        return "The UPN " + quoted(upn) + " fails its check letter: with these digits it should start with " +
               std::string(1, expected) + " (check it was copied correctly).";
    return std::nullopt;
}

bool is_temporary_upn(std::string_view upn) {
    return !upn_problem(upn) && !is_digit(upn.back());
}

}  // namespace waymark::domain
