#include "mis_fixture.hpp"
#include "sims/named_queries.hpp"
#include "sims/sims_connector.hpp"

#include "domain/calendar.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace waymark {
namespace {

using connectors::sims_connector;
using domain::statutory_kind;
using domain::statutory_result;

class sims_connector_test : public testing::mis_test {
protected:
    std::map<std::string, domain::pupil> pupils_by_upn() {
        sims_connector mis(db().session(), mis_schema());
        std::map<std::string, domain::pupil> all;
        for (const auto &[id, pupils] : mis.pupils(mis.schools(), testing::demo_day))
            for (const auto &p : pupils) all.emplace(p.upn, p);
        return all;
    }
    std::string table(std::string_view name) { return connectors::qualify_mis_tables("{mis}" + std::string(name), mis_schema()); }
};

TEST_P(sims_connector_test, statutory_history_follows_the_rules) {
    build_demo();
    const auto pupils = pupils_by_upn();
    sims_connector mis(db().session(), mis_schema());
    const auto by_school = mis.statutory_results();
    ASSERT_EQ(by_school.size(), 1u);
    std::map<std::string, std::vector<statutory_result>> by_pupil;
    for (const auto &r : by_school.begin()->second) by_pupil[r.upn].push_back(r);

    const auto year_now = domain::academic_year_of(testing::demo_day);
    int with_ks1 = 0, retakes = 0;
    for (const auto &[upn, results] : by_pupil) {
        const auto &p = pupils.at(upn);
        const int nc_year = domain::nc_year(p.date_of_birth, year_now);
        std::map<statutory_kind, int> kinds;
        std::vector<statutory_result> marks;
        bool all_early_goals = true;
        std::optional<bool> gld;
        for (const auto &r : results) {
            ++kinds[r.kind];
            if (r.kind == statutory_kind::phonics_mark) marks.push_back(r);
            if (r.kind == statutory_kind::eyfsp_goal && r.subject <= "E12" && r.value != "Expected") all_early_goals = false;
            if (r.kind == statutory_kind::eyfsp_gld) gld = r.value == "Y";
        }
        if (gld) {
            EXPECT_EQ(*gld, all_early_goals) << upn << ": GLD is Expected in all of E01-E12";
        }
        if (kinds.contains(statutory_kind::eyfsp_goal)) {
            EXPECT_EQ(kinds[statutory_kind::eyfsp_goal], 17) << upn;
        }
        if (kinds.contains(statutory_kind::ks1_ta)) {
            EXPECT_GE(nc_year, 3) << upn << ": KS1 TA only for pupils past Year 2";
            EXPECT_EQ(kinds[statutory_kind::ks1_ta], 4) << upn;
            ++with_ks1;
        }
        EXPECT_LE(marks.size(), 2u) << upn;
        if (marks.size() == 2) {
            EXPECT_LT(std::stoi(marks[0].value), 32) << upn << ": Year 2 retake only after not meeting 32";
            EXPECT_EQ(marks[1].year, marks[0].year.next());
            ++retakes;
        }
        for (const auto &r : results) EXPECT_LT(r.year, year_now) << upn << " has a result from this year already";
    }
    EXPECT_GT(with_ks1, 150);
    EXPECT_GT(retakes, 5);
}

TEST_P(sims_connector_test, reads_what_the_mis_says_today) {
    build_demo();
    const auto before = pupils_by_upn();
    const auto it = std::find_if(before.begin(), before.end(), [](const auto &entry) { return !entry.second.fsm && !entry.second.archived; });
    ASSERT_NE(it, before.end());
    const std::string upn = it->first;
    int person_id = 0;
    db().session() << "SELECT person_id FROM " + table("stud_student") + " WHERE unique_pupil_no = :upn", soci::use(upn, "upn"), soci::into(person_id);
    db().session() << "INSERT INTO " + table("stud_fsm_period") + " VALUES (" + std::to_string(person_id) + ", '2026-10-01', NULL)";
    db().session() << "UPDATE " + table("sims_person") + " SET postcode = NULL, surname = 'Brontë' WHERE person_id = " + std::to_string(person_id);
    const auto after = pupils_by_upn().at(upn);
    EXPECT_TRUE(after.fsm);
    EXPECT_TRUE(after.ever6_fsm);
    EXPECT_EQ(after.surname, "Brontë");
    sims_connector mis(db().session(), mis_schema());
    EXPECT_EQ(after.postcode, mis.schools()[0].postcode) << "the school's postcode stands in for an unknown one";
}

TEST_P(sims_connector_test, an_unreadable_date_names_the_pupil_and_column) {
    build_demo();
    if (on_postgresql()) GTEST_SKIP() << "PostgreSQL's DATE column refuses such a value itself";
    std::string upn;
    db().session() << "SELECT MIN(unique_pupil_no) FROM " + table("stud_student"), soci::into(upn);
    db().session() << "UPDATE " + table("sims_person") + " SET dob = '31/02/2019' WHERE person_id = (SELECT person_id FROM " +
                          table("stud_student") + " WHERE unique_pupil_no = '" + upn + "')";
    sims_connector mis(db().session(), mis_schema());
    try {
        mis.pupils(mis.schools(), testing::demo_day);
        FAIL() << "an unreadable date was accepted";
    } catch (const std::runtime_error &e) {
        EXPECT_EQ(std::string(e.what()), "The MIS pupil " + upn + " has an unreadable date of birth '31/02/2019'; correct it in the MIS and run again.");
    }
}

WAYMARK_ON_EVERY_DATABASE(sims_connector_test);

TEST(named_queries_test, qualifies_the_mis_tables_and_names_bad_blocks) {
    const connectors::named_queries queries("-- name: one\nSELECT * FROM {mis}a\n-- a comment\nJOIN {mis}b\n", "x.sql", "sims");
    EXPECT_EQ(queries["one"], "SELECT * FROM sims.a\nJOIN sims.b\n");
    EXPECT_EQ(connectors::qualify_mis_tables("FROM {mis}a", ""), "FROM a");
    try {
        (void)queries["two"];
        FAIL();
    } catch (const std::out_of_range &e) {
        EXPECT_STREQ(e.what(), "x.sql has no query named 'two'; add a `-- name: two` block.");
    }
    try {
        connectors::named_queries("-- name: a\nSELECT 1\n-- name: a\nSELECT 2\n", "y.sql", "");
        FAIL();
    } catch (const std::invalid_argument &e) {
        EXPECT_STREQ(e.what(), "y.sql, line 3: the query 'a' is named twice.");
    }
    EXPECT_THROW(connectors::named_queries("SELECT 1\n", "z.sql", ""), std::invalid_argument);
}

}  // namespace
}  // namespace waymark
