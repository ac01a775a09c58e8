#include "domain/roles.hpp"

namespace waymark::domain {

std::string_view role_name(user_role role) {
    switch (role) {
        case user_role::administrator: return "administrator";
        case user_role::leader: return "leader";
        case user_role::teacher: return "teacher";
        case user_role::read_only: return "read_only";
        case user_role::authority: return "authority";
    }
    return "unknown";
}

std::optional<user_role> parse_role(std::string_view name) {
    for (const user_role role : every_role) {
        if (role_name(role) == name) return role;
    }
    return std::nullopt;
}

bool belongs_to_one_school(user_role role) { return role != user_role::authority; }

}  // namespace waymark::domain
