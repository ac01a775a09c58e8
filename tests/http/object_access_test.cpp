// Access beyond roles (issue 18, item 5), through a real server on SQLite and on PostgreSQL. Every
// route of the router is asked with the ids of things that belong elsewhere: another school's
// pupils, assessments, groups, classes, records and users, at that school and under the user's own,
// and (for a teacher) another class's pupils. Each is refused, and a thing that exists elsewhere is
// answered exactly as one that does not exist at all (the same status and body, the ids aside).
// Sessions that should not work (expired, forged, replayed after sign-out) and changes without the
// session's CSRF token, or with another session's, are refused on every route. The routes come from
// the router, so a new one is walked without anyone remembering to add it here.
#include "case_database.hpp"
#include "signed_in_api.hpp"

#include "services/access/credentials.hpp"

#include <gmock/gmock.h>

#include <cctype>
#include <functional>
#include <map>
#include <set>

namespace waymark::testing {
namespace {

using domain::user_role;
using ::testing::HasSubstr;

const std::string brookside = "8012000", hillside = "8013000", nowhere = "8019999";

// What a path or body can name, by the name of the parameter naming it; a record's {id} by the kind
// of record the segment before it says ("interventions", "pupil-meetings", ...).
using named_things = std::map<std::string, std::string>;

// Ids nothing in the database has.
const named_things nothing_at_all = {
    {"upn", test_upn(99)},         {"group", "Nobody"},       {"assessment", "999999"},
    {"class", "9Z"},               {"username", "no.such.user"}, {"interventions", "999999"},
    {"pupil-meetings", "999999"},  {"cohort-meetings", "999999"}, {"discussion-templates", "999999"},
};

// Bodies that get a change past its own checks to the lookup of what it names ({upn} is filled
// like a path parameter); a change not listed sends {}.
const std::map<std::string, std::string> change_bodies = {
    {"PUT /api/v1/schools/{school}/pupil-records", R"({"pupils": [{"upn": "{upn}", "changes": {"sen": "E"}}]})"},
    {"PUT /api/v1/schools/{school}/pupil-records/{upn}", R"({"sen": "E"})"},
    {"POST /api/v1/schools/{school}/pupil-records/{upn}/archive", R"({"date_left": "22/07/2026"})"},
    {"PUT /api/v1/schools/{school}/pupil-records/{upn}/date-left", R"({"date_left": "22/07/2026"})"},
    {"POST /api/v1/schools/{school}/pupils/inclusion", R"({"upns": ["{upn}"], "include_in_data": false})"},
    {"POST /api/v1/schools/{school}/groups/{group}/members", R"({"upns": ["{upn}"]})"},
    {"PUT /api/v1/schools/{school}/assessments/{assessment}/judgements/{upn}/{subject}", R"({"value": "OT"})"},
    {"PUT /api/v1/schools/{school}/assessments/{assessment}/judgements/{upn}/{subject}/colour", R"({"colour": "#FF0000"})"},
    {"POST /api/v1/schools/{school}/assessments/{assessment}/judgements",
     R"({"changes": [{"upn": "{upn}", "subject": "reading", "value": "OT"}]})"},
    {"POST /api/v1/schools/{school}/assessments/{assessment}/judgements/fill",
     R"({"subject": "reading", "value": "OT", "upns": ["{upn}"]})"},
    {"POST /api/v1/schools/{school}/pupils/{upn}/interventions",
     R"({"academic_year": "2025/2026", "assessment": "Spring 1", "subject": "maths", "description": "Booster"})"},
    {"PUT /api/v1/schools/{school}/interventions/{id}",
     R"({"academic_year": "2025/2026", "assessment": "Spring 1", "subject": "maths", "description": "Booster"})"},
    {"POST /api/v1/schools/{school}/pupils/{upn}/meetings", R"({"teacher": "Joe Bloggs", "held_on": "2026-03-02"})"},
    {"PUT /api/v1/schools/{school}/pupil-meetings/{id}", R"({"teacher": "Joe Bloggs"})"},
    {"PUT /api/v1/schools/{school}/cohort-meetings/{id}", R"({"teacher": "Joe Bloggs"})"},
    {"PUT /api/v1/schools/{school}/discussion-templates/{id}", R"({"question": "Barriers to learning"})"},
    {"PUT /api/v1/schools/{school}/classes/{class}", R"({"name": "Ash"})"},
    {"PUT /api/v1/users/{username}", R"({"disabled": true})"},
};

bool is_word_character(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// `text` with every whole `word` (not inside a longer name or number) as `placeholder`.
std::string with_word_replaced(std::string text, const std::string &word, const std::string &placeholder) {
    for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at)) {
        const std::size_t end = at + word.size();
        if ((at > 0 && is_word_character(text[at - 1])) || (end < text.size() && is_word_character(text[end]))) {
            at = end;
            continue;
        }
        text.replace(at, word.size(), placeholder);
        at += placeholder.size();
    }
    return text;
}

// One request a walk sends: the filled path and body, and the values put in them (to compare answers
// whatever ids they name).
struct walk_request {
    std::string method, path, body;
    std::vector<std::pair<std::string, std::string>> filled;  // placeholder -> value put there

