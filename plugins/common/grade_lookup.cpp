#include "grade_lookup.hpp"

#include <waymark/plugin.hpp>

namespace waymark::schemes {

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
}  // namespace

std::string lookup_key(std::string_view text) {
    std::string key;
    key.reserve(text.size());
    for (char c : text) {
        if (is_space(c)) continue;
        key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return key;
}

bool is_blank(std::string_view text) {
    for (char c : text) {
        if (!is_space(c)) return false;
    }
    return true;
}

grade_lookup::grade_lookup(std::string scheme_name) : scheme_name_(std::move(scheme_name)) {}

bool grade_lookup::add(std::string_view name, uint32_t grade_index) {
    std::string key = lookup_key(name);
    if (key.empty()) return false;
    auto [found, inserted] = grades_by_key_.emplace(std::move(key), grade_index);
    return inserted || found->second == grade_index;
}

std::optional<uint32_t> grade_lookup::find(std::string_view input) const {
    auto found = grades_by_key_.find(lookup_key(input));
    if (found == grades_by_key_.end()) return std::nullopt;
    return found->second;
}

uint32_t grade_lookup::parse(std::string_view input) const {
    if (auto grade = find(input)) return *grade;
    throw invalid_input(refusal(input));
}

std::string grade_lookup::refusal(std::string_view input) const {
    if (is_blank(input)) {
        return "No grade was entered for " + scheme_name_ + "; enter one of: " + choices_ + ".";
    }
    return "'" + std::string(input) + "' is not a grade of " + scheme_name_ + "; enter one of: " + choices_ + ".";
}

}  // namespace waymark::schemes
