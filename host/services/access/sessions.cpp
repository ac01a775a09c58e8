#include "services/access/sessions.hpp"

#include "services/access/credentials.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

namespace waymark::services {

namespace {

std::string refusal_text(sign_in_refused::reason why, int minutes) {
    switch (why) {
        case sign_in_refused::reason::wrong_credentials: return "The user name or password is wrong.";
        case sign_in_refused::reason::wrong_code:
            return "That code is wrong or was used already; type the six digits your authenticator shows now.";
        case sign_in_refused::reason::too_many_attempts:
            return "Too many failed sign-in attempts; wait " + std::to_string(minutes) +
                   (minutes == 1 ? " minute" : " minutes") + " and try again.";
        case sign_in_refused::reason::no_second_step_pending:
            return "No sign-in is waiting for its second step; sign in with your user name and password first.";
    }
    return "Sign-in refused.";
}

void record_attempt(soci::session &session, std::string_view username, const std::string &address, instant at, bool ok) {
    const std::string name(username.substr(0, 60)), where = address.substr(0, 64), when = instant_text(at);
    const int succeeded = ok ? 1 : 0;
    session << "INSERT INTO wm_login_attempts (username, address, at, ok) VALUES (:n, :a, :t, :k)", soci::use(name, "n"),
        soci::use(where, "a"), soci::use(when, "t"), soci::use(succeeded, "k");
}

std::vector<std::string> failure_times(soci::session &session, const std::string &column, const std::string &value,
                                       const std::string &since) {
    std::vector<std::string> times(64);
    std::vector<std::string> all;
    soci::statement rows = (session.prepare << "SELECT at FROM wm_login_attempts WHERE " + column +
                                                   " = :v AND at > :since AND ok = 0 ORDER BY at",
                            soci::into(times), soci::use(value, "v"), soci::use(since, "since"));
    rows.execute();
    while (rows.fetch()) {
        all.insert(all.end(), times.begin(), times.end());
        times.resize(64);
    }
    return all;
}

// Refuses with the minutes to wait when the name or the address has used up its failures in the
// window. A user name's count starts again after its last successful sign-in.
void check_throttle(soci::session &session, std::string_view username, const std::string &address, instant now,
                    const sign_in_rules &rules) {
    const std::string window_start = instant_text(now - rules.failure_window);
    const std::string name(username);
    std::string last_success;
    soci::indicator none = soci::i_ok;
    session << "SELECT MAX(at) FROM wm_login_attempts WHERE username = :n AND ok = 1", soci::into(last_success, none),
        soci::use(name, "n");
    const std::string name_since = none == soci::i_ok ? std::max(window_start, last_success) : window_start;
    long long wait_seconds = 0;
    for (const auto &failures : {failure_times(session, "username", name, name_since),
                                 failure_times(session, "address", address, window_start)}) {
        const auto allowed = static_cast<std::size_t>(rules.failures_allowed);
        if (failures.size() < allowed) continue;
        // The count falls below the limit when this failure leaves the window.
        const auto freeing = parse_instant(failures[failures.size() - allowed]).value_or(now) + rules.failure_window;
        wait_seconds = std::max<long long>(wait_seconds, (freeing - now).count());
    }
    if (wait_seconds > 0) {
        throw sign_in_refused(sign_in_refused::reason::too_many_attempts, static_cast<int>((wait_seconds + 59) / 60));
    }
}

// Rows nobody can use any more go as new sessions come: sessions idle a day past the limit (not at
// once, so someone back after a short lapse is still told their session expired rather than that
// they never signed in), and attempts older than the throttling window.
void prune(soci::session &session, instant now, const sign_in_rules &rules) {
    const std::string stale_session = instant_text(now - rules.idle_limit - std::chrono::hours{24});
    const std::string stale_attempt = instant_text(now - rules.failure_window);
    session << "DELETE FROM wm_sessions WHERE last_seen < :t", soci::use(stale_session, "t");
    session << "DELETE FROM wm_login_attempts WHERE at < :t", soci::use(stale_attempt, "t");
}

struct session_row {
    long long user_id = 0;
    std::string csrf_token;
    int second_step_done = 0;
    std::string last_seen;
};

}  // namespace

sign_in_refused::sign_in_refused(reason why, int minutes_to_wait)
    : std::runtime_error(refusal_text(why, minutes_to_wait)), why_(why), minutes_(minutes_to_wait) {}

std::string instant_text(instant at) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[sizeof "2025-09-01T08:30:00Z"];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::optional<instant> parse_instant(std::string_view text) {
    int year = 0;
    unsigned month = 0, day = 0;
    int hour = 0, minute = 0, second = 0;
    char zone = 0;
    const std::string copy(text);
    if (copy.size() != 20 ||
        std::sscanf(copy.c_str(), "%4d-%2u-%2uT%2d:%2d:%2d%c", &year, &month, &day, &hour, &minute, &second, &zone) != 7 ||
        zone != 'Z')
        return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    if (!date.ok() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
    return std::chrono::sys_days{date} + std::chrono::hours{hour} + std::chrono::minutes{minute} + std::chrono::seconds{second};
}

instant now_instant() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

std::chrono::seconds active_session::idle_left(instant now, const sign_in_rules &rules) const {
    return std::max(std::chrono::seconds{0}, rules.idle_limit - (now - last_seen));
}

std::string start_session(store::database &db, std::string_view username, std::string_view password,
                          const std::string &address, instant now, const sign_in_rules &rules) {
    const std::string name(username);
    db.transaction("checking sign-in attempts", [&](soci::session &session) { check_throttle(session, name, address, now, rules); });
    long long user_id = 0;
    std::string hash;
    int disabled = 0;
    db.session() << "SELECT id, password_hash, disabled FROM wm_users WHERE username = :n", soci::into(user_id),
        soci::into(hash), soci::into(disabled), soci::use(name, "n");
    const bool known = db.session().got_data();
    const bool right = known ? password_matches(hash, password) : (spend_password_check_time(password), false);
    if (!right || disabled != 0) {
        db.transaction("recording a failed sign-in", [&](soci::session &session) { record_attempt(session, name, address, now, false); });
        throw sign_in_refused(sign_in_refused::reason::wrong_credentials);
    }
    const std::string token = random_token(), token_hash = sha256_hex(token), csrf = random_token();
    const std::string at = instant_text(now);
    db.transaction("starting a session", [&](soci::session &session) {
        prune(session, now, rules);
        session << "INSERT INTO wm_sessions (token_hash, user_id, created_at, last_seen, second_step_done, csrf_token) "
                   "VALUES (:h, :u, :c, :l, 0, :x)",
            soci::use(token_hash, "h"), soci::use(user_id, "u"), soci::use(at, "c"), soci::use(at, "l"), soci::use(csrf, "x");
    });
    return token;
}

void complete_second_step(store::database &db, std::string_view token, std::string_view code, const std::string &address,
                          instant now, const sign_in_rules &rules) {
    const std::string token_hash = sha256_hex(token);
    std::string username, secret, last_seen;
    long long last_step = 0;
    int done = 0;
    db.session() << "SELECT u.username, u.totp_secret, u.totp_last_step, s.second_step_done, s.last_seen FROM wm_sessions s "
                    "JOIN wm_users u ON u.id = s.user_id WHERE s.token_hash = :h AND u.disabled = 0",
        soci::into(username), soci::into(secret), soci::into(last_step), soci::into(done), soci::into(last_seen),
        soci::use(token_hash, "h");
    if (!db.session().got_data() || done != 0 || now - parse_instant(last_seen).value_or(instant{}) > rules.idle_limit)
        throw sign_in_refused(sign_in_refused::reason::no_second_step_pending);
    db.transaction("checking sign-in attempts", [&](soci::session &session) { check_throttle(session, username, address, now, rules); });
    const std::string key = base32_decode(secret).value_or("");
    const std::int64_t step = totp_step(now.time_since_epoch().count());
    std::optional<std::int64_t> matched;
    for (std::int64_t candidate = step - 1; candidate <= step + 1; ++candidate) {
        if (candidate > last_step && same_secret(totp_code(key, candidate), code)) matched = candidate;
    }
    db.transaction("completing a sign-in", [&](soci::session &session) {
        record_attempt(session, username, address, now, matched.has_value());
        if (!matched) return;
        // Only the first of two racing requests with the same code moves the step on.
        const long long used = *matched;
        soci::statement claim = (session.prepare << "UPDATE wm_users SET totp_last_step = :step WHERE username = :n AND "
                                                    "totp_last_step < :step2",
                                 soci::use(used, "step"), soci::use(username, "n"), soci::use(used, "step2"));
        claim.execute(true);
        if (claim.get_affected_rows() != 1) {
            matched.reset();
            return;
        }
        const std::string at = instant_text(now);
        session << "UPDATE wm_sessions SET second_step_done = 1, last_seen = :l WHERE token_hash = :h", soci::use(at, "l"),
            soci::use(token_hash, "h");
    });
    if (!matched) throw sign_in_refused(sign_in_refused::reason::wrong_code);
}

found_session find_session(store::database &db, std::string_view token, instant now, const sign_in_rules &rules,
                           bool activity) {
    if (token.empty()) return {};
    const std::string token_hash = sha256_hex(token);
    active_session found;
    found.token_hash = token_hash;
    std::string role, last_seen;
    int done = 0, disabled = 0;
    soci::session &session = db.session();
    session << "SELECT s.csrf_token, s.second_step_done, s.last_seen, u.id, u.username, u.display_name, u.role, "
               "COALESCE(CAST(sc.la_number || sc.establishment_number AS VARCHAR(7)), ''), u.disabled, u.created_at "
               "FROM wm_sessions s JOIN wm_users u ON u.id = s.user_id LEFT JOIN wm_schools sc ON sc.id = u.school_id "
               "WHERE s.token_hash = :h",
        soci::into(found.csrf_token), soci::into(done), soci::into(last_seen), soci::into(found.who.id),
        soci::into(found.who.username), soci::into(found.who.display_name), soci::into(role), soci::into(found.who.school),
        soci::into(disabled), soci::into(found.who.created_at), soci::use(token_hash, "h");
    if (!session.got_data() || disabled != 0) return {};
    found.last_seen = parse_instant(last_seen).value_or(instant{});
    if (now - found.last_seen > rules.idle_limit) return {session_state::expired, std::nullopt};
    found.who.role = domain::parse_role(role).value_or(domain::user_role::read_only);
    found.second_step_done = done != 0;
    load_user_scope(session, found.who);
    if (activity && now - found.last_seen >= rules.touch_interval) {
        keep_session_alive(db, token_hash, now);
        found.last_seen = now;
    }
    return {session_state::active, std::move(found)};
}

void keep_session_alive(store::database &db, const std::string &token_hash, instant now) {
    const std::string at = instant_text(now);
    db.transaction("keeping a session alive", [&](soci::session &session) {
        session << "UPDATE wm_sessions SET last_seen = :l WHERE token_hash = :h", soci::use(at, "l"), soci::use(token_hash, "h");
    });
}

void end_session(store::database &db, std::string_view token) {
    const std::string token_hash = sha256_hex(token);
    db.transaction("signing out", [&](soci::session &session) {
        session << "DELETE FROM wm_sessions WHERE token_hash = :h", soci::use(token_hash, "h");
    });
}

}  // namespace waymark::services