    std::string answer_shape(const api_reply &reply) const {
        std::string shape = reply.body;
        for (const auto &[placeholder, value] : filled) shape = with_word_replaced(shape, value, placeholder);
        return std::to_string(reply.status) + " " + shape;
    }
};

// The key a parameter's value is looked up by: its name, or for {id} the record kind before it.
std::string key_of(const std::vector<std::string> &segments, std::size_t i) {
    const std::string name = segments[i].substr(1, segments[i].size() - 2);
    return name == "id" && i > 0 ? segments[i - 1] : name;
}

std::vector<std::string> segments_of(const std::string &path_template) {
    std::vector<std::string> segments;
    for (std::size_t at = 1; at <= path_template.size();) {
        const std::size_t slash = std::min(path_template.find('/', at), path_template.size());
        segments.push_back(path_template.substr(at, slash - at));
        at = slash + 1;
    }
    return segments;
}

// The things a route names (path parameters and {upn} in its body) that belong to a school, by key.
std::set<std::string> school_things_named(const std::string &method, const std::string &path_template) {
    std::set<std::string> keys;
    const auto segments = segments_of(path_template);
    for (std::size_t i = 0; i < segments.size(); ++i) {
        if (!segments[i].starts_with('{')) continue;
        const std::string key = key_of(segments, i);
        if (nothing_at_all.contains(key)) keys.insert(key);
    }
    const auto body = change_bodies.find(method + " " + path_template);
    if (body != change_bodies.end() && body->second.find("{upn}") != std::string::npos) keys.insert("upn");
    return keys;
}

// `path_template` at `school` with each thing it names from value(key); {subject}, {report} and a
// scheme's {id} name nothing of a school and are the same everywhere.
walk_request filled(const std::string &method, const std::string &path_template, const std::string &school,
                    const std::function<std::string(const std::string &)> &value) {
    walk_request made{method, "", "", {{"<school>", school}}};
    const auto segments = segments_of(path_template);
    for (std::size_t i = 0; i < segments.size(); ++i) {
        std::string segment = segments[i];
        if (segment == "{school}") {
            segment = school;
        } else if (segment.starts_with('{')) {
            const std::string key = key_of(segments, i);
            segment = key == "subject" ? "reading" : key == "schemes" ? "org.waymark.lancashire-four-band" : key == "report" ? "progress" : value(key);
            made.filled.emplace_back("<" + key + ">", segment);
        }
        made.path += "/" + segment;
    }
    const auto body = change_bodies.find(method + " " + path_template);
    made.body = method == "GET" ? "" : body == change_bodies.end() ? "{}" : body->second;
    if (const auto upn = made.body.find("{upn}"); upn != std::string::npos) {
        made.body.replace(upn, 5, value("upn"));
        made.filled.emplace_back("<upn>", value("upn"));
    }
    return made;
}

class object_access : public ::testing::WithParamInterface<backend>, protected case_database, public signed_in_api {
protected:
    object_access() : case_database(GetParam()), signed_in_api(schema_pool()) {}

