#include "mis_fixture.hpp"
#include "sims/sims_connector.hpp"

#include "domain/calendar.hpp"
#include "domain/codes.hpp"
#include "domain/upn.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

namespace waymark {
namespace {

using connectors::sims_connector;
using domain::pupil;

class demo_mis_test : public testing::mis_test {
protected:
    std::vector<pupil> read_pupils() {
        sims_connector mis(db().session(), mis_schema());
        const auto schools = mis.schools();
        auto by_school = mis.pupils(schools, testing::demo_day);
        std::vector<pupil> all;
        for (auto &[id, pupils] : by_school) all.insert(all.end(), pupils.begin(), pupils.end());
        return all;
    }
    static std::vector<pupil> on_roll(const std::vector<pupil> &pupils) {
        std::vector<pupil> current;
        std::copy_if(pupils.begin(), pupils.end(), std::back_inserter(current), [](const pupil &p) { return !p.archived; });
        return current;
    }
};

TEST_P(demo_mis_test, builds_a_two_form_entry_primary_with_valid_upns) {
    const auto summary = build_demo();
    EXPECT_EQ(summary.pupils_on_roll, 420);
    EXPECT_EQ(summary.leavers, 21);
    sims_connector mis(db().session(), mis_schema());
    const auto schools = mis.schools();
    ASSERT_EQ(schools.size(), 1u);
    EXPECT_EQ(schools[0].la_code, "888");
    EXPECT_EQ(schools[0].estab_no, "2000");

    const auto pupils = read_pupils();
    ASSERT_EQ(pupils.size(), 441u);
    EXPECT_EQ(on_roll(pupils).size(), 420u);
    std::set<std::string> upns;
    for (const auto &p : pupils) {
        EXPECT_EQ(domain::upn_problem(p.upn), std::nullopt) << p.upn;
        EXPECT_EQ(p.upn.substr(1, 7), "8882000") << "LA and establishment numbers in " << p.upn;
        if (!p.former_upn.empty()) {
            EXPECT_TRUE(domain::is_temporary_upn(p.former_upn)) << p.former_upn;
        }
        EXPECT_NE(domain::find_ethnicity(p.ethnicity), nullptr) << p.ethnicity;
        EXPECT_FALSE(p.postcode.empty());
        upns.insert(p.upn);
    }
    EXPECT_EQ(upns.size(), pupils.size()) << "UPNs are unique";

    // 60 a year, Reception to Year 6, in two named classes of about 30.
    std::map<int, int> per_year;
    std::map<std::string, int> per_class;
    for (const auto &p : on_roll(pupils)) {
        ++per_year[domain::nc_year(p.date_of_birth, domain::academic_year_of(testing::demo_day), p.year_override)];
        ++per_class[p.class_name];
    }
    EXPECT_EQ(per_year.size(), 7u);
    for (const auto &[year, count] : per_year) EXPECT_NEAR(count, 60, 2) << "year " << year;
    EXPECT_EQ(per_class.size(), 14u);
    EXPECT_TRUE(per_class.contains("Oak") && per_class.contains("Ash"));
    for (const auto &[name, count] : per_class) EXPECT_NEAR(count, 30, 3) << name;
}

TEST_P(demo_mis_test, characteristics_fall_within_realistic_rates) {
    build_demo();
    const auto pupils = on_roll(read_pupils());
    const double n = static_cast<double>(pupils.size());
    const auto rate = [&](auto predicate) { return static_cast<double>(std::count_if(pupils.begin(), pupils.end(), predicate)) / n; };
    EXPECT_NEAR(rate([](const pupil &p) { return p.fsm; }), 0.22, 0.05);
    EXPECT_NEAR(rate([](const pupil &p) { return p.sen == 'K'; }), 0.12, 0.04);
    EXPECT_NEAR(rate([](const pupil &p) { return p.sen == 'E'; }), 0.025, 0.017);
    EXPECT_NEAR(rate([](const pupil &p) { return p.eal; }), 0.175, 0.05);
    EXPECT_GE(rate([](const pupil &p) { return p.ever6_fsm; }), rate([](const pupil &p) { return p.fsm; }));
    EXPECT_NEAR(rate([](const pupil &p) { return domain::is_summer_born(p.date_of_birth); }), 153.0 / 365.0, 0.08);
    EXPECT_NEAR(rate([](const pupil &p) { return p.gender == 'F'; }), 0.49, 0.08);
    std::set<std::string> codes, extended;
    for (const auto &p : pupils) {
        codes.insert(p.ethnicity);
        if (!domain::find_ethnicity(p.ethnicity)->is_main()) extended.insert(p.ethnicity);
    }
    EXPECT_GE(codes.size(), 12u);
    EXPECT_GE(extended.size(), 3u);
    EXPECT_GT(std::count_if(pupils.begin(), pupils.end(), [](const pupil &p) { return *p.date_joined > domain::date{std::chrono::year{2020}, std::chrono::September, std::chrono::day{4}} && p.date_joined->month() != std::chrono::September; }), 10);
}

TEST_P(demo_mis_test, leavers_have_a_leaving_date_before_the_day) {
    build_demo();
    for (const auto &p : read_pupils()) {
        if (!p.archived) {
            EXPECT_FALSE(p.date_left.has_value()) << p.upn;
            continue;
        }
        ASSERT_TRUE(p.date_left.has_value());
        EXPECT_LT(*p.date_left, testing::demo_day);
        EXPECT_LT(*p.date_joined, *p.date_left);
        EXPECT_FALSE(p.class_name.empty()) << "the class they left from";
    }
}

TEST_P(demo_mis_test, utf8_names_and_apostrophes_survive_the_round_trip) {
    build_demo(7, 1, 2000);
    std::set<std::string> names;
    for (const auto &p : read_pupils()) {
        names.insert(p.forename);
        names.insert(p.surname);
    }
    for (const std::string expected : {"Zoë", "Łukasz", "O'Neill", "Nguyễn", "Siobhán", "Wiśniewska"})
        EXPECT_TRUE(names.contains(expected)) << expected;
}

TEST_P(demo_mis_test, the_same_seed_gives_the_same_school_and_another_seed_another) {
    build_demo(11);
    const auto first = read_pupils();
    connectors::demo::drop_demo_mis(db().session(), mis_schema());
    build_demo(11);
    EXPECT_EQ(read_pupils(), first);
    connectors::demo::drop_demo_mis(db().session(), mis_schema());
    build_demo(12);
    EXPECT_NE(read_pupils(), first);
}

TEST_P(demo_mis_test, refuses_to_build_over_an_existing_mis) {
    build_demo();
    EXPECT_TRUE(connectors::demo::demo_mis_exists(db().session(), mis_schema()));
    EXPECT_THROW(build_demo(), std::logic_error);
    EXPECT_EQ(read_pupils().size(), 441u) << "the MIS is as it was";
    connectors::demo::drop_demo_mis(db().session(), mis_schema());
    EXPECT_FALSE(connectors::demo::demo_mis_exists(db().session(), mis_schema()));
}

TEST_P(demo_mis_test, a_local_authority_is_many_schools_with_their_own_numbers) {
    const auto summary = build_demo(3, 4, 70);
    EXPECT_EQ(summary.schools, 4);
    EXPECT_EQ(summary.pupils_on_roll, 280);
    sims_connector mis(db().session(), mis_schema());
    const auto schools = mis.schools();
    ASSERT_EQ(schools.size(), 4u);
    const auto by_school = mis.pupils(schools, testing::demo_day);
    for (const auto &school : schools) {
        ASSERT_TRUE(by_school.contains(school.establishment_id));
        for (const auto &p : by_school.at(school.establishment_id)) EXPECT_EQ(p.upn.substr(4, 4), school.estab_no);
    }
}

WAYMARK_ON_EVERY_DATABASE(demo_mis_test);

}  // namespace
}  // namespace waymark
