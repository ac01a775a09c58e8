// The API over its own database holding Brookside Primary (8012000) with Year 4 pupils in 4A and 4B
// and the assessment "Spring 1" (reading, writing, maths in Lancashire four-band), for the routes
// under /schools/{school}/assessments/{assessment}.
#pragma once

#include "served_api.hpp"
#include "tracking_fixture.hpp"

#include "services/tracking/judgements.hpp"

#include <string>
#include <vector>

namespace waymark::testing {

class tracked_api : public served_api_with_database {
protected:
    tracked_api() {
        const auto database = pool->acquire();
        school = database->transaction("adding the school", [](soci::session &session) {
            return store::find_or_create_school(session, {0, "801", "2000", "", "Brookside Primary", "PR1 8XJ", {2025}});
        });
        std::vector<domain::pupil> pupils;
        for (int serial = 1; serial <= 4; ++serial) pupils.push_back(year4_pupil(serial, serial <= 3 ? "4A" : "4B"));
        database->transaction("adding pupils", [&](soci::session &session) { store::insert_pupils(session, school.id, pupils); });
        spring = services::create_assessment(*database, school, year4_spring_spec("Spring 1"), library, four_band);
        base = "/api/v1/schools/8012000/assessments/" + std::to_string(spring.id);
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
    store::school school;
    services::assessment spring;
    std::string base;  // the assessment's path
};

}  // namespace waymark::testing