    void SetUp() override {
        if (skipped_without_postgres(GetParam())) return;
        {
            std::vector<domain::pupil> pupils;
            for (const int serial : {50, 51}) pupils.push_back(year4_pupil(serial, "4C"));
            const auto database = pool->acquire();
            database->transaction("adding Hillside's Year 4", [&](soci::session &session) {
                const auto hill = store::find_or_create_school(session, {0, "801", "3000", "", "Hillside Primary", "PR2 1AA", {2025}});
                store::insert_pupils(session, hill.id, pupils);
            });
            hill_teacher = services::add_user(*database, {"hill.teacher", "", user_role::teacher, hillside, {"4C"}, {}},
                                              "2026-02-01T08:00:00Z");
            hill_admin_account = services::add_user(*database, {"hill.admin", "", user_role::administrator, hillside, {}, {}},
                                                    "2026-02-01T08:00:00Z");
        }
        brook_admin = std::make_unique<browser>(signed_in(add_user("brook.admin", user_role::administrator)));
        hill_admin = std::make_unique<browser>(signed_in(hill_admin_account));
        brook_things = make_things(*brook_admin, brookside, test_upn(1), "4A", "Sharks", "teacher.4a");
        brook_4b_things = make_records(*brook_admin, brookside, test_upn(10));
        hill_things = make_things(*hill_admin, hillside, test_upn(50), "4C", "Otters", "hill.teacher");
        teacher_4a = add_user("teacher.4a", user_role::teacher, {"4A"});
    }

    // An assessment, a group, a pupil and a cohort meeting, a template and an intervention, made by
    // the school's administrator; with the class and a user of the school.
    named_things make_things(browser &admin, const std::string &laestab, const std::string &upn, const std::string &class_name,
                             const std::string &group, const std::string &username) {
        const std::string at = "/api/v1/schools/" + laestab;
        named_things made{{"upn", upn}, {"class", class_name}, {"username", username}, {"group", group}};
        made["assessment"] = id_of(admin.send("POST", at + "/assessments", R"({"name": "Spring 1", "date": "2026-02-10", "year_groups": [4]})"));
        EXPECT_EQ(admin.send("POST", at + "/groups", R"({"name": ")" + group + "\"}").status, 201);
        made["discussion-templates"] = id_of(admin.send(
            "POST", at + "/discussion-templates",
            R"({"type": "pupil", "question": "What are the barriers?", "sort_order": 1, "live_from": "2025-09-01"})"));
        made["cohort-meetings"] = id_of(admin.send("POST", at + "/cohort-meetings",
                                                   R"({"year_group": 4, "class": ")" + class_name +
                                                       R"(", "assessment": "Spring 1", "teacher": "Vera", "held_on": "2026-03-02"})"));
        made.merge(make_records(admin, laestab, upn));
        return made;
    }

    // An intervention and a pupil meeting of `upn`.
    named_things make_records(browser &admin, const std::string &laestab, const std::string &upn) {
        const std::string at = "/api/v1/schools/" + laestab;
        named_things made{{"upn", upn}};
        made["interventions"] = id_of(admin.send("POST", at + "/pupils/" + upn + "/interventions",
                                                 change_bodies.at("POST /api/v1/schools/{school}/pupils/{upn}/interventions")));
        made["pupil-meetings"] = id_of(admin.send("POST", at + "/pupils/" + upn + "/meetings",
                                                  change_bodies.at("POST /api/v1/schools/{school}/pupils/{upn}/meetings")));
        return made;
    }

    static std::string id_of(const api_reply &made) {
        EXPECT_EQ(made.status, 201) << made.body;
        return made.status == 201 ? std::to_string(made.json()->getValue<long long>("id")) : "0";
    }

