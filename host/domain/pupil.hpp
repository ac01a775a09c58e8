// A pupil as Waymark knows one: the fields of shared/domain.md section 2. Connectors fill it from an
// MIS, a CSV upload or a CTF; the store keeps it; services derive the rest (summer born,
// disadvantaged, NC year) from it rather than storing derivable state.
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string>

namespace waymark::domain {

struct pupil {
    std::string upn;        // 13 characters, check letter verified (see upn.hpp)
    std::string former_upn; // "" when none
    std::string surname;
    std::string forename;
    std::chrono::year_month_day date_of_birth{};
    char gender = 'M';      // 'M' or 'F'
    std::string postcode;   // the school's own postcode stands in when a pupil's is unknown
    std::string ethnicity;  // a main or extended code, e.g. "WBRI", "WENG"
    std::string first_language; // "ENG", "ENB", "OTH", "OTB", "NOT", "REF" or "" when unrecorded
    bool eal = false;
    bool fsm = false;
    bool ever6_fsm = false;
    bool pupil_premium = false;
    bool looked_after = false;
    bool previously_looked_after = false;
    char sen = 'N';         // 'N' none, 'K' SEN support, 'E' EHC plan; historic 'A', 'P', 'S'
    bool alternative_assessment = false; // PIVATS / working below the National Curriculum
    std::string class_name; // school-named class, "" when unassigned
    std::optional<int> year_override; // NC year when taught outside the age group
    std::optional<std::chrono::year_month_day> date_joined;
    std::optional<std::chrono::year_month_day> date_left;
    std::string la_reference;
    std::array<bool, 6> custom_flags{}; // the school names them
    bool include_in_data = true;
    bool archived = false;

    bool operator==(const pupil &) const = default;
};

// Shared/domain.md's disadvantaged: Ever 6 FSM, looked after or previously looked after. The pupil
// filter computes the same in SQL (services/pupils/pupil_filter.cpp).
inline bool is_disadvantaged(const pupil &p) { return p.ever6_fsm || p.looked_after || p.previously_looked_after; }

}  // namespace waymark::domain
