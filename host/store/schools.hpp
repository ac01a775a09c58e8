// The schools a Waymark database tracks (one for a school, many for a local authority), found by
// their DfE number: LA number + establishment number.
#pragma once

#include "domain/calendar.hpp"

#include <soci/soci.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::store {

struct school {
    long long id = 0;                  // wm_schools.id; 0 before it is stored
    std::string la_number;             // "801"
    std::string establishment_number;  // "2000"
    std::string urn;                   // "" when unknown
    std::string name;
    std::string postcode;
    domain::academic_year current_year{};  // moved only by the year-end rollover

    bool operator==(const school &) const = default;
};

// "8012000": the LA and establishment numbers together, as people type them.
std::string laestab(const school &which);

std::optional<school> find_school(soci::session &session, std::string_view la_number,
                                  std::string_view establishment_number);
std::optional<school> find_school_by_id(soci::session &session, long long id);
std::vector<school> all_schools(soci::session &session);

// The stored school with these DfE numbers; created from `details` when new, and its name, URN and
// postcode brought up to date when they changed. The current academic year of an existing school is
// left alone (only the rollover moves it).
school find_or_create_school(soci::session &session, const school &details);

// The six custom flag names ("" for an unnamed slot).
std::array<std::string, 6> custom_flag_names(soci::session &session, long long school_id);
void set_custom_flag_names(soci::session &session, long long school_id, const std::array<std::string, 6> &names);

// Adds the wm_academic_years row for `year` when missing (terms and rollovers refer to it).
void ensure_academic_year(soci::session &session, domain::academic_year year);

}  // namespace waymark::store
