// The code lists a pupil record uses (shared/domain.md section 2), each code with the label people
// read. Lookups are case-insensitive (spreadsheets and the seed tracker's own list write "OOth") and
// return the canonical upper-case entry.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace waymark::domain {

struct code_label {
    std::string_view code;
    std::string_view label;
};

struct ethnicity_code {
    std::string_view code;
    std::string_view label;
    std::string_view main_code;  // the main code it rolls up to; itself for a main code
    bool is_main() const { return code == main_code; }
};

// The 20 main codes first, in the census order, then the extended codes the seed tracker uses.
std::span<const ethnicity_code> ethnicity_codes();
const ethnicity_code *find_ethnicity(std::string_view code);

// SEN provision: N, K, E, then the historic A, P, S.
std::span<const code_label> sen_codes();
const code_label *find_sen(std::string_view code);
bool is_historic_sen(char code);  // A, P, S: recorded before the 2014 reforms

// First language: ENG, ENB, OTH, OTB, NOT, REF.
std::span<const code_label> first_language_codes();
const code_label *find_first_language(std::string_view code);
// English as an additional language: first language other than (or believed other than) English.
bool is_eal_language(std::string_view first_language_code);

// Gender / sex as recorded for census: M, F.
std::span<const code_label> gender_codes();
const code_label *find_gender(std::string_view code);

}  // namespace waymark::domain
