// Users and audit-log entries as JSON, the one shape the CLI's --json and the API answer.
#pragma once

#include "services/access/audit_log.hpp"
#include "services/access/users.hpp"

#include <Poco/JSON/Object.h>

namespace waymark::services {

// {username, display_name, role, school (null for authority), classes, schools, disabled, created_at}
Poco::JSON::Object user_json(const user &account);
// The same with what only a new user is told: password, totp_secret, totp_uri.
Poco::JSON::Object new_user_json(const user_credentials &made);
// {at, user, address, method, path, status, summary}
Poco::JSON::Object audit_entry_json(const audit_entry &entry);

}  // namespace waymark::services
