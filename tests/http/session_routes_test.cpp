// Signing in and out through a real server (web-contract.md): the two steps, the cookie, the
// session JSON, wrong credentials and codes, throttling, idle expiry that GET /session does not
// slide, "stay signed in", CSRF on every change and sign-out.
#include "signed_in_api.hpp"

#include <gmock/gmock.h>

namespace waymark::testing {
namespace {

using domain::user_role;
using ::testing::HasSubstr;
using std::chrono::minutes;

class session_routes : public signed_in_api {};

TEST_F(session_routes, the_password_then_the_code_sign_in_and_the_session_says_who_and_what) {
    const auto made = add_user("teacher4", user_role::teacher, {"4A", "4B"});
    browser page = new_browser();
    EXPECT_EQ(page.send("GET", "/api/v1/session").error_fields(),
              "unauthenticated|null|This request does not say who sent it in a way the server accepts; sign in first.");
    const auto first = page.send("POST", "/api/v1/session", R"({"username": "teacher4", "password": ")" + made.password + "\"}");
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(first.body, R"({"second_step":"totp"})");
    EXPECT_THAT(first.header("Set-Cookie"), ::testing::MatchesRegex("waymark_session=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict"));
    page.client->always_sent["Cookie"] = cookie_of(first);

    const auto waiting = page.send("GET", "/api/v1/schools/8012000/pupils");
    EXPECT_EQ(waiting.status, 401);
    EXPECT_THAT(waiting.error_fields(), HasSubstr("second_step_required|"));
    const auto wrong = page.send("POST", "/api/v1/session/second-step", R"({"code": "000000"})");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_THAT(wrong.error_fields(), HasSubstr("wrong_code|code|"));

    const auto session = page.send("POST", "/api/v1/session/second-step", R"({"code": ")" + code_at(made, now) + "\"}");
    ASSERT_EQ(session.status, 200) << session.body;
    const auto json = session.json();
    EXPECT_EQ(json->getValue<std::string>("username"), "teacher4");
    EXPECT_EQ(json->getValue<std::string>("role"), "teacher");
    EXPECT_EQ(json->getValue<std::string>("school"), "8012000");
    EXPECT_EQ(json->getArray("classes")->size(), 2U);
    ASSERT_EQ(json->getArray("schools")->size(), 1U);
    EXPECT_EQ(json->getArray("schools")->getObject(0)->getValue<std::string>("name"), "Brookside Primary");
    EXPECT_EQ(json->getValue<std::string>("csrf_token").size(), 64U);
    EXPECT_EQ(json->getValue<int>("idle_seconds_left"), 3600);
    EXPECT_EQ(json->getValue<int>("idle_limit_seconds"), 3600);
    EXPECT_EQ(json->getValue<int>("warn_at_seconds_left"), 300);
    EXPECT_EQ(page.send("GET", "/api/v1/schools/8012000/pupils").status, 200);
    // The same code again is refused: it was used.
    EXPECT_EQ(page.send("POST", "/api/v1/session/second-step", R"({"code": ")" + code_at(made, now) + "\"}").status, 409);
}

TEST_F(session_routes, a_wrong_name_or_password_is_one_sentence_and_five_failures_stop_the_address) {
    const auto made = add_user("head", user_role::leader);
    browser page = new_browser();
    const auto unknown = page.send("POST", "/api/v1/session", R"({"username": "nobody", "password": "x"})");
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(unknown.error_fields(), "wrong_credentials|null|The user name or password is wrong.");
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(page.send("POST", "/api/v1/session", R"({"username": "head", "password": "guess"})").error_fields(),
                  "wrong_credentials|null|The user name or password is wrong.");
    }
    // Five failures from this address: even the right password waits out the window.
    const auto stopped = page.send("POST", "/api/v1/session", R"({"username": "head", "password": ")" + made.password + "\"}");
    EXPECT_EQ(stopped.status, 429);
    EXPECT_EQ(stopped.error_fields(), "too_many_attempts|null|Too many failed sign-in attempts; wait 15 minutes and try again.");
    EXPECT_EQ(stopped.header("Retry-After"), "900");
    EXPECT_EQ(rows_in("wm_sessions"), 0);
    now += minutes(15);
    EXPECT_EQ(page.send("POST", "/api/v1/session", R"({"username": "head", "password": ")" + made.password + "\"}").status, 200);
}

