// The audit log, for administrators (services/access/audit_log.hpp): newest first, by period and user.
// An administrator of a school reads the entries of its users and of requests under its path.
//   GET /api/v1/audit[?from=&to=&user=]   -> {"entries": [{at, user, address, method, path, status, summary}]}
#include "http/api.hpp"

#include "services/access/audit_log.hpp"
#include "services/access/users_json.hpp"
#include "services/access/users.hpp"

#include <algorithm>

namespace waymark::http {

namespace {

// The school an audited path is under ("8012000" of /api/v1/schools/8012000/pupils), "" for others.
std::string school_of(const std::string &path) {
    const std::string under = api_base + "/schools/";
    if (!path.starts_with(under)) return "";
    const std::string rest = path.substr(under.size());
    return rest.substr(0, rest.find('/'));
}

// What was done under the school's path, and everything else its own users did; an authority user
// granted it too is theirs only outside other schools' paths (what they did at another school is
// that school's).
bool readable_by(const principal &who, const services::audit_entry &entry, const std::vector<std::string> &own_users,
                 const std::vector<std::string> &granted_users) {
    if (who.every_school) return true;
    const std::string school = school_of(entry.path);
    if (!school.empty() && who.may_open(school)) return true;
    if (std::binary_search(own_users.begin(), own_users.end(), entry.user)) return true;
    return school.empty() && std::binary_search(granted_users.begin(), granted_users.end(), entry.user);
}

}  // namespace

void add_audit_routes(router &routes, const api_services &api) {
    routes.add("GET", api_base + "/audit", permission::administer, [&api](const request &asked, response &reply) {
        const services::audit_query query{asked.query("from"), asked.query("to"), asked.query("user")};
        const auto database = api.database();
        std::vector<std::string> own_users, granted_users;
        if (!asked.who().every_school) {
            for (const auto &account : services::list_users(database->session(), asked.who().school))
                (account.school == asked.who().school ? own_users : granted_users).push_back(account.username);
            std::sort(own_users.begin(), own_users.end());
            std::sort(granted_users.begin(), granted_users.end());
        }
        Poco::JSON::Array entries;
        for (const auto &entry : services::read_audit(database->session(), query)) {
            if (!readable_by(asked.who(), entry, own_users, granted_users)) continue;
            entries.add(services::audit_entry_json(entry));
        }
        Poco::JSON::Object body;
        body.set("entries", entries);
        reply.json(body);
    });
}

}  // namespace waymark::http