    // What Hillside's administrator reads of Hillside: the same before and after a walk that must
    // change nothing there.
    std::string hillside_as_its_administrator_reads_it() {
        const std::string at = "/api/v1/schools/" + hillside;
        std::string all;
        for (const std::string &path :
             {at + "/pupil-records", at + "/assessments", at + "/assessments/" + hill_things.at("assessment") + "/grid",
              at + "/groups/Otters", at + "/classes", at + "/discussion-templates", at + "/cohort-meetings",
              at + "/interventions/" + hill_things.at("interventions"), at + "/pupil-meetings/" + hill_things.at("pupil-meetings"),
              at + "/targets", std::string("/api/v1/users")}) {
            const auto read = hill_admin->send("GET", path);
            EXPECT_EQ(read.status, 200) << path << " " << read.body;
            all += path + " " + read.body + "\n";
        }
        return all;
    }

    // Every route once, as `page`: each thing it names (one at a time, the rest Brookside's own) given
    // as Hillside's and as nothing at all under Brookside; then the whole route at Hillside, with
    // Hillside's things, and at a school that does not exist. Each pair answers alike and refuses.
    void walk_other_schools_things(browser &page, const std::string &who) {
        for (const auto &route : secured_routes.route_list()) {
            const std::string key = route.method + " " + route.path_template;
            if (route.path_template.starts_with("/api/v1/session")) continue;  // names no one's things; below
            for (const std::string &thing : school_things_named(route.method, route.path_template)) {
                const auto one_from = [&](const named_things &source) {
                    return [&, source](const std::string &asked) { return (asked == thing ? source : brook_things).at(asked); };
                };
                const bool looked_up = change_bodies.contains(key) || route.method == "GET" || route.method == "DELETE";
                expect_answered_alike(page, who, filled(route.method, route.path_template, brookside, one_from(hill_things)),
                                      filled(route.method, route.path_template, brookside, one_from(nothing_at_all)),
                                      looked_up ? hill_things.at(thing) : "");
            }
            if (route.path_template.find("{school}") == std::string::npos) continue;
            expect_answered_alike(page, who,
                                  filled(route.method, route.path_template, hillside, [&](const std::string &k) { return hill_things.at(k); }),
                                  filled(route.method, route.path_template, nowhere, [&](const std::string &k) { return nothing_at_all.at(k); }),
                                  hillside);
        }
    }

    // `elsewhere` (naming something that exists at another school) and `missing` (naming what exists
    // nowhere) get the same refusal. With `looked_up` (the thing the request was refused over, when
    // its body passes the route's own checks) the refusal is the role's 403 or names that thing, not
    // a complaint about the body.
    void expect_answered_alike(browser &page, const std::string &who, const walk_request &elsewhere, const walk_request &missing,
                               const std::string &looked_up) {
        const auto there = page.send(elsewhere.method, elsewhere.path, elsewhere.body);
        const auto absent = page.send(missing.method, missing.path, missing.body);
        const std::string context = who + " " + elsewhere.method + " " + elsewhere.path + " " + elsewhere.body + " -> " +
                                    std::to_string(there.status) + " " + there.body + "\n  vs " + missing.path + " -> " +
                                    std::to_string(absent.status) + " " + absent.body;
        EXPECT_EQ(elsewhere.answer_shape(there), missing.answer_shape(absent)) << context;
        EXPECT_GE(there.status, 400) << context;
        EXPECT_NE(there.status, 500) << context;
        if (!looked_up.empty() && there.status != 403) {
            EXPECT_THAT(there.body, HasSubstr(looked_up)) << context;
        }
    }


    // Every route that needs someone signed in, as `page`, with Brookside's own things: the answers by route.
    std::map<std::string, api_reply> every_signed_in_route(browser &page) {
        std::map<std::string, api_reply> answers;
        for (const auto &route : secured_routes.route_list()) {
            if (route.needed == http::permission::anyone) continue;
            const auto asked = filled(route.method, route.path_template, brookside, [&](const std::string &k) { return brook_things.at(k); });
            answers[route.method + " " + asked.path] = page.send(asked.method, asked.path, asked.body);
        }
        return answers;
    }