TEST_F(session_routes, behind_a_trusted_proxy_each_browsers_own_address_is_throttled_and_https_makes_the_cookie_secure) {
    const auto made = add_user("head", user_role::leader);
    browser guesser = new_browser();
    guesser.client->always_sent["X-Forwarded-For"] = "172.16.4.7";
    for (int i = 0; i < 5; ++i)
        guesser.send("POST", "/api/v1/session", R"({"username": "nobody", "password": "guess"})");
    EXPECT_EQ(guesser.send("POST", "/api/v1/session", R"({"username": "head", "password": ")" + made.password + "\"}").status, 429);
    // Another school computer behind the same proxy is not stopped by the guesser's failures.
    browser colleague = new_browser();
    colleague.client->always_sent["X-Forwarded-For"] = "172.16.4.8";
    colleague.client->always_sent["X-Forwarded-Proto"] = "https";
    const auto signed_in = colleague.send("POST", "/api/v1/session", R"({"username": "head", "password": ")" + made.password + "\"}");
    EXPECT_EQ(signed_in.status, 200);
    EXPECT_NE(signed_in.header("Set-Cookie").find("; Secure"), std::string::npos) << signed_in.header("Set-Cookie");
    const auto database = pool->acquire();
    long long from_guesser = 0;
    database->session() << "SELECT COUNT(*) FROM wm_login_attempts WHERE address = '172.16.4.7' AND ok = 0", soci::into(from_guesser);
    EXPECT_EQ(from_guesser, 5);
}

TEST_F(session_routes, a_session_idle_past_the_limit_is_expired_and_watching_it_does_not_slide_it) {
    browser page = signed_in(add_user("head", user_role::leader));
    now += minutes(50);
    const auto watched = page.send("GET", "/api/v1/session");
    EXPECT_EQ(watched.json()->getValue<int>("idle_seconds_left"), 600);
    now += minutes(10) + std::chrono::seconds(1);
    const auto expired = page.send("GET", "/api/v1/schools");
    EXPECT_EQ(expired.status, 401);
    EXPECT_EQ(expired.error_fields(), "session_expired|null|You were signed out after 60 minutes without activity; sign in again.");
}

TEST_F(session_routes, activity_and_stay_signed_in_slide_the_idle_limit) {
    browser page = signed_in(add_user("head", user_role::leader));
    now += minutes(30);
    EXPECT_EQ(page.send("GET", "/api/v1/schools/8012000/pupils").status, 200);
    now += minutes(55);
    const auto kept = page.send("POST", "/api/v1/session/keep-alive");
    ASSERT_EQ(kept.status, 200) << kept.body;
    EXPECT_EQ(kept.json()->getValue<int>("idle_seconds_left"), 3600);
    now += minutes(59);
    EXPECT_EQ(page.send("GET", "/api/v1/session").status, 200);
}

TEST_F(session_routes, every_change_needs_the_csrf_token_and_a_refusal_changes_nothing) {
    browser page = signed_in(add_user("head", user_role::leader));
    const std::string token = page.csrf_token;
    const std::string group = R"({"name": "Booster"})";
    page.client->always_sent.erase(http::csrf_header);
    const auto missing = page.send("POST", "/api/v1/schools/8012000/groups", group);
    EXPECT_EQ(missing.error_fields(), "csrf|null|The page's security token is missing or stale; reload the page.");
    page.client->always_sent[http::csrf_header] = std::string(64, '0');
    EXPECT_EQ(page.send("POST", "/api/v1/schools/8012000/groups", group).status, 403);
    EXPECT_EQ(rows_in("wm_groups"), 0);
    page.client->always_sent[http::csrf_header] = token;
    EXPECT_EQ(page.send("POST", "/api/v1/schools/8012000/groups", group).status, 201);
}

TEST_F(session_routes, signing_out_ends_the_session_and_clears_the_cookie) {
    browser page = signed_in(add_user("head", user_role::leader));
    const auto out = page.send("DELETE", "/api/v1/session");
    EXPECT_EQ(out.status, 204);
    EXPECT_THAT(out.header("Set-Cookie"), HasSubstr("waymark_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"));
    EXPECT_EQ(page.send("GET", "/api/v1/session").status, 401);
    EXPECT_EQ(rows_in("wm_sessions"), 0);
}

TEST_F(session_routes, a_user_changes_their_own_password_with_the_current_one) {
    const auto made = add_user("head", user_role::leader);
    browser page = signed_in(made);
    const auto wrong = page.send("POST", "/api/v1/session/password", R"({"current": "nope", "new": "a long new password"})");
    EXPECT_EQ(wrong.error_fields(), "invalid|current|current: the current password is wrong.");
    const auto changed =
        page.send("POST", "/api/v1/session/password", R"({"current": ")" + made.password + R"(", "new": "a long new password"})");
    EXPECT_EQ(changed.status, 204) << changed.body;
    EXPECT_EQ(page.send("GET", "/api/v1/session").status, 200);  // this session stays
    browser other = new_browser();
    EXPECT_EQ(other.send("POST", "/api/v1/session", R"({"username": "head", "password": "a long new password"})").status, 200);
}

}  // namespace
}  // namespace waymark::testing
