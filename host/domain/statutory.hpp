// Statutory results (shared/domain.md section 3.4) as connectors hand them to the store: EYFSP early
// learning goals, the phonics screening check, KS1 and KS2 teacher assessment and scaled scores.
// Names follow the store's tables (wm_eyfsp_results, wm_phonics_results, wm_key_stage_results); GLD is
// derived there (store::load_statutory_results), so a GLD read from a file is kept only to be checked against the goals.
#pragma once

#include "domain/calendar.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace waymark::domain {

enum class statutory_kind {
    eyfsp_goal,       // subject "E01".."E17", value "Emerging" or "Expected"
    eyfsp_gld,        // subject "", value "Y" or "N"
    phonics_mark,     // subject "", value "0".."40"
    phonics_outcome,  // subject "", value "Wa", "Wt", "A", "D", "L" or "Q"
    ks1_ta,           // subject a store subject code ("reading", "writing", "maths", "science"), value a TA code
    ks1_scaled,       // subject "reading" or "maths" ..., value "85".."115" (79..120 accepted)
    ks2_ta,
    ks2_scaled,       // value "80".."120"
};

struct statutory_result {
    std::string upn;
    statutory_kind kind = statutory_kind::eyfsp_goal;
    std::string subject;
    std::string value;
    academic_year year{};

    bool operator==(const statutory_result &) const = default;
};

// "eyfsp_goal", "eyfsp_gld", "phonics_mark", "phonics_outcome", "ks1_ta", "ks1_scaled", "ks2_ta", "ks2_scaled".
std::string_view statutory_kind_name(statutory_kind kind);
std::optional<statutory_kind> parse_statutory_kind(std::string_view name);

// Why the subject or value is not one this kind takes, as one sentence; nullopt when it is fine.
std::optional<std::string> statutory_problem(const statutory_result &result);

}  // namespace waymark::domain
