// Signed-in access (issue 7): the `waymark_session` cookie names a session in the database (so
// several host processes share them); its user's role, school or grants and classes make the
// request's principal. A session past its idle limit is 401 session_expired; one still waiting
// for its second step is a principal the router lets reach the second step only. Every change the
// router sees end is written to the audit log.
#pragma once

#include "http/access.hpp"
#include "http/database_pool.hpp"

#include "services/access/sessions.hpp"

#include <functional>
#include <string>

namespace waymark::http {

inline constexpr const char *session_cookie = "waymark_session";

// The request's session token from its Cookie header, "" when it has none.
std::string session_token(const Poco::Net::HTTPServerRequest &request);

class session_policy final : public access_policy {
public:
    using clock = std::function<services::instant()>;
    // `now` is the clock sessions are timed by (tests give a fixed one). `databases` must outlive it.
    // `trusted_proxies`: the addresses of reverse proxies whose X-Forwarded-For is believed.
    session_policy(database_pool &databases, services::sign_in_rules rules, clock now = services::now_instant,
                   std::vector<std::string> trusted_proxies = {});

    std::optional<principal> identify(const Poco::Net::HTTPServerRequest &request) const override;
    std::optional<principal> identify_for(const Poco::Net::HTTPServerRequest &request, permission needed) const override;
    bool permits(const principal &who, permission needed) const override;
    void record(const change_record &change) const override;
    client_origin origin(const Poco::Net::HTTPServerRequest &request) const override;

    const services::sign_in_rules &rules() const { return rules_; }
    services::instant now() const { return now_(); }
    database_pool &databases() const { return databases_; }

private:
    database_pool &databases_;
    services::sign_in_rules rules_;
    clock now_;
    std::vector<std::string> trusted_proxies_;
};

// The principal of an active session, with the idle figures the page shows.
principal session_principal(const services::active_session &session, services::instant now,
                            const services::sign_in_rules &rules);

}  // namespace waymark::http