    // `page` is refused on every such route with 401 `error`; with `like`, exactly as `like` was.
    void expect_refused_everywhere(browser &page, const std::string &error, const std::string &what,
                                   const std::map<std::string, api_reply> *like = nullptr) {
        for (const auto &[request, reply] : every_signed_in_route(page)) {
            const std::string context = what + ": " + request + " -> " + std::to_string(reply.status) + " " + reply.body;
            EXPECT_EQ(reply.status, 401) << context;
            EXPECT_EQ(reply.json()->getValue<std::string>("error"), error) << context;
            if (like != nullptr) {
                EXPECT_EQ(reply.body, like->at(request).body) << context;
            }
        }
    }

    // A browser sending `cookie` (and `csrf_token`) and nothing else of a session.
    browser sending(const std::string &cookie, const std::string &csrf_token = "") {
        browser made = new_browser();
        made.client->always_sent["Cookie"] = cookie;
        if (!csrf_token.empty()) made.client->always_sent[http::csrf_header] = csrf_token;
        return made;
    }

    // What Brookside's administrator reads of 4B's pupil 10: the same before and after a walk that
    // must change nothing of theirs.
    std::string pupil_10_as_the_administrator_reads_them() {
        const std::string at = "/api/v1/schools/" + brookside;
        std::string all;
        for (const std::string &path :
             {at + "/pupil-records/" + test_upn(10), at + "/pupils/" + test_upn(10) + "/interventions",
              at + "/pupils/" + test_upn(10) + "/meetings", at + "/assessments/" + brook_things.at("assessment") + "/grid"}) {
            const auto read = brook_admin->send("GET", path);
            EXPECT_EQ(read.status, 200) << path << " " << read.body;
            all += path + " " + read.body + "\n";
        }
        return all;
    }

    services::user_credentials hill_teacher, hill_admin_account, teacher_4a;
    std::unique_ptr<browser> brook_admin, hill_admin;
    named_things brook_things, brook_4b_things, hill_things;
};

TEST_P(object_access, another_schools_things_are_answered_as_things_that_do_not_exist) {
    const std::string hillside_before = hillside_as_its_administrator_reads_it();
    walk_other_schools_things(*brook_admin, "Brookside's administrator");
    browser teacher = signed_in(teacher_4a);
    walk_other_schools_things(teacher, "Brookside's teacher of 4A");
    browser adviser = signed_in(add_user("brook.adviser", user_role::authority, {}, {brookside}));
    walk_other_schools_things(adviser, "an adviser granted Brookside");
    EXPECT_EQ(hillside_as_its_administrator_reads_it(), hillside_before);
    // Hillside's users were neither changed nor given new passwords.
    EXPECT_EQ(signed_in(hill_teacher).send("GET", "/api/v1/session").status, 200);
}

TEST_P(object_access, a_teacher_changes_no_pupil_of_another_class) {
    const std::string before = pupil_10_as_the_administrator_reads_them();
    browser teacher = signed_in(teacher_4a);
    // The routes that let a teacher change a pupil's records, each naming pupil 10 of 4B.
    int walked = 0;
    for (const auto &route : secured_routes.route_list()) {
        if (route.needed != http::permission::write_judgements) continue;
        const auto asked = filled(route.method, route.path_template, brookside, [&](const std::string &k) {
            return (brook_4b_things.contains(k) ? brook_4b_things : brook_things).at(k);
        });
        const bool file = route.path_template.ends_with("/import");
        const auto reply = file ? teacher.client->send(asked.method, asked.path, "upn,reading\n" + test_upn(10) + ",OT\n", "text/csv")
                                : teacher.send(asked.method, asked.path, asked.body);
        const std::string context = asked.method + " " + asked.path + " " + asked.body + " -> " + std::to_string(reply.status) + " " + reply.body;
        ASSERT_EQ(reply.status, 403) << context;
        EXPECT_EQ(reply.error_fields(), file ? "forbidden|null|Importing judgements from a file is for leaders; a teacher pastes a "
                                               "column into the grid."
                                             : "forbidden|null|You teach 4A; Sam Pupil10 is in 4B.")
            << context;
        ++walked;
    }
    EXPECT_GE(walked, 12);
    // A teacher reads the whole school (README, "Signing in and users"): 4B's pupils are no secret to them.
    EXPECT_EQ(teacher.send("GET", "/api/v1/schools/8012000/pupil-records/" + test_upn(10)).status, 200);
    EXPECT_EQ(pupil_10_as_the_administrator_reads_them(), before);
}

