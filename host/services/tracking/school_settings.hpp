// What a school sets up once and changes rarely (seed 000, "Maintenance"): its class names, the
// names of its six custom filters, and the subjects it tracks with the descriptor scheme each is
// judged in by default. Every change is one transaction; a refusal is a tracking_error sentence
// naming what to correct, and nothing is changed.
#pragma once

#include "services/tracking/assessments.hpp"

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::services {

struct school_class {
    std::string name;
    int pupils = 0;  // on roll in the class now

    bool operator==(const school_class &) const = default;
};

// The school's classes by name, each with its pupils on roll.
std::vector<school_class> list_classes(soci::session &session, const store::school &school);

// A new class of 1 to 60 characters, its name not already the school's (trimmed of spaces).
school_class add_class(store::database &db, const store::school &school, std::string_view name);

// Renames a class: its pupils, cohort meetings and the teachers given it (wm_user_classes holds
// class names) follow in the same transaction. Refuses a name the school already uses;
// record_not_found when the school has no class `from`.
school_class rename_class(store::database &db, const store::school &school, std::string_view from, std::string_view to);

// Deletes a class nobody is in: refused with how many pupils (or left pupils' records and cohort
// meetings) still name it. record_not_found when the school has no such class.
void delete_class(store::database &db, const store::school &school, std::string_view name);

// The six custom filter names; an empty name leaves the slot unused. Each at most 60 characters
// (trimmed), no two alike.
std::array<std::string, 6> save_custom_flag_names(store::database &db, const store::school &school,
                                                  std::array<std::string, 6> names);

struct subject_scheme {
    std::string code;       // wm_subjects.code
    std::string name;       // "Mathematics"
    std::string scheme_id;  // the scheme a new assessment judges it in unless told otherwise

    bool operator==(const subject_scheme &) const = default;
};

// The schemes the school has chosen, by subject code (none until it chooses).
std::map<std::string, std::string, std::less<>> chosen_schemes(soci::session &session, long long school_id);

// The subjects the school tracks in wm_subjects order, reading, writing and maths always among them
// (on the host's default scheme until the school chooses another).
std::vector<subject_scheme> tracked_subjects(soci::session &session, long long school_id);

// Replaces the tracked subjects with `wanted` (code and scheme_id read; reading, writing and maths
// added on the default scheme when left out). Refuses an unknown subject, one listed twice, or a
// scheme no loaded plugin has (the sentence names the ones there are). Returns tracked_subjects().
std::vector<subject_scheme> save_tracked_subjects(store::database &db, const store::school &school,
                                                  const std::vector<subject_scheme> &wanted, const scheme_library &schemes);

}  // namespace waymark::services
