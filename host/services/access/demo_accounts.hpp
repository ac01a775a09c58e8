// The demo's sign-in accounts (web-contract.md): admin (administrator), head (leader), teacher4
// (teacher of the school's Year 4 classes), governor (read_only) and adviser (authority, granted the
// school), each with a generated password and TOTP secret, made once per database.
#pragma once

#include "services/access/users.hpp"
#include "store/schools.hpp"

#include <string>
#include <vector>

namespace waymark::services {

// Adds the accounts that are missing and returns what only they are told (empty when all five
// exist already). `year4_classes` are the school's Year 4 class names; they become wm_classes rows
// when the school has none of those names yet.
std::vector<user_credentials> add_demo_accounts(store::database &db, const store::school &school,
                                                const std::vector<std::string> &year4_classes, const std::string &at);

inline constexpr const char *demo_usernames[] = {"admin", "head", "teacher4", "governor", "adviser"};

}  // namespace waymark::services
