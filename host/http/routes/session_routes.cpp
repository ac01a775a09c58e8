// Signing in and out (issue 7; web-contract.md). The session is a cookie the page never reads
// (HttpOnly, SameSite=Strict); the JSON tells the page who is signed in, what they may open, the
// CSRF token to send on every change and how long until the idle limit.
//   POST   /api/v1/session               {username, password}  -> {"second_step": "totp"} + cookie
//   POST   /api/v1/session/second-step   {code}                -> <session>
//   GET    /api/v1/session                                     -> <session> (not activity)
//   POST   /api/v1/session/keep-alive                          -> <session>
//   DELETE /api/v1/session                                     -> 204, cookie cleared
//   POST   /api/v1/session/password      {current, new}        -> 204
#include "http/api.hpp"
#include "http/routes/school_scope.hpp"
#include "http/session_policy.hpp"

namespace waymark::http {

namespace {

const std::string session_path = api_base + "/session";

const session_policy &sign_in_of(const api_services &api) {
    if (api.sessions == nullptr) {
        throw api_error(status::HTTP_SERVICE_UNAVAILABLE, "unavailable", std::nullopt,
                        "This server signs nobody in (it runs for the local user only); start it with `waymark serve`.");
    }
    return *api.sessions;
}

// Secure when the request reached a trusted proxy over HTTPS: the browser then never sends the
// cookie over plain HTTP. (Plain `waymark serve` on loopback has no HTTPS to insist on.)
void set_session_cookie(response &reply, const client_origin &from, const std::string &token, bool clear = false) {
    reply.header("Set-Cookie", std::string(session_cookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" +
                                   (from.https ? "; Secure" : "") + (clear ? "; Max-Age=0" : ""));
}

Poco::JSON::Object session_json(const api_services &api, const principal &who) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("username", who.id);
    json.set("display_name", who.display_name);
    json.set("role", std::string(domain::role_name(who.role)));
    json.set("school", who.school.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(who.school));
    Poco::JSON::Array schools;
    {
        const auto database = api.database();
        for (const auto &school : store::all_schools(database->session())) {
            if (!who.may_open(store::laestab(school))) continue;
            Poco::JSON::Object entry(Poco::JSON_PRESERVE_KEY_ORDER);
            entry.set("school", store::laestab(school));
            entry.set("name", school.name);
            schools.add(entry);
        }
    }
    json.set("schools", schools);
    Poco::JSON::Array classes;
    for (const auto &name : who.classes) classes.add(name);
    json.set("classes", classes);
    json.set("csrf_token", who.csrf_token);
    json.set("idle_seconds_left", who.idle_seconds_left);
    json.set("idle_limit_seconds", who.idle_limit_seconds);
    json.set("warn_at_seconds_left", who.warn_at_seconds_left);
    return json;
}

[[noreturn]] void refuse(const services::sign_in_refused &refused) {
    using reason = services::sign_in_refused::reason;
    switch (refused.why()) {
        case reason::wrong_credentials:
            throw api_error(status::HTTP_UNAUTHORIZED, "wrong_credentials", std::nullopt, refused.what());
        case reason::wrong_code: throw api_error(status::HTTP_UNAUTHORIZED, "wrong_code", "code", refused.what());
        case reason::too_many_attempts:
            throw api_error(status::HTTP_TOO_MANY_REQUESTS, "too_many_attempts", std::nullopt, refused.what());
        case reason::no_second_step_pending:
            throw api_error(status::HTTP_UNAUTHORIZED, "unauthenticated", std::nullopt, refused.what());
    }
    throw api_error(status::HTTP_UNAUTHORIZED, "unauthenticated", std::nullopt, refused.what());
}

void sign_in(const api_services &api, const request &asked, response &reply) {
    const session_policy &sessions = sign_in_of(api);
    const json_object body = asked.json_body();
    const std::string username = body.required_string("username");
    const std::string password = body.required_string("password");
    const client_origin from = sessions.origin(asked.raw());
    std::string token;
    try {
        const auto database = api.database();
        token = services::start_session(*database, username, password, from.address, sessions.now(), sessions.rules());
    } catch (const services::sign_in_refused &refused) {
        if (refused.why() == services::sign_in_refused::reason::too_many_attempts)
            reply.header("Retry-After", std::to_string(refused.minutes_to_wait() * 60));
        refuse(refused);
    }
    set_session_cookie(reply, from, token);
    asked.note("gave the password of " + username + "; the second step waits");
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("second_step", "totp");
    reply.json(json);
}

void second_step(const api_services &api, const request &asked, response &reply) {
    const session_policy &sessions = sign_in_of(api);
    const std::string code = asked.json_body().required_string("code");
    const std::string token = session_token(asked.raw());
    const services::instant now = sessions.now();
    try {
        const auto database = api.database();
        services::complete_second_step(*database, token, code, sessions.origin(asked.raw()).address, now, sessions.rules());
    } catch (const services::sign_in_refused &refused) {
        refuse(refused);
    }
    const auto found = [&] {
        const auto database = api.database();
        return services::find_session(*database, token, now, sessions.rules(), false);
    }();
    if (!found.session) refuse(services::sign_in_refused(services::sign_in_refused::reason::no_second_step_pending));
    asked.note("signed in");
    reply.json(session_json(api, session_principal(*found.session, now, sessions.rules())));
}

void keep_alive(const api_services &api, const request &asked, response &reply) {
    principal who = asked.who();
    if (api.sessions != nullptr && !who.session_token_hash.empty()) {
        const auto database = api.database();
        services::keep_session_alive(*database, who.session_token_hash, api.sessions->now());
        who.idle_seconds_left = who.idle_limit_seconds;
    }
    asked.note("stayed signed in");
    reply.json(session_json(api, who));
}

void sign_out(const api_services &api, const request &asked, response &reply) {
    if (api.sessions != nullptr) {
        const auto database = api.database();
        services::end_session(*database, session_token(asked.raw()));
    }
    asked.note("signed out");
    set_session_cookie(reply, api.sessions ? api.sessions->origin(asked.raw()) : client_origin{}, "", true);
    reply.raw().setStatusAndReason(status::HTTP_NO_CONTENT);
    reply.raw().setContentLength(0);
    reply.raw().send();
}

void change_own_password(const api_services &api, const request &asked, response &reply) {
    const json_object body = asked.json_body();
    const std::string current = body.required_string("current");
    const std::string replacement = body.required_string("new");
    try {
        const auto database = api.database();
        services::change_password(*database, asked.who().id, current, replacement, asked.who().session_token_hash);
    } catch (const services::user_error &refused) {
        const std::string message = refused.what();
        throw invalid(message.substr(0, message.find(':')), message);
    }
    asked.note("changed their password");
    reply.raw().setStatusAndReason(status::HTTP_NO_CONTENT);
    reply.raw().setContentLength(0);
    reply.raw().send();
}

}  // namespace

void add_session_routes(router &routes, const api_services &api) {
    routes.add("POST", session_path, permission::anyone,
               [&api](const request &asked, response &reply) { sign_in(api, asked, reply); });
    routes.add("POST", session_path + "/second-step", permission::second_step,
               [&api](const request &asked, response &reply) { second_step(api, asked, reply); });
    routes.add("GET", session_path, permission::watch_session,
               [&api](const request &asked, response &reply) { reply.json(session_json(api, asked.who())); });
    routes.add("POST", session_path + "/keep-alive", permission::own_session,
               [&api](const request &asked, response &reply) { keep_alive(api, asked, reply); });
    routes.add("DELETE", session_path, permission::own_session,
               [&api](const request &asked, response &reply) { sign_out(api, asked, reply); });
    routes.add("POST", session_path + "/password", permission::own_session,
               [&api](const request &asked, response &reply) { change_own_password(api, asked, reply); });
}

}  // namespace waymark::http
