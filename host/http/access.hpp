// Who may do what through the API. Every route names the permission it needs; before a handler runs
// the router asks the server's access_policy who sent the request and whether they hold it. Today's
// policy is the local single user, for tests in-process; `waymark serve` signs people in
// (session_policy.hpp) and a principal carries their role, schools and classes.
#pragma once

#include "domain/roles.hpp"
#include "http/client_origin.hpp"

#include <Poco/Net/HTTPServerRequest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::http {

enum class permission {
    read_school,       // see pupils, judgements, schemes, reports of the school
    write_judgements,  // record judgements, interventions and pupil meetings (a teacher: their classes' pupils)
    administer,        // users, the audit log, plugins, statutory unlocks
    add_schools,       // add a school no MIS brings: a school's administrator, or an authority user
    write_tracking,    // the school's tracking set-up and plans: assessments, groups, templates, targets,
                       // cohort meetings, statutory results and submissions, inclusion
    anyone,            // nobody needs to be signed in: POST /session, GET /health
    second_step,       // a session waiting for its second step: POST /session/second-step
    own_session,       // anyone signed in: their session, "stay signed in", sign-out, their password
    watch_session,     // GET /session: as own_session, but the request is not activity
};

std::string_view permission_name(permission needed);  // "read_school", ...

// The person a request acts for; `id` is what services record as "who" for a change.
struct principal {
    std::string id;
    std::string display_name;
    domain::user_role role = domain::user_role::administrator;
    bool every_school = true;                // the local user; a signed-in user opens `schools` only
    std::vector<std::string> schools{};      // LA + establishment numbers the user may open
    std::string school{};                    // their own school ("" for authority and the local user)
    std::vector<std::string> classes{};      // a teacher's classes
    std::string csrf_token{};                // "" = not checked (the local user's requests)
    bool second_step_pending = false;
    std::string session_token_hash{};        // "" outside a session
    long long idle_seconds_left = 0;         // when in a session
    long long idle_limit_seconds = 0;
    long long warn_at_seconds_left = 0;

    bool may_open(std::string_view laestab) const;
};

// What each role may do; `anyone` and the session permissions are everyone's.
bool role_permits(domain::user_role role, permission needed);

// One change (any method but GET and HEAD) as the router saw it end, for the audit log.
struct change_record {
    const principal &who;
    std::string address;  // the client's IP address
    std::string method;
    std::string path;
    int status = 0;
    std::string summary;  // the refusal's sentence, or what the handler said it did
};

class access_policy {
public:
    virtual ~access_policy() = default;
    // Who sent the request, or nothing when nobody is signed in (the router answers 401).
    // Called on the server's worker threads: must be thread-safe.
    virtual std::optional<principal> identify(const Poco::Net::HTTPServerRequest &request) const = 0;
    // Whether `who` holds `needed` (the router answers 403 when not). Thread-safe.
    virtual bool permits(const principal &who, permission needed) const = 0;
    // Who sent the request when the route needs `needed`: the session permissions read the session
    // without counting the request as activity for watch_session. May throw api_error (401
    // session_expired). By default identify(request).
    virtual std::optional<principal> identify_for(const Poco::Net::HTTPServerRequest &request, permission needed) const;
    // Keeps a change in the audit log; by default nowhere. Thread-safe; must not throw.
    virtual void record(const change_record &change) const;
    // Where the request came from (client_origin.hpp); by default the connection's own address.
    virtual client_origin origin(const Poco::Net::HTTPServerRequest &request) const;
};

// Local single-user mode: the server listens on loopback only (unless --bind says otherwise), so
// whoever reaches it is the person who started it, and they hold every permission. With
// `loopback_only`, a request whose Host header names anything but a loopback address is not
// identified (401): that is a web page that had its own host name resolved to 127.0.0.1 to read
// this server through the visitor's browser.
class local_user_policy final : public access_policy {
public:
    local_user_policy(principal local_user, bool loopback_only);
    std::optional<principal> identify(const Poco::Net::HTTPServerRequest &request) const override;
    bool permits(const principal &who, permission needed) const override;

private:
    principal local_user_;
    bool loopback_only_;
};

// Whether `host` (an address or name, without a port) is 127.0.0.0/8, ::1 or "localhost".
bool is_loopback(const std::string &host);

// The operating-system user running the process ($USER, else the password database, else "local").
principal operating_system_user();

}  // namespace waymark::http
