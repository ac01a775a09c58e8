// Every route of the API, with every role and with nobody signed in, against the access each route
// should give (web-contract.md, "Roles"). The expectations are written here, route by route, not
// read from the router: a new route fails this test until someone says who may use it, and a
// route given the wrong permission fails it too.
#include "signed_in_api.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace waymark::testing {
namespace {

using domain::user_role;

enum class access {
    anyone,        // nobody need sign in
    second_step,   // a session waiting for its second step (a signed-in one is told there is none: 409)
    signed_in,     // every role
    readers,       // every role (an authority at granted schools)
    writers,       // administrator, leader, teacher (a teacher for their classes' pupils)
    leaders,       // administrator, leader
    administrators,
    school_adders,  // administrator, authority
};

// "METHOD /template" -> who may use it.
const std::map<std::string, access> expected_access = {
    {"GET /api/v1/health", access::anyone},
    {"GET /api/v1/plugins", access::administrators},
    {"POST /api/v1/schools", access::school_adders},
    {"GET /api/v1/schemes", access::readers},
    {"GET /api/v1/schemes/{id}/grades", access::readers},
    {"POST /api/v1/schemes/{id}/parse", access::readers},
    {"GET /api/v1/schools", access::readers},
    {"GET /api/v1/schools/{school}", access::readers},
    {"GET /api/v1/schools/{school}/pupils", access::readers},
    {"POST /api/v1/schools/{school}/pupils/inclusion", access::leaders},
    {"GET /api/v1/schools/{school}/pupil-records", access::readers},
    {"POST /api/v1/schools/{school}/pupil-records", access::leaders},
    {"PUT /api/v1/schools/{school}/pupil-records", access::leaders},
    {"GET /api/v1/schools/{school}/pupil-records/{upn}", access::readers},
    {"PUT /api/v1/schools/{school}/pupil-records/{upn}", access::leaders},
    {"POST /api/v1/schools/{school}/pupil-records/{upn}/archive", access::leaders},
    {"POST /api/v1/schools/{school}/pupil-records/{upn}/return", access::leaders},
    {"PUT /api/v1/schools/{school}/pupil-records/{upn}/date-left", access::leaders},
    {"GET /api/v1/schools/{school}/groups", access::readers},
    {"POST /api/v1/schools/{school}/groups", access::leaders},
    {"GET /api/v1/schools/{school}/groups/{group}", access::readers},
    {"POST /api/v1/schools/{school}/groups/{group}/members", access::leaders},
    {"DELETE /api/v1/schools/{school}/groups/{group}/members/{upn}", access::leaders},
    {"GET /api/v1/schools/{school}/assessments", access::readers},
    {"POST /api/v1/schools/{school}/assessments", access::leaders},
    {"GET /api/v1/schools/{school}/assessments/{assessment}", access::readers},
    {"GET /api/v1/schools/{school}/assessments/{assessment}/grid", access::readers},
    {"GET /api/v1/schools/{school}/assessments/{assessment}/summary", access::readers},
    {"GET /api/v1/schools/{school}/assessments/{assessment}/collection-health", access::readers},
    {"PUT /api/v1/schools/{school}/assessments/{assessment}/judgements/{upn}/{subject}", access::writers},
    {"DELETE /api/v1/schools/{school}/assessments/{assessment}/judgements/{upn}/{subject}", access::writers},
    {"PUT /api/v1/schools/{school}/assessments/{assessment}/judgements/{upn}/{subject}/colour", access::writers},
    {"GET /api/v1/schools/{school}/assessments/{assessment}/judgements/{upn}/{subject}/history", access::readers},
    {"POST /api/v1/schools/{school}/assessments/{assessment}/judgements", access::writers},
    {"POST /api/v1/schools/{school}/assessments/{assessment}/judgements/fill", access::writers},
    {"POST /api/v1/schools/{school}/assessments/{assessment}/judgements/import", access::writers},
    {"GET /api/v1/schools/{school}/reports/{report}", access::readers},
    {"GET /api/v1/schools/{school}/statutory", access::readers},
    {"PUT /api/v1/schools/{school}/statutory", access::leaders},
    {"GET /api/v1/schools/{school}/statutory/submissions", access::readers},
    {"POST /api/v1/schools/{school}/statutory/submissions", access::leaders},
    {"POST /api/v1/schools/{school}/statutory/unlocks", access::administrators},
    {"GET /api/v1/schools/{school}/pupils/{upn}/interventions", access::readers},
    {"POST /api/v1/schools/{school}/pupils/{upn}/interventions", access::writers},
    {"GET /api/v1/schools/{school}/interventions/{id}", access::readers},
    {"PUT /api/v1/schools/{school}/interventions/{id}", access::writers},
    {"DELETE /api/v1/schools/{school}/interventions/{id}", access::writers},
    {"GET /api/v1/schools/{school}/discussion-templates", access::readers},
    {"POST /api/v1/schools/{school}/discussion-templates", access::leaders},
    {"GET /api/v1/schools/{school}/discussion-templates/{id}", access::readers},
    {"PUT /api/v1/schools/{school}/discussion-templates/{id}", access::leaders},
    {"DELETE /api/v1/schools/{school}/discussion-templates/{id}", access::leaders},
    {"GET /api/v1/schools/{school}/pupils/{upn}/meetings", access::readers},
    {"POST /api/v1/schools/{school}/pupils/{upn}/meetings", access::writers},
    {"GET /api/v1/schools/{school}/pupil-meetings/{id}", access::readers},
    {"PUT /api/v1/schools/{school}/pupil-meetings/{id}", access::writers},
    {"DELETE /api/v1/schools/{school}/pupil-meetings/{id}", access::writers},
    {"GET /api/v1/schools/{school}/cohort-meetings", access::readers},
    {"POST /api/v1/schools/{school}/cohort-meetings", access::leaders},
    {"GET /api/v1/schools/{school}/cohort-meetings/{id}", access::readers},
    {"PUT /api/v1/schools/{school}/cohort-meetings/{id}", access::leaders},
    {"DELETE /api/v1/schools/{school}/cohort-meetings/{id}", access::leaders},
    {"GET /api/v1/schools/{school}/targets", access::readers},
    {"PUT /api/v1/schools/{school}/targets", access::leaders},
    {"GET /api/v1/schools/{school}/trajectories", access::readers},
    {"GET /api/v1/schools/{school}/target-flags", access::readers},
    {"GET /api/v1/schools/{school}/predictions", access::readers},
    {"POST /api/v1/schools/{school}/predictions", access::leaders},
    {"POST /api/v1/session", access::anyone},
    {"POST /api/v1/session/second-step", access::second_step},
    {"GET /api/v1/session", access::signed_in},
    {"POST /api/v1/session/keep-alive", access::signed_in},
    {"DELETE /api/v1/session", access::signed_in},
    {"POST /api/v1/session/password", access::signed_in},
    {"GET /api/v1/users", access::administrators},
    {"POST /api/v1/users", access::administrators},
    {"PUT /api/v1/users/{username}", access::administrators},
    {"POST /api/v1/users/{username}/password", access::administrators},
    {"GET /api/v1/audit", access::administrators},
    {"GET /api/v1/schools/{school}/classes", access::readers},
    {"POST /api/v1/schools/{school}/classes", access::leaders},
    {"PUT /api/v1/schools/{school}/classes/{class}", access::leaders},
    {"DELETE /api/v1/schools/{school}/classes/{class}", access::leaders},
    {"GET /api/v1/schools/{school}/custom-flags", access::readers},
    {"PUT /api/v1/schools/{school}/custom-flags", access::leaders},
    {"GET /api/v1/schools/{school}/subjects", access::readers},
    {"PUT /api/v1/schools/{school}/subjects", access::leaders},
    {"GET /api/v1/schools/{school}/assessments/{assessment}/grid/spreadsheet", access::readers},
};

bool allowed(access rule, std::optional<user_role> role) {
    if (rule == access::anyone) return true;
    if (!role) return false;
    switch (rule) {
        case access::writers: return *role == user_role::administrator || *role == user_role::leader || *role == user_role::teacher;
        case access::leaders: return *role == user_role::administrator || *role == user_role::leader;
        case access::administrators: return *role == user_role::administrator;
        case access::school_adders: return *role == user_role::administrator || *role == user_role::authority;
        default: return true;
    }
}

// The template with each parameter filled: the school given, anything else a value naming nothing.
std::string concrete(const std::string &path_template, const std::string &school) {
    std::string path;
    for (std::size_t at = 0; at < path_template.size();) {
        const auto open = path_template.find('{', at);
        if (open == std::string::npos) {
            path += path_template.substr(at);
            break;
        }
        const auto close = path_template.find('}', open);
        path += path_template.substr(at, open - at);
        const std::string name = path_template.substr(open + 1, close - open - 1);
        path += name == "school" ? school : name == "upn" ? "A801200000099" : "999";
        at = close + 1;
    }
    return path;
}

class route_permissions : public signed_in_api {
protected:
    // What `page` (signed in as `role`, or nobody) gets for `method` `path_template` at `school`.
    void expect_access(browser &page, std::optional<user_role> role, const std::string &method,
                       const std::string &path_template, const std::string &at_school, bool school_is_theirs) {
        const std::string key = method + " " + path_template;
        const auto rule = expected_access.find(key);
        ASSERT_NE(rule, expected_access.end()) << key << " is a route this test does not know: add who may use it to "
                                                          "expected_access (web-contract.md, Roles).";
        const std::string path = concrete(path_template, at_school);
        const auto reply = page.send(method, path, method == "GET" ? "" : "{}");
        const std::string who = role ? std::string(domain::role_name(*role)) : "nobody";
        const std::string context = who + " " + method + " " + path + " -> " + std::to_string(reply.status) + " " + reply.body;
        EXPECT_NE(reply.status, 500) << context;  // 503 is a plugin the test server does not load
        const std::string error = reply.status >= 400 ? reply.json()->optValue<std::string>("error", "") : "";
        if (!role && rule->second != access::anyone) {
            EXPECT_EQ(reply.status, 401) << context;
            return;
        }
        if (!allowed(rule->second, role)) {
            EXPECT_EQ(reply.status, 403) << context;
            EXPECT_EQ(error, "forbidden") << context;
            return;
        }
        if (path_template.find("{school}") != std::string::npos && !school_is_theirs) {
            EXPECT_EQ(reply.status, 404) << context;
            EXPECT_EQ(reply.json()->getValue<std::string>("message"), http::no_such_school(at_school)) << context;
            return;
        }
        if (rule->second == access::second_step && role) {
            EXPECT_EQ(reply.status, 409) << context;
            return;
        }
        EXPECT_NE(error, "forbidden") << context;
        EXPECT_NE(error, "unauthenticated") << context;
        EXPECT_NE(error, "csrf") << context;
        if (error == "not_found") {
            EXPECT_NE(reply.json()->getValue<std::string>("message"), http::no_such_school(at_school)) << context;
        }
    }

