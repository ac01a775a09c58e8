// `waymark users` on the embedded default: add (the password and TOTP secret printed once), list,
// set, reset-password, code, and every change in the audit log as the operating-system user from "cli".
#include "cli_runner.hpp"
#include "data_dir_test.hpp"

#include "http/access.hpp"

#include <gmock/gmock.h>

namespace waymark {
namespace {

using testing::run_cli;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Not;

class users_command_test : public testing::data_dir_test {
protected:
    void SetUp() override {
        data_dir_test::SetUp();
        ASSERT_EQ(run_cli(words({"demo", "--pupils-per-school", "7"})).status, 0);
    }
};

TEST_F(users_command_test, add_list_set_and_reset_each_say_what_they_did) {
    const auto added = run_cli(words({"users", "add", "j.smith", "--role", "teacher", "--classes", "Larch", "--name", "Mrs Smith"}));
    ASSERT_EQ(added.status, 0) << added.err;
    EXPECT_THAT(added.out, HasSubstr("Added j.smith (teacher at 8882000).\n  password:    "));
    EXPECT_THAT(added.out, HasSubstr("otpauth://totp/Waymark:j.smith?secret="));

    const auto listed = run_cli(words({"users", "list"}));
    EXPECT_THAT(listed.out, HasSubstr("j.smith   Mrs Smith"));
    EXPECT_THAT(listed.out, HasSubstr("teacher        8882000  Larch"));

    EXPECT_EQ(run_cli(words({"users", "set", "j.smith", "--disable"})).out, "Changed j.smith: teacher, disabled.\n");
    const auto reset = run_cli(words({"users", "reset-password", "j.smith"}));
    EXPECT_THAT(reset.out, MatchesRegex("New password for j\\.smith: [a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}\n"
                                        "Their sessions have ended; give it to them privately\\.\n"));
    EXPECT_THAT(run_cli(words({"users", "code", "j.smith"})).out, MatchesRegex("[0-9]{6}\n"));
}

TEST_F(users_command_test, a_refusal_is_a_usage_error_and_every_change_is_audited_from_cli) {
    const auto refused = run_cli(words({"users", "add", "x", "--role", "teacher", "--classes", "Nowhere"}));
    EXPECT_EQ(refused.status, 2);
    EXPECT_THAT(refused.err, HasSubstr("classes: the school has no class \"Nowhere\"; its classes are "));
    ASSERT_EQ(run_cli(words({"users", "add", "adviser2", "--role", "authority", "--schools", "8882000"})).status, 0);
    const auto audit = run_cli(words({"users", "audit"}));
    ASSERT_EQ(audit.status, 0) << audit.err;
    const std::string me = http::operating_system_user().id;
    EXPECT_THAT(audit.out, HasSubstr(me + "  cli   CLI   users add adviser2  200"));
    EXPECT_THAT(audit.out, HasSubstr(me + "  cli   CLI   users add x         422     classes: the school has no class"));
    EXPECT_THAT(run_cli(words({"users", "audit", "--json", "--user", "nobody"})).out, MatchesRegex("\\[\\s*\\]\\s*"));
}

TEST_F(users_command_test, an_action_refuses_another_actions_options) {
    const auto refused = run_cli(words({"users", "add", "adviser3", "--role", "teacher", "--from", "2026-01-01"}));
    EXPECT_EQ(refused.status, 2);
    EXPECT_THAT(refused.err, HasSubstr("waymark users add takes no --from; `waymark help users` says what each of its actions takes."));
    EXPECT_THAT(run_cli(words({"users", "list"})).out, Not(HasSubstr("adviser3")));
    EXPECT_EQ(run_cli(words({"users", "reset-password", "head", "--role", "teacher"})).status, 2);
}

}  // namespace
}  // namespace waymark
