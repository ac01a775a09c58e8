#include "services/access/users_json.hpp"

#include "services/record_json.hpp"

namespace waymark::services {

Poco::JSON::Object user_json(const user &account) {
    return json_object({{"username", account.username}, {"display_name", account.display_name},
                        {"role", std::string(domain::role_name(account.role))}, {"school", text_or_null(account.school)},
                        {"classes", json_array(account.classes)}, {"schools", json_array(account.schools)},
                        {"disabled", account.disabled}, {"created_at", account.created_at}});
}

Poco::JSON::Object new_user_json(const user_credentials &made) {
    Poco::JSON::Object json = user_json(made.account);
    json.set("password", made.password);
    json.set("totp_secret", made.totp_secret);
    json.set("totp_uri", made.totp_uri);
    return json;
}

Poco::JSON::Object audit_entry_json(const audit_entry &entry) {
    return json_object({{"at", entry.at}, {"user", entry.user}, {"address", entry.address}, {"method", entry.method},
                        {"path", entry.path}, {"status", entry.status}, {"summary", entry.summary}});
}

}  // namespace waymark::services