TEST_P(object_access, forged_replayed_and_expired_sessions_are_refused_on_every_route) {
    browser nobody = new_browser();
    const auto anonymous = every_signed_in_route(nobody);
    // Made up: a valid-looking token the server never gave, and bytes that are no token at all.
    browser forged = sending(std::string(http::session_cookie) + "=" + services::random_token());
    expect_refused_everywhere(forged, "unauthenticated", "a made-up token", &anonymous);
    browser garbage = sending(std::string(http::session_cookie) + "=' OR '1'='1; " + http::session_cookie + "=" + std::string(3000, 'A'));
    expect_refused_everywhere(garbage, "unauthenticated", "bytes that are no token", &anonymous);
    // Replayed after sign-out, with its CSRF token: as if it had never been.
    browser leaving = signed_in(teacher_4a);
    const std::string cookie = leaving.client->always_sent["Cookie"];
    ASSERT_EQ(leaving.send("DELETE", "/api/v1/session").status, 204);
    browser replayed = sending(cookie, leaving.csrf_token);
    expect_refused_everywhere(replayed, "unauthenticated", "a session replayed after sign-out", &anonymous);
    // Idle past the limit: told so (the holder of the token knew it once), on every route.
    browser idle = signed_in(teacher_4a);
    now += sessions.rules().idle_limit + std::chrono::seconds{1};
    expect_refused_everywhere(idle, "session_expired", "a session idle past the limit");
}

TEST_P(object_access, a_change_without_the_sessions_csrf_token_is_refused_on_every_route) {
    browser other = signed_in(teacher_4a);
    const long long audit_before = rows_in("wm_audit_log");
    int walked = 0;
    for (const auto &route : secured_routes.route_list()) {
        if (route.method == "GET" || route.needed == http::permission::anyone || route.needed == http::permission::second_step) continue;
        const auto asked = filled(route.method, route.path_template, brookside, [&](const std::string &k) { return brook_things.at(k); });
        for (const std::string &token : {std::string(), other.csrf_token, std::string("0")}) {
            if (token.empty()) {
                brook_admin->client->always_sent.erase(http::csrf_header);
            } else {
                brook_admin->client->always_sent[http::csrf_header] = token;
            }
            const auto reply = brook_admin->send(asked.method, asked.path, asked.body);
            EXPECT_EQ(reply.status, 403) << asked.method << " " << asked.path << " with token \"" << token << "\" -> " << reply.body;
            EXPECT_EQ(reply.error_fields(), "csrf|null|The page's security token is missing or stale; reload the page.");
        }
        ++walked;
    }
    EXPECT_GE(walked, 40);
    brook_admin->client->always_sent[http::csrf_header] = brook_admin->csrf_token;
    // Nothing was done (the refusals are in the audit log) and the session was not signed out.
    EXPECT_EQ(rows_in("wm_audit_log"), audit_before + 3 * walked);
    EXPECT_EQ(brook_admin->send("GET", "/api/v1/session").status, 200);
    EXPECT_EQ(brook_admin->send("GET", "/api/v1/schools/8012000/groups/Sharks").status, 200);
}

