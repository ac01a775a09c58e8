// Users through a real server, for administrators: add with a generated password and TOTP secret
// shown once, change, reset; only the users of their own school; nobody else may.
#include "signed_in_api.hpp"

#include <gmock/gmock.h>

namespace waymark::testing {
namespace {

using domain::user_role;
using ::testing::HasSubstr;

class users_routes : public signed_in_api {};

TEST_F(users_routes, an_administrator_adds_a_teacher_who_then_signs_in) {
    browser admin = signed_in(add_user("admin", user_role::administrator));
    const auto added = admin.send("POST", "/api/v1/users",
                                  R"({"username": "mrs.patel", "display_name": "Mrs Patel", "role": "teacher", "classes": ["4B"]})");
    ASSERT_EQ(added.status, 201) << added.body;
    const auto json = added.json();
    EXPECT_EQ(json->getValue<std::string>("school"), "8012000");
    EXPECT_EQ(json->getArray("classes")->getElement<std::string>(0), "4B");
    EXPECT_THAT(json->getValue<std::string>("totp_uri"), HasSubstr("otpauth://totp/Waymark:mrs.patel?secret="));
    services::user_credentials made;
    made.account.username = "mrs.patel";
    made.password = json->getValue<std::string>("password");
    made.totp_secret = json->getValue<std::string>("totp_secret");
    browser teacher = signed_in(made);
    EXPECT_EQ(teacher.send("GET", "/api/v1/session").json()->getValue<std::string>("display_name"), "Mrs Patel");
    // The list shows no secret.
    const auto listed = admin.send("GET", "/api/v1/users");
    EXPECT_EQ(listed.json()->getArray("users")->size(), 2U);
    EXPECT_THAT(listed.body, ::testing::Not(HasSubstr("password")));
    EXPECT_THAT(listed.body, ::testing::Not(HasSubstr(made.totp_secret)));
}

TEST_F(users_routes, wrong_input_names_the_field) {
    browser admin = signed_in(add_user("admin", user_role::administrator));
    EXPECT_EQ(admin.send("POST", "/api/v1/users", R"({"username": "t", "role": "teacher", "classes": ["9Z"]})").error_fields(),
              "invalid|classes|classes: the school has no class \"9Z\"; its classes are 4A, 4B, 5A.");
    EXPECT_EQ(admin.send("POST", "/api/v1/users", R"({"username": "t", "role": "janitor"})").error_fields(),
              "invalid|role|role takes administrator, leader, teacher, read_only or authority, not \"janitor\".");
    EXPECT_EQ(admin.send("POST", "/api/v1/users", R"({"username": "a", "role": "authority", "schools": ["8013000"]})").error_fields(),
              "invalid|schools|schools: you may grant only schools you administer, not 8013000.");
}

TEST_F(users_routes, a_change_or_a_reset_ends_the_users_sessions) {
    browser admin = signed_in(add_user("admin", user_role::administrator));
    const auto made = add_user("teacher4", user_role::teacher, {"4A"});
    browser teacher = signed_in(made);
    const auto changed = admin.send("PUT", "/api/v1/users/teacher4", R"({"role": "leader"})");
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(changed.json()->getValue<std::string>("role"), "leader");
    EXPECT_EQ(changed.json()->getArray("classes")->size(), 0U);
    EXPECT_EQ(teacher.send("GET", "/api/v1/session").status, 401);
    const auto reset = admin.send("POST", "/api/v1/users/teacher4/password");
    ASSERT_EQ(reset.status, 200) << reset.body;
    auto renewed = made;
    renewed.password = reset.json()->getValue<std::string>("password");
    EXPECT_NE(renewed.password, made.password);
    EXPECT_EQ(signed_in(renewed).send("GET", "/api/v1/session").status, 200);
    EXPECT_EQ(admin.send("PUT", "/api/v1/users/teacher4", R"({"disabled": true})").json()->getValue<bool>("disabled"), true);
}

TEST_F(users_routes, another_schools_users_are_not_there_for_an_administrator) {
    {
        const auto database = pool->acquire();
        services::add_user(*database, {"hill.head", "", user_role::leader, "8013000", {}, {}}, "2026-02-01T08:00:00Z");
    }
    browser admin = signed_in(add_user("admin", user_role::administrator));
    EXPECT_EQ(admin.send("GET", "/api/v1/users").json()->getArray("users")->size(), 1U);
    EXPECT_EQ(admin.send("PUT", "/api/v1/users/hill.head", R"({"disabled": true})").status, 404);
    EXPECT_EQ(admin.send("POST", "/api/v1/users/hill.head/password").status, 404);
}

}  // namespace
}  // namespace waymark::testing
