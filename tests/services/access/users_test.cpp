// Users on SQLite and PostgreSQL: adding with a generated password and TOTP secret, each role's
// scope checked (a teacher's classes, an authority's grants), changes, resets and disabling, which
// end the user's sessions.
#include "user_fixture.hpp"

#include <gmock/gmock.h>

namespace waymark::testing {
namespace {

using domain::user_role;
using ::testing::HasSubstr;
using strings = std::vector<std::string>;

class users_test : public user_test {};

TEST_P(users_test, a_teacher_is_added_with_their_classes_and_a_hashed_password) {
    const auto made = add("teacher4", user_role::teacher, {"4B", "4A", "4B"});
    EXPECT_EQ(made.account.username, "teacher4");
    EXPECT_EQ(made.account.display_name, "teacher4");
    EXPECT_EQ(made.account.role, user_role::teacher);
    EXPECT_EQ(made.account.school, "8012000");
    EXPECT_EQ(made.account.classes, (strings{"4A", "4B"}));
    EXPECT_EQ(made.account.open_schools(), (strings{"8012000"}));
    EXPECT_EQ(made.totp_uri, services::totp_uri("Waymark", "teacher4", made.totp_secret));
    std::string stored;
    db().session() << "SELECT password_hash FROM wm_users WHERE username = 'teacher4'", soci::into(stored);
    EXPECT_TRUE(stored.starts_with("$argon2id$"));
    EXPECT_TRUE(services::password_matches(stored, made.password));
    EXPECT_EQ(services::existing_user(db().session(), "teacher4").classes, (strings{"4A", "4B"}));
}

TEST_P(users_test, an_authority_user_opens_the_granted_schools_only) {
    const auto made = add("adviser", user_role::authority, {}, {"8013000", "8012000"});
    EXPECT_EQ(made.account.school, "");
    EXPECT_EQ(made.account.open_schools(), (strings{"8012000", "8013000"}));
    add("head", user_role::leader);
    const auto at_brookside = services::list_users(db().session(), "8012000");
    ASSERT_EQ(at_brookside.size(), 2U);
    EXPECT_EQ(at_brookside[0].username, "adviser");
    EXPECT_EQ(at_brookside[1].username, "head");
    EXPECT_EQ(services::list_users(db().session(), "8013000").size(), 1U);
}

TEST_P(users_test, a_school_is_granted_to_an_authority_user_only) {
    add("adviser", user_role::authority, {}, {"8012000"});
    add("head", user_role::administrator);
    db().transaction("granting Hillside", [&](soci::session &session) { services::grant_school(session, "adviser", hillside_.id); });
    EXPECT_EQ(services::existing_user(db().session(), "adviser").open_schools(), (strings{"8012000", "8013000"}));
    EXPECT_THAT([&] { services::grant_school(db().session(), "head", hillside_.id); },
                ::testing::ThrowsMessage<services::user_error>("schools: only an authority user is granted schools; head's role is administrator."));
}

TEST_P(users_test, wrong_input_is_refused_with_the_field_and_nothing_is_added) {
    add("head", user_role::leader);
    const auto refusal = [&](const services::user_details &details) {
        try {
            services::add_user(db(), details, "2026-02-01T08:00:00Z");
        } catch (const services::user_error &refused) {
            return std::string(refused.what());
        }
        return std::string("added");
    };
    EXPECT_THAT(refusal({"head", "", user_role::leader, "8012000", {}, {}}), HasSubstr("already a user \"head\""));
    EXPECT_THAT(refusal({"Head Teacher", "", user_role::leader, "8012000", {}, {}}), HasSubstr("username must be"));
    EXPECT_EQ(refusal({"t", "", user_role::teacher, "8012000", {"4Z"}, {}}),
              "classes: the school has no class \"4Z\"; its classes are 4A, 4B, 5A.");
    EXPECT_THAT(refusal({"g", "", user_role::read_only, "", {}, {}}), HasSubstr("school: a read_only belongs to one school"));
    EXPECT_THAT(refusal({"g", "", user_role::read_only, "8012000", {"4A"}, {}}), HasSubstr("classes: only a teacher"));
    EXPECT_THAT(refusal({"a", "", user_role::authority, "8012000", {}, {}}), HasSubstr("school: an authority user"));
    EXPECT_THAT(refusal({"a", "", user_role::authority, "", {}, {"9999999"}}), HasSubstr("no school \"9999999\""));
    EXPECT_EQ(services::list_users(db().session()).size(), 1U);
}

TEST_P(users_test, a_change_of_role_drops_what_the_old_role_held_and_ends_sessions) {
    const auto made = add("teacher4", user_role::teacher, {"4A"});
    const auto token = services::start_session(db(), "teacher4", made.password, "10.0.0.5", monday_morning, {});
    auto changed = services::change_user(db(), "teacher4", {"Mrs Patel", std::nullopt, std::nullopt, strings{"4B", "5A"}, {}, {}});
    EXPECT_EQ(changed.display_name, "Mrs Patel");
    EXPECT_EQ(changed.classes, (strings{"4B", "5A"}));
    EXPECT_EQ(services::find_session(db(), token, monday_morning, {}, false).state, services::session_state::active);
    changed = services::change_user(db(), "teacher4", {std::nullopt, user_role::leader, std::nullopt, {}, {}, {}});
    EXPECT_EQ(changed.role, user_role::leader);
    EXPECT_TRUE(changed.classes.empty());
    EXPECT_EQ(services::find_session(db(), token, monday_morning, {}, false).state, services::session_state::unknown);
    EXPECT_THROW(services::change_user(db(), "nobody", {}), services::user_not_found);
}

TEST_P(users_test, a_reset_password_replaces_the_old_one_and_a_disabled_user_cannot_sign_in) {
    const auto made = add("head", user_role::leader);
    const std::string fresh = services::reset_password(db(), "head");
    EXPECT_NE(fresh, made.password);
    EXPECT_THROW(services::start_session(db(), "head", made.password, "10.0.0.5", monday_morning, {}),
                 services::sign_in_refused);
    EXPECT_FALSE(services::start_session(db(), "head", fresh, "10.0.0.5", monday_morning, {}).empty());
    services::change_user(db(), "head", {std::nullopt, std::nullopt, std::nullopt, {}, {}, true});
    EXPECT_TRUE(services::existing_user(db().session(), "head").disabled);
    EXPECT_THROW(services::start_session(db(), "head", fresh, "10.0.0.5", monday_morning, {}), services::sign_in_refused);
}

TEST_P(users_test, a_user_changes_their_own_password_knowing_the_current_one) {
    const auto made = add("head", user_role::leader);
    EXPECT_THROW(services::change_password(db(), "head", "wrong", "a much longer password"), services::user_error);
    EXPECT_THROW(services::change_password(db(), "head", made.password, "short"), services::user_error);
    services::change_password(db(), "head", made.password, "a much longer password");
    EXPECT_FALSE(services::start_session(db(), "head", "a much longer password", "10.0.0.5", monday_morning, {}).empty());
}

TEST_P(users_test, the_current_code_is_the_one_the_authenticator_shows) {
    const auto made = add("head", user_role::leader);
    EXPECT_EQ(services::current_totp_code(db().session(), "head", monday_morning.time_since_epoch().count()),
              code_at(made, monday_morning));
}

WAYMARK_ON_EVERY_DATABASE(users_test);

}  // namespace
}  // namespace waymark::testing
