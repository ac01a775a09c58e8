// One field of a pupil record as a person typed it (a cell of the upload template, a box of the
// pupil form), checked and read: the CSV upload and the pupil form share these so that a value one
// accepts the other accepts too, and both refuse it with the same sentence. Each reader stores the
// value when it is right and returns nullopt, else returns one sentence saying what is wrong and
// what to write instead (the caller names the line or the field around it).
#pragma once

#include "domain/calendar.hpp"
#include "domain/pupil.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace waymark::domain {

using field_problem = std::optional<std::string>;

inline constexpr std::size_t pupil_name_limit = 100;         // wm_pupils.surname / forename
inline constexpr std::size_t pupil_la_reference_limit = 20;  // wm_pupils.la_reference

// Upper-cased, then the check letter and shape verified.
field_problem read_upn_field(std::string_view text, std::string &upn);
// `label` names the field in the sentence ("Surname").
field_problem read_name_field(std::string_view label, std::string_view text, std::string &name);
// Why a pupil born on `date_of_birth` is outside Nursery (N1) to Year 11 in `school_year`, as the end
// of a sentence about the date (" makes the pupil too young for Nursery in 2025/2026; check ..."), or none.
field_problem school_age_problem(date date_of_birth, academic_year school_year);
// A date written dd/mm/yyyy (not blank).
field_problem read_date_field(std::string_view text, date &day);
// dd/mm/yyyy; with `school_year`, a date putting the pupil outside Nursery (N1) to Year 11 in it is
// refused (a mistyped year of birth, 2109 for 2019, would otherwise be kept).
field_problem read_date_of_birth_field(std::string_view text, std::optional<academic_year> school_year, date &born);
field_problem read_gender_field(std::string_view text, char &gender);
// UNKNOWN stands for the school's own postcode (`school_postcode`, "" when not recorded).
field_problem read_postcode_field(std::string_view text, std::string_view school_postcode, std::string &postcode);
// Y, N or blank (no), any case.
field_problem read_yes_no_field(std::string_view label, std::string_view text, bool &value);
field_problem read_ethnicity_field(std::string_view text, std::string &ethnicity);
// N, K, E or a historic A, P, S; the template's SEN_K / SEN_E; blank is N.
field_problem read_sen_field(std::string_view text, char &sen);
field_problem read_la_reference_field(std::string_view text, std::string &la_reference);

// "  a b " -> "a b": white space around a typed value is never meant.
std::string_view trimmed(std::string_view text);
// a-z upper-cased, the rest as it is: codes and UPNs are typed in any case.
std::string upper_case(std::string_view text);

}  // namespace waymark::domain
