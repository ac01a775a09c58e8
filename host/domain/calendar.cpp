#include "domain/calendar.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace waymark::domain {

namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

// A run of exactly `min_digits`..`max_digits` ASCII digits, as a number.
std::optional<int> digits(std::string_view text, std::size_t min_digits, std::size_t max_digits) {
    if (text.size() < min_digits || text.size() > max_digits) return std::nullopt;
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || text.front() == '-' || text.front() == '+')
        return std::nullopt;
    return value;
}

std::optional<date> make_date(std::optional<int> y, std::optional<int> m, std::optional<int> d) {
    if (!y || !m || !d) return std::nullopt;
    const date result{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
    if (!result.ok()) return std::nullopt;
    return result;
}

// Splits "a<sep>b<sep>c" into three parts; nullopt when there are not exactly three.
std::optional<std::array<std::string_view, 3>> three_parts(std::string_view text, char separator) {
    const auto first = text.find(separator);
    if (first == std::string_view::npos) return std::nullopt;
    const auto second = text.find(separator, first + 1);
    if (second == std::string_view::npos || text.find(separator, second + 1) != std::string_view::npos)
        return std::nullopt;
    return std::array{text.substr(0, first), text.substr(first + 1, second - first - 1), text.substr(second + 1)};
}

int year_number(date day_value) { return static_cast<int>(day_value.year()); }
unsigned month_number(date day_value) { return static_cast<unsigned>(day_value.month()); }

}  // namespace

std::optional<date> parse_iso_date(std::string_view text) {
    const auto parts = three_parts(text, '-');
    if (!parts) return std::nullopt;
    return make_date(digits((*parts)[0], 4, 4), digits((*parts)[1], 2, 2), digits((*parts)[2], 2, 2));
}

std::string format_iso_date(date day_value) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", year_number(day_value), month_number(day_value),
                  static_cast<unsigned>(day_value.day()));
    return text;
}

std::optional<date> parse_uk_date(std::string_view text) {
    const auto parts = three_parts(text, '/');
    if (!parts) return std::nullopt;
    return make_date(digits((*parts)[2], 4, 4), digits((*parts)[1], 1, 2), digits((*parts)[0], 1, 2));
}

std::string format_uk_date(date day_value) {
    char text[16];
    std::snprintf(text, sizeof text, "%02u/%02u/%04d", static_cast<unsigned>(day_value.day()),
                  month_number(day_value), year_number(day_value));
    return text;
}

date academic_year::first_day() const { return year{start_year} / std::chrono::September / 1; }
date academic_year::last_day() const { return year{start_year + 1} / std::chrono::August / 31; }

date today_utc() { return date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())}; }

academic_year academic_year_of(date day_value) {
    const int y = year_number(day_value);
    return {month_number(day_value) >= 9 ? y : y - 1};
}

std::optional<academic_year> parse_academic_year(std::string_view text) {
    const auto separator = text.find_first_of("/-");
    if (separator == std::string_view::npos) return std::nullopt;
    const auto first = digits(text.substr(0, separator), 4, 4);
    const auto second_text = text.substr(separator + 1);
    const auto second = digits(second_text, 2, 4);
    if (!first || !second || second_text.size() == 3) return std::nullopt;
    const int expected = second_text.size() == 4 ? *first + 1 : (*first + 1) % 100;
    if (*second != expected) return std::nullopt;
    return academic_year{*first};
}

std::string format_academic_year(academic_year year_value) {
    return std::to_string(year_value.start_year) + "/" + std::to_string(year_value.start_year + 1);
}

term term_of(date day_value) {
    const unsigned m = month_number(day_value);
    if (m >= 9) return term::autumn;
    if (m <= 3) return term::spring;
    return term::summer;
}

std::string_view term_name(term which) {
    switch (which) {
    case term::autumn: return "Autumn";
    case term::spring: return "Spring";
    case term::summer: return "Summer";
    }
    return "";
}

std::optional<term> parse_term(std::string_view name) {
    for (const term candidate : {term::autumn, term::spring, term::summer}) {
        const auto expected = term_name(candidate);
        if (name.size() != expected.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < name.size(); ++i)
            same = same && (name[i] | 0x20) == (expected[i] | 0x20);
        if (same) return candidate;
    }
    return std::nullopt;
}

int nc_year(date date_of_birth, academic_year year_value, std::optional<int> year_override) {
    if (year_override) return *year_override;
    return year_value.start_year - academic_year_of(date_of_birth).start_year - 5;
}

bool is_summer_born(date date_of_birth) {
    const unsigned m = month_number(date_of_birth);
    return m >= 4 && m <= 8;
}

key_stage key_stage_of(int nc_year_value) {
    if (nc_year_value == 0) return key_stage::early_years;
    if (nc_year_value >= 1 && nc_year_value <= 2) return key_stage::ks1;
    if (nc_year_value >= 3 && nc_year_value <= 6) return key_stage::ks2;
    if (nc_year_value >= 7 && nc_year_value <= 9) return key_stage::ks3;
    if (nc_year_value >= 10 && nc_year_value <= 11) return key_stage::ks4;
    return key_stage::none;
}

std::string_view key_stage_name(key_stage stage) {
    switch (stage) {
    case key_stage::early_years: return "EYFS";
    case key_stage::ks1: return "KS1";
    case key_stage::ks2: return "KS2";
    case key_stage::ks3: return "KS3";
    case key_stage::ks4: return "KS4";
    case key_stage::none: return "";
    }
    return "";
}

}  // namespace waymark::domain
