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

bool readable_by(const principal &who, const services::audit_entry &entry, const std::vector<std::string> &school_users) {
    if (who.every_school) return true;
    return std::binary_search(school_users.begin(), school_users.end(), entry.user) ||
           (!who.school.empty() && entry.path.starts_with(api_base + "/schools/" + who.school));
}

}  // namespace

void add_audit_routes(router &routes, const api_services &api) {
    routes.add("GET", api_base + "/audit", permission::administer, [&api](const request &asked, response &reply) {
        const services::audit_query query{asked.query("from"), asked.query("to"), asked.query("user")};
        const auto database = api.database();
        std::vector<std::string> school_users;
        if (!asked.who().every_school) {
            for (const auto &account : services::list_users(database->session(), asked.who().school))
                school_users.push_back(account.username);
            std::sort(school_users.begin(), school_users.end());
        }
        Poco::JSON::Array entries;
        for (const auto &entry : services::read_audit(database->session(), query)) {
            if (!readable_by(asked.who(), entry, school_users)) continue;
            entries.add(services::audit_entry_json(entry));
        }
        Poco::JSON::Object body;
        body.set("entries", entries);
        reply.json(body);
    });
}

}  // namespace waymark::http
