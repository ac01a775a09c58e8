// The API over its own database holding Brookside Primary (8012000) with Year 4 classes 4A (UPN
// serials 1-3) and 4B (10-11), for the pupils, groups, assessments and judgements routes. Helpers send
// JSON and count what the database holds, so a test can say that a refused request wrote nothing.
#pragma once

#include "served_api.hpp"
#include "tracking_fixture.hpp"

#include "services/tracking/assessments.hpp"
#include "store/pupils.hpp"
#include "store/schools.hpp"

#include <string>
#include <vector>

namespace waymark::testing {

class tracked_school_api : public served_api_with_database {
protected:
    const std::string school_url = "/api/v1/schools/8012000";

    tracked_school_api() {
        std::vector<domain::pupil> pupils;
        for (const int serial : {1, 2, 3}) pupils.push_back(year4_pupil(serial, "4A"));
        for (const int serial : {10, 11}) pupils.push_back(year4_pupil(serial, "4B"));
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

}  // namespace waymark::testing
