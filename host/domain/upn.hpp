// The Unique Pupil Number (shared/domain.md section 2): 13 characters, a check letter followed by
// 12 digits (permanent) or 11 digits and a letter (temporary). The letters I, O and S never appear.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace waymark::domain {

// The 23 letters a UPN may use, in check-letter order (A = 0 ... Z = 22).
inline constexpr std::string_view upn_alphabet = "ABCDEFGHJKLMNPQRTUVWXYZ";

// The check letter for characters 2..13 of a UPN (12 characters: 11 digits then a digit or an
// alphabet letter). Throws std::invalid_argument when the characters do not have that form.
char upn_check_letter(std::string_view characters_2_to_13);

// Why `upn` is not a valid UPN, as one sentence, or nullopt when it is valid (permanent or temporary).
std::optional<std::string> upn_problem(std::string_view upn);

// True for a valid temporary UPN (its last character is a letter).
bool is_temporary_upn(std::string_view upn);

}  // namespace waymark::domain
