// Sessions on SQLite and PostgreSQL: the two sign-in steps, a code used once, throttling after five
// failures per name or address in 15 minutes, sliding idle expiry written at most once a minute.
#include "user_fixture.hpp"

#include <gmock/gmock.h>

namespace waymark::testing {
namespace {

using domain::user_role;
using services::session_state;
using services::sign_in_refused;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

class sessions_test : public user_test {
protected:
    sign_in_refused::reason refusal(const std::function<void()> &attempt) {
        try {
            attempt();
        } catch (const sign_in_refused &refused) {
            last_refusal = refused.what();
            return refused.why();
        }
        ADD_FAILURE() << "not refused";
        return sign_in_refused::reason::no_second_step_pending;
    }
    std::string last_seen(const std::string &token) {
        std::string seen;
        const std::string hash = services::sha256_hex(token);
        db().session() << "SELECT last_seen FROM wm_sessions WHERE token_hash = :h", soci::into(seen), soci::use(hash);
        return seen;
    }

    services::sign_in_rules rules;
    std::string last_refusal;
};

TEST_P(sessions_test, sign_in_takes_the_password_then_a_code_and_the_session_names_the_user) {
    const auto made = add("teacher4", user_role::teacher, {"4A"});
    const auto token = services::start_session(db(), "teacher4", made.password, "10.0.0.5", monday_morning, rules);
    auto found = services::find_session(db(), token, monday_morning, rules, true);
    ASSERT_EQ(found.state, session_state::active);
    EXPECT_FALSE(found.session->second_step_done);
    EXPECT_EQ(refusal([&] { services::complete_second_step(db(), token, "000000", "10.0.0.5", monday_morning, rules); }),
              sign_in_refused::reason::wrong_code);
    services::complete_second_step(db(), token, code_at(made, monday_morning), "10.0.0.5", monday_morning, rules);
    found = services::find_session(db(), token, monday_morning + seconds(10), rules, true);
    ASSERT_EQ(found.state, session_state::active);
    EXPECT_TRUE(found.session->second_step_done);
    EXPECT_EQ(found.session->who.username, "teacher4");
    EXPECT_EQ(found.session->who.classes, (std::vector<std::string>{"4A"}));
    EXPECT_EQ(found.session->csrf_token.size(), 64U);
    std::string stored;
    db().session() << "SELECT token_hash FROM wm_sessions", soci::into(stored);
    EXPECT_EQ(stored, services::sha256_hex(token));  // never the token itself
    EXPECT_EQ(services::find_session(db(), "not-a-token", monday_morning, rules, true).state, session_state::unknown);
}

TEST_P(sessions_test, a_code_is_accepted_one_step_either_side_and_only_once) {
    const auto made = add("head", user_role::leader);
    const auto first = services::start_session(db(), "head", made.password, "10.0.0.5", monday_morning, rules);
    const auto second = services::start_session(db(), "head", made.password, "10.0.0.5", monday_morning, rules);
    const std::string previous_code = code_at(made, monday_morning - seconds(30));
    services::complete_second_step(db(), first, previous_code, "10.0.0.5", monday_morning, rules);
    EXPECT_EQ(refusal([&] { services::complete_second_step(db(), second, previous_code, "10.0.0.5", monday_morning, rules); }),
              sign_in_refused::reason::wrong_code);
    EXPECT_EQ(refusal([&] {
                  services::complete_second_step(db(), second, code_at(made, monday_morning - seconds(60)), "10.0.0.5",
                                                 monday_morning, rules);
              }),
              sign_in_refused::reason::wrong_code);
    services::complete_second_step(db(), second, code_at(made, monday_morning + seconds(30)), "10.0.0.5", monday_morning, rules);
    EXPECT_EQ(refusal([&] { services::complete_second_step(db(), second, "123456", "10.0.0.5", monday_morning, rules); }),
              sign_in_refused::reason::no_second_step_pending);
}

TEST_P(sessions_test, five_failures_for_a_name_stop_it_for_the_rest_of_the_window) {
    const auto made = add("head", user_role::leader);
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(refusal([&] {
                      services::start_session(db(), "head", "guess", "10.0.0." + std::to_string(i), monday_morning + minutes(i), rules);
                  }),
                  sign_in_refused::reason::wrong_credentials);
        EXPECT_EQ(last_refusal, "The user name or password is wrong.");
    }
    // The first failure (09:00) leaves the window at 09:15: at 09:06 that is 9 minutes away.
    EXPECT_EQ(refusal([&] { services::start_session(db(), "head", made.password, "10.0.0.9", monday_morning + minutes(6), rules); }),
              sign_in_refused::reason::too_many_attempts);
    EXPECT_EQ(last_refusal, "Too many failed sign-in attempts; wait 9 minutes and try again.");
    EXPECT_FALSE(services::start_session(db(), "head", made.password, "10.0.0.9", monday_morning + minutes(15), rules).empty());
}

TEST_P(sessions_test, five_failures_from_an_address_stop_it_for_every_name) {
    const auto made = add("head", user_role::leader);
    for (const char *name : {"a", "b", "c", "d", "nobody"}) {
        EXPECT_EQ(refusal([&] { services::start_session(db(), name, "guess", "10.0.0.66", monday_morning, rules); }),
                  sign_in_refused::reason::wrong_credentials);
    }
    EXPECT_EQ(refusal([&] { services::start_session(db(), "head", made.password, "10.0.0.66", monday_morning, rules); }),
              sign_in_refused::reason::too_many_attempts);
    EXPECT_FALSE(services::start_session(db(), "head", made.password, "10.0.0.7", monday_morning, rules).empty());
}

TEST_P(sessions_test, a_session_expires_when_idle_past_the_limit_and_activity_slides_it) {
    const auto made = add("head", user_role::leader);
    const auto token = services::start_session(db(), "head", made.password, "10.0.0.5", monday_morning, rules);
    services::complete_second_step(db(), token, code_at(made, monday_morning), "10.0.0.5", monday_morning, rules);
    // Within a minute of the last write nothing is written: reads stay reads.
    services::find_session(db(), token, monday_morning + seconds(59), rules, true);
    EXPECT_EQ(last_seen(token), "2026-02-10T09:00:00Z");
    // Watching (the page's poll) is not activity.
    auto found = services::find_session(db(), token, monday_morning + minutes(50), rules, false);
    EXPECT_EQ(last_seen(token), "2026-02-10T09:00:00Z");
    EXPECT_EQ(found.session->idle_left(monday_morning + minutes(50), rules), minutes(10));
    found = services::find_session(db(), token, monday_morning + minutes(55), rules, true);
    EXPECT_EQ(last_seen(token), "2026-02-10T09:55:00Z");
    EXPECT_EQ(found.session->idle_left(monday_morning + minutes(55), rules), minutes(60));
    services::keep_session_alive(db(), found.session->token_hash, monday_morning + minutes(56));
    EXPECT_EQ(services::find_session(db(), token, monday_morning + minutes(116), rules, false).state, session_state::active);
    EXPECT_EQ(services::find_session(db(), token, monday_morning + minutes(116) + seconds(1), rules, true).state,
              session_state::expired);
    services::end_session(db(), token);
    EXPECT_EQ(services::find_session(db(), token, monday_morning, rules, true).state, session_state::unknown);
}

TEST_P(sessions_test, a_new_session_clears_sessions_idle_a_day_past_the_limit_and_attempts_past_the_window) {
    const auto made = add("head", user_role::leader);
    refusal([&] { services::start_session(db(), "head", "guess", "10.0.0.5", monday_morning, rules); });  // counted until 09:15
    const auto old = services::start_session(db(), "head", made.password, "10.0.0.5", monday_morning, rules);
    const auto count = [&](const char *table) {
        int rows = 0;
        db().session() << "SELECT CAST(COUNT(*) AS INTEGER) FROM " + std::string(table), soci::into(rows);
        return rows;
    };
    EXPECT_EQ(count("wm_login_attempts"), 1);
    services::start_session(db(), "head", made.password, "10.0.0.5", monday_morning + minutes(16), rules);
    EXPECT_EQ(count("wm_login_attempts"), 0);  // the failure left the window
    EXPECT_EQ(count("wm_sessions"), 2);        // the morning's session is expired but still says so
    EXPECT_EQ(services::find_session(db(), old, monday_morning + hours(2), rules, false).state, session_state::expired);
    services::start_session(db(), "head", made.password, "10.0.0.5", monday_morning + hours(25) + seconds(1), rules);
    EXPECT_EQ(count("wm_sessions"), 2);  // the first went; the one from 09:16 has 15 minutes to go
    EXPECT_EQ(services::find_session(db(), old, monday_morning + hours(25), rules, false).state, session_state::unknown);
}

TEST_P(sessions_test, instants_are_written_and_read_in_the_stored_form) {
    EXPECT_EQ(services::instant_text(monday_morning + seconds(3723)), "2026-02-10T10:02:03Z");
    EXPECT_EQ(services::parse_instant("2026-02-10"), std::nullopt);
    EXPECT_EQ(services::parse_instant("2026-02-30T10:00:00Z"), std::nullopt);
}

WAYMARK_ON_EVERY_DATABASE(sessions_test);

}  // namespace
}  // namespace waymark::testing
