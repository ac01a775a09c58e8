// Who may do what through the API. Every route names the permission it needs; before a handler runs
// the router asks the server's access_policy who sent the request and whether they hold it. Today's
// policy is the local single user; sign-in (issue 7) brings another policy and richer principals
// without changing any route.
#pragma once

#include <Poco/Net/HTTPServerRequest.h>

#include <optional>
#include <string>
#include <string_view>

namespace waymark::http {

enum class permission {
    read_school,       // see pupils, judgements, schemes, reports of the school
    write_judgements,  // record and correct judgements and targets
    administer,        // settings, imports, plugins, users
};

std::string_view permission_name(permission needed);  // "read_school", ...

// The person a request acts for; `id` is what services record as "who" for a change.
struct principal {
    std::string id;
    std::string display_name;
};

class access_policy {
public:
    virtual ~access_policy() = default;
    // Who sent the request, or nothing when nobody is signed in (the router answers 401).
    // Called on the server's worker threads: must be thread-safe.
    virtual std::optional<principal> identify(const Poco::Net::HTTPServerRequest &request) const = 0;
    // Whether `who` holds `needed` (the router answers 403 when not). Thread-safe.
    virtual bool permits(const principal &who, permission needed) const = 0;
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
