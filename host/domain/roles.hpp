// The roles a Waymark user holds (one each): what a person may see and change is decided from it
// on every request, by the server, never by the page.
#pragma once

#include <optional>
#include <string_view>

namespace waymark::domain {

enum class user_role {
    administrator,  // everything at their school, users and the audit log too
    leader,         // reads and writes all of their school's tracking
    teacher,        // reads the school; writes judgements, interventions and meetings of their classes' pupils
    read_only,      // governor or adviser: reads the school
    authority,      // LA or trust: lists the schools, reads those granted, writes nothing
};

inline constexpr user_role every_role[] = {user_role::administrator, user_role::leader, user_role::teacher,
                                           user_role::read_only, user_role::authority};

std::string_view role_name(user_role role);  // "administrator", ..., "read_only", "authority"
std::optional<user_role> parse_role(std::string_view name);

// Whether the role belongs to one school (all but authority, which has school grants instead).
bool belongs_to_one_school(user_role role);

}  // namespace waymark::domain
