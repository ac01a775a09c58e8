#include "domain/pupil_fields.hpp"

#include "domain/codes.hpp"
#include "domain/postcode.hpp"
#include "domain/upn.hpp"

#include <algorithm>

namespace waymark::domain {

namespace {

std::size_t characters(std::string_view utf8) {
    return static_cast<std::size_t>(std::ranges::count_if(utf8, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

// One or two digits, one or two digits, four digits, separated by slashes: the template's date
// format, so a value of this shape that is no date names a day that does not exist (31/02/2019).
bool has_uk_date_shape(std::string_view text) {
    const auto is_digits = [](std::string_view part, std::size_t min_size, std::size_t max_size) {
        return part.size() >= min_size && part.size() <= max_size &&
               std::ranges::all_of(part, [](char c) { return c >= '0' && c <= '9'; });
    };
    const auto first = text.find('/');
    const auto second = first == std::string_view::npos ? first : text.find('/', first + 1);
    if (second == std::string_view::npos) return false;
    return is_digits(text.substr(0, first), 1, 2) && is_digits(text.substr(first + 1, second - first - 1), 1, 2) &&
           is_digits(text.substr(second + 1), 4, 4);
}

}  // namespace

field_problem school_age_problem(date date_of_birth, academic_year school_year) {
    const int year_group = nc_year(date_of_birth, school_year);
    const std::string in_year = " in " + format_academic_year(school_year);
    if (year_group < -2) return " makes the pupil too young for Nursery" + in_year + "; check the year of birth.";
    if (year_group > 11)
        return " puts the pupil in Year " + std::to_string(year_group) + in_year + ", past Year 11; check the year of birth.";
    return std::nullopt;
}

std::string upper_case(std::string_view text) {
    std::string result(text);
    for (char &c : result)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return result;
}

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

field_problem read_upn_field(std::string_view text, std::string &upn) {
    upn = upper_case(trimmed(text));
    return upn_problem(upn);
}

field_problem read_name_field(std::string_view label, std::string_view text, std::string &name) {
    const std::string_view value = trimmed(text);
    name = std::string(value);
    if (value.empty()) return "The " + std::string(label) + " is missing; every pupil needs one.";
    if (std::ranges::any_of(value, [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
        return "The " + std::string(label) + " contains a line break or tab; keep a name on one line.";
    if (characters(value) > pupil_name_limit)
        return "The " + std::string(label) + " is longer than " + std::to_string(pupil_name_limit) + " characters.";
    return std::nullopt;
}

field_problem read_date_field(std::string_view text, date &day) {
    const std::string_view value = trimmed(text);
    const auto parsed = parse_uk_date(value);
    if (parsed) {
        day = *parsed;
        return std::nullopt;
    }
    if (has_uk_date_shape(value)) return in_quotes(value) + " is not a day of the calendar; check the day and the month.";
    return in_quotes(value) + " is not a date in the form dd/mm/yyyy, e.g. 05/03/2019.";
}

field_problem read_date_of_birth_field(std::string_view text, std::optional<academic_year> school_year, date &born) {
    if (trimmed(text).empty()) return "The date of birth is missing; write it as dd/mm/yyyy, e.g. 05/03/2019.";
    if (auto problem = read_date_field(text, born)) return problem;
    if (!school_year) return std::nullopt;
    if (auto age_problem = school_age_problem(born, *school_year)) return in_quotes(trimmed(text)) + *age_problem;
    return std::nullopt;
}

field_problem read_gender_field(std::string_view text, char &gender) {
    const std::string_view value = trimmed(text);
    const auto *found = find_gender(value);
    if (!found) return value.empty() ? "The gender is missing; write M or F." : "The gender " + in_quotes(value) + " should be M or F.";
    gender = found->code.front();
    return std::nullopt;
}

field_problem read_postcode_field(std::string_view text, std::string_view school_postcode, std::string &postcode) {
    const std::string_view value = trimmed(text);
    if (value.empty()) return "The postcode is missing; write the pupil's postcode, or UNKNOWN to use the school's own.";
    if (upper_case(value) == "UNKNOWN") {
        postcode = std::string(school_postcode);
        if (school_postcode.empty())
            return "The postcode is UNKNOWN but the school's own postcode, which stands in for it, is not recorded; set "
                   "the school's postcode first.";
        return std::nullopt;
    }
    if (auto normal = normalise_postcode(value)) {
        postcode = std::move(*normal);
        return std::nullopt;
    }
    return in_quotes(value) + " is not a UK postcode (e.g. PR1 8XJ); write UNKNOWN to use the school's own.";
}

field_problem read_yes_no_field(std::string_view label, std::string_view text, bool &value) {
    const std::string word = upper_case(trimmed(text));
    value = word == "Y";
    if (word.empty() || word == "N" || word == "Y") return std::nullopt;
    return "The " + std::string(label) + " value " + in_quotes(trimmed(text)) + " should be Y, N or blank.";
}

field_problem read_ethnicity_field(std::string_view text, std::string &ethnicity) {
    const std::string_view value = trimmed(text);
    const auto *found = find_ethnicity(value);
    if (!found)
        return value.empty() ? "The ethnic code is missing; every pupil needs one (REFU when refused, NOBT when not yet obtained)."
                             : in_quotes(value) + " is not a known ethnic code (e.g. WBRI, MWBC, AIND; REFU when refused, "
                                                  "NOBT when not obtained).";
    ethnicity = std::string(found->code);
    return std::nullopt;
}

field_problem read_sen_field(std::string_view text, char &sen) {
    std::string value = upper_case(trimmed(text));
    if (value.starts_with("SEN_")) value.erase(0, 4);  // the template's own spelling: SEN_K, SEN_E
    if (value.empty()) value = "N";
    const auto *found = find_sen(value);
    if (!found)
        return "The SEN value " + in_quotes(trimmed(text)) + " should be N, K (SEN support), E (EHC plan), a historic A, P or S, or blank.";
    sen = found->code.front();
    return std::nullopt;
}

field_problem read_la_reference_field(std::string_view text, std::string &la_reference) {
    const std::string_view value = trimmed(text);
    la_reference = std::string(value);
    if (characters(value) > pupil_la_reference_limit)
        return "The LA reference is longer than " + std::to_string(pupil_la_reference_limit) + " characters.";
    return std::nullopt;
}

}  // namespace waymark::domain
