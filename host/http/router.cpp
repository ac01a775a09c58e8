#include "http/router.hpp"

#include "services/access/credentials.hpp"
#include "store/database.hpp"

#include <Poco/Net/NetException.h>

#include <algorithm>
#include <istream>
#include <mutex>
#include <ostream>

namespace waymark::http {

namespace {

// Reads the body, at most `limit` bytes; nothing when it is longer (the rest stays unread and the
// connection must close, since the next request would start inside it).
std::optional<std::string> read_body(Poco::Net::HTTPServerRequest &raw, std::size_t limit) {
    if (raw.hasContentLength() && raw.getContentLength64() > static_cast<Poco::Int64>(limit)) return std::nullopt;
    std::string body;
    if (raw.hasContentLength()) body.reserve(static_cast<std::size_t>(raw.getContentLength64()));
    std::istream &in = raw.stream();
    char buffer[8192];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        body.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (body.size() > limit) return std::nullopt;
    }
    return body;
}

api_error too_large(std::size_t limit) {
    return {status::HTTP_REQUEST_ENTITY_TOO_LARGE, "too_large", std::nullopt,
            "The request body is larger than the server accepts (" + std::to_string(limit) +
                " bytes); nothing was read or saved."};
}

// True when `failure` is the database going away rather than refusing: a connection lost or refused
// (SQLSTATE class 08) or the server shutting down or starting up (57P01-57P03). The request could not
// be answered now but may be in a moment, which is what 503 says; nothing is half-saved, since every
// change is one transaction the server rolls back when its connection ends.
// psqlODBC reports a connection the server dropped under a read as SQLSTATE HY000, so its words
// (libpq's) are the sign there; a transaction's loss is already a store::database_error with 08S01.
bool database_outage(const std::exception &failure) {
    const std::string state = store::sqlstate_of(failure);
    if (state.starts_with("08") || state == "57P01" || state == "57P02" || state == "57P03") return true;
    const std::string_view message = failure.what();
    for (const std::string_view dropped : {"server closed the connection unexpectedly", "no connection to the server",
                                           "could not send data to server", "connection dead"})
        if (message.find(dropped) != std::string_view::npos) return true;
    return false;
}

api_error database_unavailable(const std::string &request, const std::exception &failure) {
    const bool ours = dynamic_cast<const store::database_error *>(&failure) != nullptr;
    return {status::HTTP_SERVICE_UNAVAILABLE, "database_unavailable", std::nullopt,
            ours ? std::string(failure.what())
                 : "The database stopped answering while the server handled " + request +
                       "; nothing was changed. Try again in a moment: the server reconnects by itself."};
}

std::string allowed_methods(std::vector<std::string> methods) {
    std::sort(methods.begin(), methods.end());
    methods.erase(std::unique(methods.begin(), methods.end()), methods.end());
    std::string list;
    for (const auto &method : methods) list += (list.empty() ? "" : ", ") + method;
    return list;
}

bool changes(const std::string &method) { return method != "GET" && method != "HEAD"; }

}  // namespace

std::string no_such_school(const std::string &laestab) {
    return "There is no school " + laestab + " in this database; GET " + api_base_path +
           "/schools lists them by LA and establishment number (e.g. 8012000).";
}

router::router(const access_policy &policy, std::ostream &failures, std::size_t body_limit)
    : policy_(policy), failures_(failures), body_limit_(body_limit) {}

void router::add(std::string method, std::string_view path_template, permission needed, handler run) {
    route added{std::move(method), std::string(path_template), {}, needed, std::move(run)};
    for (auto &text : split_path(added.path_template)) {
        const bool parameter = text.size() > 2 && text.front() == '{' && text.back() == '}';
        added.segments.push_back({parameter ? text.substr(1, text.size() - 2) : text, parameter});
    }
    // Literal segments before parameters, position by position, so the first match is the most specific.
    const auto more_specific = [](const route &a, const route &b) {
        const std::size_t common = std::min(a.segments.size(), b.segments.size());
        for (std::size_t i = 0; i < common; ++i) {
            if (a.segments[i].parameter != b.segments[i].parameter) return !a.segments[i].parameter;
        }
        return false;
    };
    routes_.insert(std::upper_bound(routes_.begin(), routes_.end(), added, more_specific), std::move(added));
}

bool router::matches(const route &candidate, const std::vector<std::string> &path, parameters *found) {
    if (candidate.segments.size() != path.size()) return false;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const segment &s = candidate.segments[i];
        if (!s.parameter && s.text != path[i]) return false;
    }
    if (found != nullptr) {
        for (std::size_t i = 0; i < path.size(); ++i) {
            if (candidate.segments[i].parameter) found->emplace_back(candidate.segments[i].text, path[i]);
        }
    }
    return true;
}

