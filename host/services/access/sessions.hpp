// Signing in and staying signed in (issue 7). A session lives in the database, so several host
// processes share them; the browser holds a random token and the database only its SHA-256. Sign-in
// is two steps: the password opens a session that waits for the second step, a TOTP code completes
// it. Failed attempts are counted per user name and per address, and too many in the window stop
// further tries for a while. A session ends when idle past the limit (sliding: any request counts
// as activity, written at most once a minute per session so reads stay reads).
#pragma once

#include "services/access/users.hpp"
#include "store/database.hpp"

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace waymark::services {

using instant = std::chrono::sys_seconds;
// 'YYYY-MM-DDTHH:MM:SSZ', the form every wm_ table stores instants in, and back.
std::string instant_text(instant at);
std::optional<instant> parse_instant(std::string_view text);
instant now_instant();

struct sign_in_rules {
    std::chrono::seconds idle_limit{3600};     // seed 000: 60 minutes
    std::chrono::seconds warn_before{300};     // the page warns at 55
    int failures_allowed = 5;                  // per user name and per address...
    std::chrono::seconds failure_window{900};  // ...in 15 minutes
    std::chrono::seconds touch_interval{60};   // last_seen is written at most this often
};

class sign_in_refused : public std::runtime_error {
public:
    enum class reason { wrong_credentials, wrong_code, too_many_attempts, no_second_step_pending };
    sign_in_refused(reason why, int minutes_to_wait = 0);
    reason why() const { return why_; }
    int minutes_to_wait() const { return minutes_; }

private:
    reason why_;
    int minutes_;
};

// Step one: the user name and password. Returns the new session's token (for the cookie); the
// session waits for the second step. Throws sign_in_refused (wrong_credentials, the same for an
// unknown name, a wrong password and a disabled user; or too_many_attempts).
std::string start_session(store::database &db, std::string_view username, std::string_view password,
                          const std::string &address, instant now, const sign_in_rules &rules);

// Step two: the code the user's authenticator shows now (one step either side allowed), never one
// already used. Throws sign_in_refused (wrong_code, counted as a failed attempt; too_many_attempts;
// no_second_step_pending for a token that names no waiting session).
void complete_second_step(store::database &db, std::string_view token, std::string_view code, const std::string &address,
                          instant now, const sign_in_rules &rules);

struct active_session {
    user who;
    std::string token_hash;
    std::string csrf_token;
    bool second_step_done = false;
    instant last_seen{};

    std::chrono::seconds idle_left(instant now, const sign_in_rules &rules) const;
};

enum class session_state { active, unknown, expired };

struct found_session {
    session_state state = session_state::unknown;
    std::optional<active_session> session;  // when active
};

// The session a token names: unknown (no such session, or its user is disabled), expired (idle past
// the limit) or active. One indexed read (and one for a teacher's classes or an authority's grants);
// with `activity`, last_seen moves to `now` when it is older than the touch interval.
found_session find_session(store::database &db, std::string_view token, instant now, const sign_in_rules &rules,
                           bool activity);

// "Stay signed in": last_seen becomes `now` whatever its age.
void keep_session_alive(store::database &db, const std::string &token_hash, instant now);

// Signs out: the session is gone (nothing happens for an unknown token).
void end_session(store::database &db, std::string_view token);

}  // namespace waymark::services
