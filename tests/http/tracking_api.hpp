// The API over its own embedded database (served_api.hpp) holding one school, Hillside Primary
// (8012000), with a Year 4 class 4A of three pupils, two assessments of 2025/2026 ("Autumn 2" on
// 5 December and "Spring 1" on 10 February, four-band) and counts of any table, so tests can show a refused request wrote nothing.
#pragma once

#include "served_api.hpp"

#include "domain/upn.hpp"
#include "services/tracking/assessments.hpp"
#include "store/pupils.hpp"

#include <string>
#include <tuple>
#include <vector>

namespace waymark::testing {

class tracking_api : public served_api_with_database {
protected:
    static std::string upn(int serial) {
        const std::string body = "801200000" + std::string(serial < 10 ? "00" : "0") + std::to_string(serial);
        return domain::upn_check_letter(body) + body;
    }

    tracking_api() {
        const auto database = pool->acquire();
        const services::scheme_library library(schemes);
        school_ = database->transaction("adding the school", [](soci::session &session) {
            return store::find_or_create_school(session, {0, "801", "2000", "", "Hillside Primary", "PR1 2AB", {2025}});
        });
        std::vector<domain::pupil> pupils;
        for (int serial = 1; serial <= 3; ++serial) {
            domain::pupil p;
            p.upn = upn(serial);
            p.surname = "Pupil" + std::to_string(serial);
            p.forename = "Sam";
            p.date_of_birth = domain::date{std::chrono::year{2016}, std::chrono::October, std::chrono::day{3}};
            p.gender = 'F';
            p.class_name = "4A";
            pupils.push_back(p);
        }
        database->transaction("adding pupils", [&](soci::session &session) { store::insert_pupils(session, school_.id, pupils); });
        using namespace std::chrono;
        const std::tuple<const char *, domain::date, domain::term> assessments[] = {
            {"Autumn 2", 2025y / December / 5d, domain::term::autumn}, {"Spring 1", 2026y / February / 10d, domain::term::spring}};
        for (const auto &[name, day, term] : assessments) {
            services::assessment spec;
            spec.name = name;
            spec.assessed_on = day;
            spec.year = {2025};
            spec.term = term;
            spec.year_groups = {4};
            services::create_assessment(*database, school_, spec, library, "org.waymark.lancashire-four-band");
        }
    }

    int rows_in(const std::string &table) {
        const auto database = pool->acquire();
        int count = 0;
        database->session() << "SELECT CAST(COUNT(*) AS INTEGER) FROM " + table, soci::into(count);
        return count;
    }

    api_reply put(const std::string &uri, const std::string &body) { return client->send("PUT", uri, body); }
    api_reply remove(const std::string &uri) { return client->send("DELETE", uri, ""); }
    // DELETE of the record at `uri` (ending in its id) answers {"deleted": id}; after it, reading or
    // deleting it again is 404.
    void expect_deleted(const std::string &uri, const std::string &id) {
        const auto deleted = remove(uri);
        ASSERT_EQ(deleted.status, 200) << deleted.body;
        EXPECT_EQ(deleted.body, R"({"deleted":)" + id + "}");
        EXPECT_EQ(client->get(uri).status, 404);
        EXPECT_EQ(remove(uri).status, 404);
    }

    const std::string school_path = "/api/v1/schools/8012000";
    store::school school_;
};

}  // namespace waymark::testing
