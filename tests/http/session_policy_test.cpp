// What the session policy and the router enforce beyond each route's permission, through a real
// server: a school the user may not open is the same 404 as one that does not exist, a teacher
// changes only their classes' pupils (403 naming the class), the target policy's who_may_set, and
// every change after sign-in in the audit log, refused or not, which administrators read.
#include "signed_in_api.hpp"

#include "services/targets/targets.hpp"

#include <gmock/gmock.h>

namespace waymark::testing {
namespace {

using domain::user_role;
using ::testing::HasSubstr;

class session_policy_test : public signed_in_api {
protected:
    // A Year 4 assessment made by a leader; its id.
    long long spring_assessment(browser &leader) {
        const auto made = leader.send("POST", "/api/v1/schools/8012000/assessments",
                                      R"({"name": "Spring 1", "date": "2026-02-10", "year_groups": [4]})");
        EXPECT_EQ(made.status, 201) << made.body;
        return made.json()->getValue<long long>("id");
    }
    static std::string cell(long long assessment, int serial, const std::string &subject) {
        return "/api/v1/schools/8012000/assessments/" + std::to_string(assessment) + "/judgements/" + test_upn(serial) + "/" +
               subject;
    }
};

TEST_F(session_policy_test, a_school_not_theirs_is_the_same_404_as_one_that_does_not_exist) {
    browser head = signed_in(add_user("head", user_role::leader));
    const auto hillside = head.send("GET", "/api/v1/schools/8013000/pupils");
    const auto missing = head.send("GET", "/api/v1/schools/9999999/pupils");
    EXPECT_EQ(hillside.status, 404);
    EXPECT_EQ(hillside.json()->getValue<std::string>("message"), http::no_such_school("8013000"));
    EXPECT_EQ(missing.json()->getValue<std::string>("message"), http::no_such_school("9999999"));
    const auto schools = head.send("GET", "/api/v1/schools").body;
    EXPECT_THAT(schools, HasSubstr("Brookside"));
    EXPECT_THAT(schools, ::testing::Not(HasSubstr("Hillside")));
    // An authority lists every school of the database, and opens only those granted.
    browser adviser = signed_in(add_user("adviser", user_role::authority, {}, {"8013000"}));
    EXPECT_THAT(adviser.send("GET", "/api/v1/schools").body, HasSubstr("Brookside"));
    EXPECT_EQ(adviser.send("GET", "/api/v1/schools/8012000/pupils").status, 404);
    EXPECT_EQ(adviser.send("GET", "/api/v1/schools/8013000/pupils").status, 200);
}

TEST_F(session_policy_test, a_teacher_writes_for_their_classes_pupils_only) {
    browser head = signed_in(add_user("head", user_role::leader));
    const long long spring = spring_assessment(head);
    browser teacher = signed_in(add_user("teacher4", user_role::teacher, {"4A", "4B"}));
    EXPECT_EQ(teacher.send("PUT", cell(spring, 2, "reading"), R"({"value": "OT"})").status, 200);
    const auto refused = teacher.send("PUT", cell(spring, 20, "reading"), R"({"value": "OT"})");
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(refused.error_fields(), "forbidden|null|You teach 4A and 4B; Sam Pupil20 is in 5A.");
    // A flood-fill touching one pupil outside is refused whole.
    const auto fill = teacher.send("POST", "/api/v1/schools/8012000/assessments/" + std::to_string(spring) + "/judgements/fill",
                                   R"({"subject": "maths", "value": "OT", "year": 4})");
    EXPECT_EQ(fill.status, 403) << fill.body;
    EXPECT_EQ(teacher.send("POST", "/api/v1/schools/8012000/assessments/" + std::to_string(spring) + "/judgements/fill",
                           R"({"subject": "maths", "value": "OT", "class": "4B"})")
                  .status,
              200);
    const auto intervention = teacher.send("POST", "/api/v1/schools/8012000/pupils/" + test_upn(20) + "/interventions",
                                           R"({"academic_year": "2025/2026", "assessment": "Spring 1", "subject": "maths",
                                               "description": "Booster"})");
    EXPECT_EQ(intervention.error_fields(), "forbidden|null|You teach 4A and 4B; Sam Pupil20 is in 5A.");
    // Reading the rest of the school is allowed.
    EXPECT_EQ(teacher.send("GET", cell(spring, 20, "reading") + "/history").status, 200);
}

TEST_F(session_policy_test, the_target_policy_says_which_roles_may_set_targets) {
    browser head = signed_in(add_user("head", user_role::leader));
    {
        const auto database = pool->acquire();
        services::target_policy administrators_only;
        administrators_only.who_may_set = "administrators";
        services::save_target_policy(*database, school, administrators_only, {"admin", "2026-02-01T08:00:00Z"});
    }
    const auto refused = head.send("PUT", "/api/v1/schools/8012000/targets",
                                   R"({"targets": [{"upn": ")" + test_upn(2) + R"(", "subject": "maths", "grade": "OT"}]})");
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(refused.error_fields(),
              "forbidden|null|At Brookside Primary targets may be set by administrators (the target policy); you are signed in "
              "as head, a leader. An administrator can change who may set them with `waymark targets policy --who-may-set`.");
    EXPECT_EQ(rows_in("wm_targets"), 0);
}

TEST_F(session_policy_test, every_change_is_in_the_audit_log_which_administrators_read) {
    browser admin = signed_in(add_user("admin", user_role::administrator));
    browser governor = signed_in(add_user("governor", user_role::read_only));
    EXPECT_EQ(admin.send("POST", "/api/v1/schools/8012000/groups", R"({"name": "Booster"})").status, 201);
    EXPECT_EQ(governor.send("POST", "/api/v1/schools/8012000/groups", R"({"name": "Mine"})").status, 403);
    EXPECT_EQ(governor.send("GET", "/api/v1/audit").status, 403);
    const auto read = admin.send("GET", "/api/v1/audit");
    ASSERT_EQ(read.status, 200) << read.body;
    const auto entries = read.json()->getArray("entries");
    ASSERT_GE(entries->size(), 2U);
    const auto refused = entries->getObject(0);  // newest first: the governor's refusal
    EXPECT_EQ(refused->getValue<std::string>("user"), "governor");
    EXPECT_EQ(refused->getValue<std::string>("address"), "127.0.0.1");
    EXPECT_EQ(refused->getValue<std::string>("method"), "POST");
    EXPECT_EQ(refused->getValue<std::string>("path"), "/api/v1/schools/8012000/groups");
    EXPECT_EQ(refused->getValue<int>("status"), 403);
    EXPECT_THAT(refused->getValue<std::string>("summary"), HasSubstr("may not POST"));
    EXPECT_EQ(refused->getValue<std::string>("at"), services::instant_text(now));
    const auto by_admin = admin.send("GET", "/api/v1/audit?user=admin").json()->getArray("entries");
    bool group_made = false;
    for (std::size_t i = 0; i < by_admin->size(); ++i) {
        const auto entry = by_admin->getObject(static_cast<unsigned>(i));
        EXPECT_EQ(entry->getValue<std::string>("user"), "admin");
        group_made = group_made || (entry->getValue<std::string>("path") == "/api/v1/schools/8012000/groups" &&
                                    entry->getValue<int>("status") == 201);
    }
    EXPECT_TRUE(group_made);
}

}  // namespace
}  // namespace waymark::testing
