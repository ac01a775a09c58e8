#include "http/session_policy.hpp"

#include "http/api_error.hpp"

#include "services/access/audit_log.hpp"

#include <Poco/Net/NameValueCollection.h>

#include <iostream>

namespace waymark::http {

std::string session_token(const Poco::Net::HTTPServerRequest &request) {
    Poco::Net::NameValueCollection cookies;
    request.getCookies(cookies);
    return cookies.get(session_cookie, "");
}

principal session_principal(const services::active_session &session, services::instant now,
                            const services::sign_in_rules &rules) {
    principal who{session.who.username, session.who.display_name};
    who.role = session.who.role;
    who.every_school = false;
    who.schools = session.who.open_schools();
    who.school = session.who.school;
    who.classes = session.who.classes;
    who.csrf_token = session.csrf_token;
    who.second_step_pending = !session.second_step_done;
    who.session_token_hash = session.token_hash;
    who.idle_seconds_left = session.idle_left(now, rules).count();
    who.idle_limit_seconds = rules.idle_limit.count();
    who.warn_at_seconds_left = rules.warn_before.count();
    return who;
}

session_policy::session_policy(database_pool &databases, services::sign_in_rules rules, clock now,
                               std::vector<std::string> trusted_proxies)
    : databases_(databases), rules_(rules), now_(std::move(now)), trusted_proxies_(std::move(trusted_proxies)) {}

client_origin session_policy::origin(const Poco::Net::HTTPServerRequest &request) const {
    return origin_of(request, trusted_proxies_);
}

std::optional<principal> session_policy::identify(const Poco::Net::HTTPServerRequest &request) const {
    return identify_for(request, permission::read_school);
}

std::optional<principal> session_policy::identify_for(const Poco::Net::HTTPServerRequest &request, permission needed) const {
    const std::string token = session_token(request);
    if (token.empty()) return std::nullopt;
    const services::instant at = now_();
    const auto found = [&] {
        const auto database = databases_.acquire();
        return services::find_session(*database, token, at, rules_, needed != permission::watch_session);
    }();
    if (found.state == services::session_state::expired) {
        throw api_error(status::HTTP_UNAUTHORIZED, "session_expired", std::nullopt,
                        "You were signed out after " + std::to_string(rules_.idle_limit.count() / 60) +
                            " minutes without activity; sign in again.");
    }
    if (!found.session) return std::nullopt;
    return session_principal(*found.session, at, rules_);
}

bool session_policy::permits(const principal &who, permission needed) const { return role_permits(who.role, needed); }

void session_policy::record(const change_record &change) const {
    try {
        const auto database = databases_.acquire();
        services::record_audit(*database, {services::instant_text(now_()), change.who.id, change.address, change.method,
                                           change.path, change.status, change.summary});
    } catch (const std::exception &failure) {
        // The change itself stands; say loudly that its entry is missing.
        std::cerr << "waymark serve: the audit log could not record " << change.method << ' ' << change.path << " by "
                  << change.who.id << ": " << failure.what() << '\n';
    }
}

}  // namespace waymark::http