TEST_P(object_access, a_user_changes_only_their_own_password_and_session) {
    browser teacher = signed_in(teacher_4a);
    browser head = signed_in(add_user("brook.head", user_role::leader));
    // Their own password (the body names no one else: there is no way to name another).
    EXPECT_EQ(teacher.send("POST", "/api/v1/session/password", R"({"current": ")" + teacher_4a.password + R"(", "new": "a-longer-password-1"})")
                  .status,
              204);
    EXPECT_EQ(teacher.send("DELETE", "/api/v1/session").status, 204);
    // Another user's session and password are as they were.
    EXPECT_EQ(head.send("GET", "/api/v1/session").json()->getValue<std::string>("username"), "brook.head");
    EXPECT_EQ(brook_admin->send("POST", "/api/v1/session/keep-alive").json()->getValue<std::string>("username"), "brook.admin");
    EXPECT_EQ(signed_in(hill_admin_account).send("GET", "/api/v1/session").status, 200);
    // Another school's user is no one an administrator can name; the same for a name nobody has.
    const auto hill = brook_admin->send("POST", "/api/v1/users/hill.teacher/password");
    const auto none = brook_admin->send("POST", "/api/v1/users/no.such.user/password");
    EXPECT_EQ(hill.status, 404);
    EXPECT_EQ(with_word_replaced(hill.body, "hill.teacher", "<name>"), with_word_replaced(none.body, "no.such.user", "<name>"));
    const auto grant = brook_admin->send("POST", "/api/v1/users", R"({"username": "spy", "role": "authority", "schools": ["8013000"]})");
    const auto nothing = brook_admin->send("POST", "/api/v1/users", R"({"username": "spy", "role": "authority", "schools": ["8019999"]})");
    EXPECT_EQ(grant.status, 422);
    EXPECT_EQ(with_word_replaced(grant.body, hillside, "<school>"), with_word_replaced(nothing.body, nowhere, "<school>"));
}

TEST_P(object_access, an_authority_user_shared_with_another_school_is_not_one_administrators_to_take_over) {
    services::user_credentials adviser;
    {
        const auto database = pool->acquire();
        adviser = services::add_user(*database, {"la.adviser", "", user_role::authority, "", {}, {brookside, hillside}},
                                     "2026-02-01T08:00:00Z");
    }
    browser advising = signed_in(adviser);
    EXPECT_EQ(advising.send("POST", "/api/v1/schools/8013000/groups", R"({"name": "Mine"})").status, 403);
    EXPECT_EQ(advising.send("POST", "/api/v1/schools/8012000/groups", R"({"name": "Mine"})").status, 403);
    // Brookside's administrator may not give themselves the adviser's account (a new password), nor
    // disable it or change its role for Hillside too.
    const std::string shared =
        "forbidden|null|la.adviser is granted schools you do not administer as well; you may change only their grant of your "
        "schools, and the server's operator the rest (`waymark users set`).";
    EXPECT_EQ(brook_admin->send("POST", "/api/v1/users/la.adviser/password").error_fields(), shared);
    EXPECT_EQ(brook_admin->send("PUT", "/api/v1/users/la.adviser", R"({"disabled": true})").error_fields(), shared);
    EXPECT_EQ(brook_admin->send("PUT", "/api/v1/users/la.adviser", R"({"role": "administrator"})").error_fields(), shared);
    EXPECT_EQ(advising.send("GET", "/api/v1/session").status, 200);
    // The audit log shows them what the adviser did at Brookside, and nothing of Hillside.
    const auto entries = brook_admin->send("GET", "/api/v1/audit?user=la.adviser").json()->getArray("entries");
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < entries->size(); ++i) paths.push_back(entries->getObject(static_cast<unsigned>(i))->getValue<std::string>("path"));
    EXPECT_THAT(paths, ::testing::Contains("/api/v1/schools/8012000/groups"));
    EXPECT_THAT(paths, ::testing::Not(::testing::Contains(HasSubstr(hillside))));
    // They may take Brookside's grant away; Hillside's stays.
    const auto ungranted = brook_admin->send("PUT", "/api/v1/users/la.adviser", R"({"schools": []})");
    ASSERT_EQ(ungranted.status, 200) << ungranted.body;
    EXPECT_EQ(ungranted.json()->getArray("schools")->size(), 1U);
    EXPECT_EQ(advising.send("GET", "/api/v1/schools/8013000/pupils").status, 200);
    EXPECT_EQ(advising.send("GET", "/api/v1/schools/8012000/pupils").status, 404);
}

}  // namespace

WAYMARK_ON_EVERY_DATABASE(object_access);

}  // namespace waymark::testing
