// The API over its own database holding Brookside Primary (8012000) with Year 4 pupils in classes
// given by UPN serial (by default 4A: 1-3 and 4B: 10-11), for the pupils, groups, assessments and
// judgements routes. Helpers send JSON and count what the database holds, so a test can say that a
// refused request wrote nothing. tracked_api adds the assessment "Spring 1" for the routes under
// /schools/{school}/assessments/{assessment}.
#pragma once

#include "served_api.hpp"
#include "tracking_fixture.hpp"

#include "services/tracking/assessments.hpp"
#include "services/tracking/judgements.hpp"
#include "store/pupils.hpp"
#include "store/schools.hpp"

#include <string>
#include <tuple>
#include <vector>

namespace waymark::testing {

class tracked_school_api : public served_api_with_database {
protected:
    const std::string school_url = "/api/v1/schools/8012000";

    // A Year 4 class and the UPN serials of its pupils.
    struct year4_class {
        std::string name;
        std::vector<int> serials;
    };

    explicit tracked_school_api(const std::vector<year4_class> &classes = {{"4A", {1, 2, 3}}, {"4B", {10, 11}}}) {
        std::vector<domain::pupil> pupils;
        for (const auto &[name, serials] : classes)
            for (const int serial : serials) pupils.push_back(year4_pupil(serial, name));
        const auto database = pool->acquire();
        school = database->transaction("adding Brookside and its Year 4", [&](soci::session &session) {
            auto made = store::find_or_create_school(session, {0, "801", "2000", "", "Brookside Primary", "PR1 8XJ", {2025}});
            store::insert_pupils(session, made.id, pupils);
            return made;
        });
    }

    api_reply send_json(const std::string &method, const std::string &path, const std::string &json) {
        return client->send(method, school_url + path, json);
    }

    // "Spring 1" (10 February 2026, Year 4): reading, writing and maths on the default scheme,
    // science on school-bands (which only the server's configured instance can judge), a
    // standardised maths test and a phonics column. Returns its id.
    long long create_spring_assessment() {
        const auto reply = send_json("POST", "/assessments",
                                     R"({"name": "Spring 1", "date": "2026-02-10", "year_groups": [4],
                                         "subjects": [{"code": "science", "scheme": "org.waymark.school-bands"},
                                                      {"code": "maths", "test_score": "standardised"}],
                                         "test_scores_title": "NFER", "phonics": true})");
        EXPECT_EQ(reply.status, 201) << reply.body;
        return reply.json()->getValue<long long>("id");
    }

    std::string assessment_url(long long id) const { return "/assessments/" + std::to_string(id); }

    long long rows_in(const std::string &table) {
        const auto database = pool->acquire();
        long long count = 0;
        database->session() << "SELECT COUNT(*) FROM " + table, soci::into(count);
        return count;
    }

    store::school school;
};

// Brookside with Year 4 pupils 1-3 in 4A and 4 in 4B and the assessment "Spring 1" (reading, writing,
// maths in Lancashire four-band).
class tracked_api : public tracked_school_api {
protected:
    tracked_api() : tracked_school_api({{"4A", {1, 2, 3}}, {"4B", {4}}}) {
        const auto database = pool->acquire();
        spring = services::create_assessment(*database, school, year4_spring_spec("Spring 1"), library, four_band);
        base = school_url + "/assessments/" + std::to_string(spring.id);
    }

    static std::string upn(int serial) { return test_upn(serial); }

    // (UPN serial, subject, value) judgements recorded at `at`.
    void judge(const std::vector<std::tuple<int, std::string, std::string>> &cells, const std::string &at) {
        std::vector<services::cell_change> changes;
        for (const auto &[serial, subject, value] : cells)
            changes.push_back({{upn(serial), subject, services::cell_kind::judgement}, value, {}, {}, {}});
        const auto database = pool->acquire();
        services::record_changes(*database, school, spring, library, changes, {"mrs.khan", at});
    }

    services::scheme_library library{schemes};
    services::assessment spring;
    std::string base;  // the assessment's path
};

}  // namespace waymark::testing
