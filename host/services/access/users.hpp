// The people who sign in to Waymark: their role, the school they belong to (or, for an authority,
// the schools granted), a teacher's classes, a password kept only as an Argon2id hash and a TOTP
// secret for the second step. Administrators add users and reset passwords from the page and the
// CLI; a generated password and the TOTP secret are shown once, when they are made.
#pragma once

#include "domain/roles.hpp"
#include "store/database.hpp"

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::services {

// Input an administrator has to correct (a name taken, a class the school does not have): one
// sentence naming the field. Nothing was changed.
class user_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A user name that names nobody.
class user_not_found : public user_error {
public:
    using user_error::user_error;
};

struct user {
    long long id = 0;
    std::string username;
    std::string display_name;
    domain::user_role role = domain::user_role::read_only;
    std::string school;                // LA + establishment number ("8012000"); "" for an authority user
    std::vector<std::string> classes;  // a teacher's classes, by the MIS's class names
    std::vector<std::string> schools;  // an authority user's granted schools ("8012000", ...)
    bool disabled = false;
    std::string created_at;

    // The schools whose pupils and tracking the user may open.
    std::vector<std::string> open_schools() const;
};

struct user_details {
    std::string username;      // 1-60 of a-z, 0-9, '.', '_', '-'
    std::string display_name;  // "" = the user name
    domain::user_role role = domain::user_role::read_only;
    std::string school;                // required for a school role, "" for authority
    std::vector<std::string> classes;  // teachers only; each a class the school has
    std::vector<std::string> schools;  // authority only; each a school of this database
};

// What only the new user is told, once.
struct user_credentials {
    user account;
    std::string password;
    std::string totp_secret;  // base32
    std::string totp_uri;     // otpauth://totp/Waymark:name?secret=...
};

// Adds the user with a generated password and TOTP secret. Throws user_error naming the field.
user_credentials add_user(store::database &db, const user_details &details, const std::string &at);

struct user_change {
    std::optional<std::string> display_name;
    std::optional<domain::user_role> role;
    std::optional<std::string> school;  // a school role's school; needed when an authority user becomes one
    std::optional<std::vector<std::string>> classes;
    std::optional<std::vector<std::string>> schools;
    std::optional<bool> disabled;  // disabling signs the user out everywhere
};
user change_user(store::database &db, std::string_view username, const user_change &change);

// Grants the authority user `username` the school `school_id`, inside the caller's transaction (the
// school they have just added). Throws user_error for a name that is no authority user.
void grant_school(soci::session &session, std::string_view username, long long school_id);

// A new generated password (returned once); the user's sessions end.
std::string reset_password(store::database &db, std::string_view username);
// The user's own change: `current` must be right (user_error otherwise) and `replacement` at least
// 12 characters. Their other sessions end.
void change_password(store::database &db, std::string_view username, std::string_view current,
                     std::string_view replacement, std::string_view keep_session_hash = {});

std::optional<user> find_user(soci::session &session, std::string_view username);
user existing_user(soci::session &session, std::string_view username);  // user_not_found otherwise
// Everyone, or those of one school (its users and the authority users granted it), by user name.
std::vector<user> list_users(soci::session &session, std::optional<std::string> school = std::nullopt);
// The loaded classes and grants of a user whose row was read elsewhere.
void load_user_scope(soci::session &session, user &who);

// The six-digit code the user's authenticator shows at `unix_seconds` (for the demo and tests).
std::string current_totp_code(soci::session &session, std::string_view username, std::int64_t unix_seconds);

// The issuer authenticator apps show beside the code.
inline constexpr std::string_view totp_issuer = "Waymark";

}  // namespace waymark::services