void router::dispatch(Poco::Net::HTTPServerRequest &raw, response &reply) const {
    const request_address address = read_request_address(raw.getURI());
    const std::vector<std::string> &path = address.segments;
    const route *chosen = nullptr;
    std::vector<std::string> methods;
    for (const route &candidate : routes_) {
        if (!matches(candidate, path, nullptr)) continue;
        methods.push_back(candidate.method);
        if (chosen == nullptr && candidate.method == raw.getMethod()) chosen = &candidate;
    }
    if (methods.empty()) {
        throw not_found(std::nullopt, "There is nothing at " + address.path + "; API.md lists the routes.");
    }
    if (chosen == nullptr) {
        reply.header("Allow", allowed_methods(methods));
        throw api_error(status::HTTP_METHOD_NOT_ALLOWED, "method_not_allowed", std::nullopt,
                        address.path + " does not take " + raw.getMethod() + "; it takes " +
                            allowed_methods(methods) + ".");
    }
    if (chosen->needed == permission::anyone) {
        run(*chosen, raw, reply, address, principal{"", "nobody"});
        return;
    }
    const auto who = policy_.identify_for(raw, chosen->needed);
    if (!who) {
        throw api_error(status::HTTP_UNAUTHORIZED, "unauthenticated", std::nullopt,
                        "This request does not say who sent it in a way the server accepts; sign in first.");
    }
    if (who->second_step_pending != (chosen->needed == permission::second_step)) {
        if (who->second_step_pending)
            throw api_error(status::HTTP_UNAUTHORIZED, "second_step_required", std::nullopt,
                            "Finish signing in: send the six-digit code from your authenticator to POST " + std::string(api_session_path) +
                                "/second-step.");
        throw conflict(std::nullopt, "This session has finished signing in already; there is no second step to take.");
    }
    if (!changes(raw.getMethod())) {
        authorised(*chosen, raw, reply, address, *who);
        return;
    }
    // Every change after sign-in is kept in the audit log, refused or not.
    change_record change{*who, policy_.origin(raw).address, raw.getMethod(), address.path, 0, ""};
    try {
        change.summary = authorised(*chosen, raw, reply, address, *who);
        change.status = static_cast<int>(reply.raw().getStatus());
    } catch (const api_error &problem) {
        change.status = static_cast<int>(problem.http_status());
        change.summary = problem.what();
        policy_.record(change);
        throw;
    } catch (const std::exception &failure) {
        const bool outage = database_outage(failure);
        change.status = static_cast<int>(outage ? status::HTTP_SERVICE_UNAVAILABLE : status::HTTP_INTERNAL_SERVER_ERROR);
        change.summary = failure.what();
        try {
            policy_.record(change);
        } catch (const std::exception &) {
            // The database that could not take the change cannot take its audit entry either; the
            // server's error output keeps the request, and the client hears of the outage, not this.
            if (!outage) throw;
        }
        throw;
    }
    policy_.record(change);
}

std::string router::authorised(const route &chosen, Poco::Net::HTTPServerRequest &raw, response &reply,
                               const request_address &address, const principal &who) const {
    const std::vector<std::string> &path = address.segments;
    if (changes(raw.getMethod()) && !who.csrf_token.empty() && chosen.needed != permission::second_step &&
        !services::same_secret(raw.get(csrf_header, ""), who.csrf_token)) {
        throw api_error(status::HTTP_FORBIDDEN, "csrf", std::nullopt,
                        "The page's security token is missing or stale; reload the page.");
    }
    if (!policy_.permits(who, chosen.needed)) {
        throw api_error(status::HTTP_FORBIDDEN, "forbidden", std::nullopt,
                        who.display_name + " may not " + raw.getMethod() + " " + address.path + ": it needs the " +
                            std::string(permission_name(chosen.needed)) + " permission.");
    }
    for (std::size_t i = 0; i < path.size(); ++i) {
        // The same answer as for a school the database does not have: never say whether it exists.
        if (chosen.segments[i].parameter && chosen.segments[i].text == "school" && !who.may_open(path[i]))
            throw not_found(std::nullopt, no_such_school(path[i]));
    }
    return run(chosen, raw, reply, address, who);
}

std::string router::run(const route &chosen, Poco::Net::HTTPServerRequest &raw, response &reply,
                        const request_address &address, const principal &who) const {
    auto body = read_body(raw, body_limit_);
    if (!body) {
        reply.raw().setKeepAlive(false);
        throw too_large(body_limit_);
    }
    parameters found;
    matches(chosen, address.segments, &found);
    const request accepted(raw, who, std::move(found), address.query, std::move(*body));
    chosen.run(accepted, reply);
    return accepted.noted();
}

std::vector<router::route_summary> router::route_list() const {
    std::vector<route_summary> list;
    for (const route &each : routes_) list.push_back({each.method, each.path_template, each.needed});
    return list;
}

void router::handle(Poco::Net::HTTPServerRequest &raw, Poco::Net::HTTPServerResponse &reply_raw) const {
    response reply(reply_raw);
    const auto refuse = [&](const api_error &problem) {
        if (reply.sent()) return;  // a streamed body already started: the client sees it cut short
        // A refused request's body may still be waiting; read it (within the limit) so the next
        // request on this connection starts where it should, or close the connection.
        if (reply_raw.getKeepAlive()) {
            try {
                if (!read_body(raw, body_limit_)) reply_raw.setKeepAlive(false);
            } catch (const Poco::Exception &) {
                reply_raw.setKeepAlive(false);
            }
        }
        reply.error(problem);
    };
    try {
        try {
            dispatch(raw, reply);
        } catch (const api_error &problem) {
            refuse(problem);
        } catch (const Poco::Net::NetException &) {
            throw;  // the client went away: nobody to answer
        } catch (const std::exception &failure) {
            const bool outage = database_outage(failure);
            {
                static std::mutex log_lock;
                const std::lock_guard lock(log_lock);
                failures_ << "waymark serve: " << raw.getMethod() << ' ' << raw.getURI()
                          << (outage ? " found the database unavailable: " : " failed: ") << failure.what() << '\n'
                          << std::flush;
            }
            if (outage) {
                refuse(database_unavailable(raw.getMethod() + " " + raw.getURI(), failure));
            } else {
                refuse(api_error(status::HTTP_INTERNAL_SERVER_ERROR, "internal", std::nullopt,
                                 "The server failed while answering " + raw.getMethod() + " " + raw.getURI() + ": " +
                                     failure.what()));
            }
        }
    } catch (...) {
        // Writing to a client that has gone away; the server closes the connection.
    }
}

}  // namespace waymark::http
