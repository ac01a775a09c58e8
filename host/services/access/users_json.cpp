#include "services/access/users_json.hpp"

#include <Poco/JSON/Array.h>

namespace waymark::services {

namespace {

Poco::JSON::Array string_array(const std::vector<std::string> &values) {
    Poco::JSON::Array array;
    for (const auto &value : values) array.add(value);
    return array;
}

}  // namespace

Poco::JSON::Object user_json(const user &account) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("username", account.username);
    json.set("display_name", account.display_name);
    json.set("role", std::string(domain::role_name(account.role)));
    json.set("school", account.school.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(account.school));
    json.set("classes", string_array(account.classes));
    json.set("schools", string_array(account.schools));
    json.set("disabled", account.disabled);
    json.set("created_at", account.created_at);
    return json;
}

Poco::JSON::Object new_user_json(const user_credentials &made) {
    Poco::JSON::Object json = user_json(made.account);
    json.set("password", made.password);
    json.set("totp_secret", made.totp_secret);
    json.set("totp_uri", made.totp_uri);
    return json;
}

Poco::JSON::Object audit_entry_json(const audit_entry &entry) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("at", entry.at);
    json.set("user", entry.user);
    json.set("address", entry.address);
    json.set("method", entry.method);
    json.set("path", entry.path);
    json.set("status", entry.status);
    json.set("summary", entry.summary);
    return json;
}

}  // namespace waymark::services
