// School calendar facts (shared/domain.md section 1): dates as text, academic years (1 September to
// 31 August, written "2025/2026"), terms, National Curriculum year from date of birth, summer born,
// key stages.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace waymark::domain {

using date = std::chrono::year_month_day;

// "2025-09-01" <-> date. Parsing is strict: four-digit year, two-digit month and day, a real day.
std::optional<date> parse_iso_date(std::string_view text);
std::string format_iso_date(date day);

// "01/09/2025" <-> date, the form of the pupil upload template. Day and month may have one digit.
std::optional<date> parse_uk_date(std::string_view text);
std::string format_uk_date(date day);

// An academic year, named by the calendar year its autumn falls in (2025 = "2025/2026").
struct academic_year {
    int start_year = 0;

    date first_day() const;  // 1 September of start_year
    date last_day() const;   // 31 August of start_year + 1
    bool contains(date day) const { return first_day() <= day && day <= last_day(); }
    academic_year next() const { return {start_year + 1}; }
    academic_year previous() const { return {start_year - 1}; }
    auto operator<=>(const academic_year &) const = default;
};

academic_year academic_year_of(date day);
// Today in UTC, the day the host counts in.
date today_utc();
// "2025/2026" (the second year must follow the first); also accepts "2025-26" and "2025/26".
std::optional<academic_year> parse_academic_year(std::string_view text);
std::string format_academic_year(academic_year year);

enum class term { autumn, spring, summer };

// Conventional boundaries when a school has not set its own dates [conv]: Autumn is September to
// December, Spring January to March, Summer April to August.
term term_of(date day);
std::string_view term_name(term which);  // "Autumn", "Spring", "Summer"
std::optional<term> parse_term(std::string_view name);  // case-insensitive

// The National Curriculum year a pupil is in during `year`: 0 = Reception, 1..11 = Years 1..11,
// negative below Reception (-1 = nursery). A child born 1 Sep B .. 31 Aug B+1 is in Reception in the
// academic year B+5. A year override (a child taught outside its age group) wins when present.
int nc_year(date date_of_birth, academic_year year, std::optional<int> year_override = std::nullopt);

// Born 1 April to 31 August: the youngest in the year group.
bool is_summer_born(date date_of_birth);

enum class key_stage { early_years, ks1, ks2, ks3, ks4, none };

// Reception = early years, 1-2 = KS1, 3-6 = KS2, 7-9 = KS3, 10-11 = KS4; anything else = none.
key_stage key_stage_of(int nc_year);
std::string_view key_stage_name(key_stage stage);  // "EYFS", "KS1", "KS2", "KS3", "KS4", ""

}  // namespace waymark::domain
