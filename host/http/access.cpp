#include "http/access.hpp"

#include <Poco/Net/IPAddress.h>
#include <Poco/String.h>

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

namespace waymark::http {

std::string_view permission_name(permission needed) {
    switch (needed) {
        case permission::read_school: return "read_school";
        case permission::write_judgements: return "write_judgements";
        case permission::administer: return "administer";
        case permission::add_schools: return "add_schools";
        case permission::write_tracking: return "write_tracking";
        case permission::anyone: return "anyone";
        case permission::second_step: return "second_step";
        case permission::own_session: return "own_session";
        case permission::watch_session: return "watch_session";
    }
    return "unknown";
}

bool principal::may_open(std::string_view laestab) const {
    if (every_school) return true;
    for (const auto &open : schools) {
        if (open == laestab) return true;
    }
    return false;
}

bool role_permits(domain::user_role role, permission needed) {
    using domain::user_role;
    switch (needed) {
        case permission::anyone:
        case permission::second_step:
        case permission::own_session:
        case permission::watch_session:
        case permission::read_school: return true;
        case permission::write_judgements: return role == user_role::administrator || role == user_role::leader || role == user_role::teacher;
        case permission::write_tracking: return role == user_role::administrator || role == user_role::leader;
        case permission::administer: return role == user_role::administrator;
        case permission::add_schools: return role == user_role::administrator || role == user_role::authority;
    }
    return false;
}

std::optional<principal> access_policy::identify_for(const Poco::Net::HTTPServerRequest &request, permission) const {
    return identify(request);
}

void access_policy::record(const change_record &) const {}

client_origin access_policy::origin(const Poco::Net::HTTPServerRequest &request) const { return origin_of(request, {}); }

namespace {

// The host part of a Host header: "127.0.0.1:8080" -> 127.0.0.1, "[::1]:8080" -> ::1.
std::string host_name(const std::string &header) {
    if (header.starts_with('[')) {
        const auto close = header.find(']');
        return close == std::string::npos ? header : header.substr(1, close - 1);
    }
    return header.substr(0, header.find(':'));
}

}  // namespace

bool is_loopback(const std::string &host) {
    if (Poco::icompare(host, "localhost") == 0) return true;
    Poco::Net::IPAddress parsed;
    return Poco::Net::IPAddress::tryParse(host, parsed) && parsed.isLoopback();
}

local_user_policy::local_user_policy(principal local_user, bool loopback_only)
    : local_user_(std::move(local_user)), loopback_only_(loopback_only) {}

std::optional<principal> local_user_policy::identify(const Poco::Net::HTTPServerRequest &request) const {
    if (loopback_only_ && !is_loopback(host_name(request.get("Host", "")))) return std::nullopt;
    return local_user_;
}

bool local_user_policy::permits(const principal &, permission) const { return true; }

principal operating_system_user() {
    if (const char *user = std::getenv("USER"); user != nullptr && *user != '\0') return {user, user};
    if (const passwd *entry = ::getpwuid(::geteuid()); entry != nullptr && entry->pw_name != nullptr) {
        return {entry->pw_name, entry->pw_name};
    }
    return {"local", "local"};
}

}  // namespace waymark::http