    // Every route once (signing out last), at `school`.
    void walk(browser &page, std::optional<user_role> role, const std::string &at_school, bool school_is_theirs) {
        for (const auto &route : secured_routes.route_list()) {
            if (route.method == "DELETE" && route.path_template == "/api/v1/session") continue;
            expect_access(page, role, route.method, route.path_template, at_school, school_is_theirs);
        }
        expect_access(page, role, "DELETE", "/api/v1/session", at_school, school_is_theirs);
    }
};

TEST_F(route_permissions, every_route_with_every_role_and_with_nobody) {
    // Every expectation names a route that exists, so the table cannot keep a route that has gone.
    std::set<std::string> registered;
    for (const auto &route : secured_routes.route_list()) registered.insert(route.method + " " + route.path_template);
    for (const auto &[key, rule] : expected_access) EXPECT_TRUE(registered.contains(key)) << key << " is not a route any more";

    browser nobody = new_browser();
    walk(nobody, std::nullopt, "8012000", false);
    for (const user_role role : domain::every_role) {
        const std::string name(domain::role_name(role));
        const std::vector<std::string> classes =
            role == user_role::teacher ? std::vector<std::string>{"4A"} : std::vector<std::string>{};
        const std::vector<std::string> grants =
            role == user_role::authority ? std::vector<std::string>{"8012000"} : std::vector<std::string>{};
        const auto made = add_user(name + "1", role, classes, grants);
        browser at_home = signed_in(made);
        walk(at_home, role, "8012000", true);
        browser elsewhere = signed_in(made);
        walk(elsewhere, role, "8013000", false);
    }
}

}  // namespace
}  // namespace waymark::testing
