// Data-collection health on SQLite and PostgreSQL: which classes and subjects of an assessment still
// have judgements missing, the pupils to chase, cleared judgements counted as missing, pupils outside
// the year groups or excluded from data not chased, pupils in no class, and a term's assessments.
#include "services/tracking/collection_health.hpp"

#include "services/tracking/judgements.hpp"
#include "services/pupils/pupil_inclusion.hpp"
#include "tracking_fixture.hpp"

#include <gtest/gtest.h>

namespace waymark::testing {
namespace {

using services::cell_change;
using services::cell_kind;

class collection_health_test : public tracking_test {
protected:
    void SetUp() override {
        tracking_test::SetUp();
        if (IsSkipped()) return;
        add_year4(1, 3, "4A");   // Pupil01 .. Pupil03
        add_year4(10, 2, "4B");  // Pupil10, Pupil11
        auto spec = spring_spec();
        spec.subjects = {{"science", lep_points, {}}};
        assessment_ = create(spec);  // reading, writing, maths, science
        std::vector<cell_change> changes;
        for (const int serial : {1, 2, 3, 10, 11})
            for (const char *subject : {"reading", "writing", "maths"})
                changes.push_back({{test_upn(serial), subject, cell_kind::judgement}, "OT", {}, {}, {}});
        changes.push_back({{test_upn(10), "science", cell_kind::judgement}, "44", {}, {}, {}});
        changes.push_back({{test_upn(11), "science", cell_kind::judgement}, "45", {}, {}, {}});
        // Pupil02's writing is missing; 4A's science is missing for everyone.
        changes.erase(std::find_if(changes.begin(), changes.end(), [](const cell_change &c) {
            return c.cell.upn == test_upn(2) && c.cell.subject == "writing";
        }));
        services::record_changes(db(), school_, assessment_, *schemes_, changes, {"mrs.khan", "2026-02-10T09:00:00Z"});
    }

    services::collection_health check() { return services::check_collection(db().session(), school_, assessment_); }

    // "class/subject: n of m: Pupil01, Pupil03"
    static std::vector<std::string> gaps(const services::collection_health &health) {
        std::vector<std::string> out;
        for (const auto &gap : health.gaps) {
            std::string line = gap.class_name + "/" + gap.subject + ": " + std::to_string(gap.missing.size()) + " of " +
                               std::to_string(gap.pupils) + ":";
            for (const auto &pupil : gap.missing) line += " " + pupil.surname;
            out.push_back(line);
        }
        return out;
    }

    services::assessment assessment_;
};

using lines = std::vector<std::string>;

TEST_P(collection_health_test, names_each_class_and_subject_with_judgements_missing_and_the_pupils) {
    const auto health = check();
    EXPECT_EQ(health.assessment, "Spring 1");
    EXPECT_EQ(health.assessment_id, assessment_.id);
    EXPECT_EQ(health.pupils, 5);
    EXPECT_EQ(health.expected, 20);
    EXPECT_EQ(health.missing, 4);
    EXPECT_EQ(gaps(health), (lines{"4A/writing: 1 of 3: Pupil02", "4A/science: 3 of 3: Pupil01 Pupil02 Pupil03"}));
    EXPECT_EQ(health.gaps[0].missing[0].upn, test_upn(2));
    EXPECT_EQ(health.gaps[0].missing[0].forename, "Sam");
}

TEST_P(collection_health_test, a_cleared_judgement_is_missing_again_and_a_recorded_one_is_not) {
    services::clear_cell(db(), school_, assessment_, {test_upn(11), "maths", cell_kind::judgement}, {"mrs.khan", "2026-02-11T09:00:00Z"});
    services::record_changes(db(), school_, assessment_, *schemes_,
                             std::vector<cell_change>{{{test_upn(2), "writing", cell_kind::judgement}, "T", {}, {}, {}}},
                             {"mrs.khan", "2026-02-11T10:00:00Z"});
    EXPECT_EQ(gaps(check()), (lines{"4A/science: 3 of 3: Pupil01 Pupil02 Pupil03", "4B/maths: 1 of 2: Pupil11"}));
}

TEST_P(collection_health_test, chases_only_included_pupils_in_the_year_groups) {
    services::set_included(db(), school_, std::vector{test_upn(2)}, false, "mrs.khan");
    auto year5 = year4_pupil(20, "4A");
    year5.date_of_birth = domain::date{std::chrono::year{2015}, std::chrono::month{10}, std::chrono::day{3}};
    db().transaction("adding a Year 5 pupil", [&](soci::session &session) { store::insert_pupils(session, school_.id, std::vector{year5}); });
    const auto health = check();
    EXPECT_EQ(health.pupils, 4);
    EXPECT_EQ(health.excluded_pupils, 1);
    EXPECT_EQ(health.missing, 2);
    EXPECT_EQ(gaps(health), (lines{"4A/science: 2 of 2: Pupil01 Pupil03"}));
}

TEST_P(collection_health_test, pupils_in_no_class_are_listed_first) {
    add_year4(30, 1, "");
    EXPECT_EQ(gaps(check()), (lines{"/reading: 1 of 1: Pupil30", "/writing: 1 of 1: Pupil30", "/maths: 1 of 1: Pupil30",
                                    "/science: 1 of 1: Pupil30", "4A/writing: 1 of 3: Pupil02",
                                    "4A/science: 3 of 3: Pupil01 Pupil02 Pupil03"}));
}

TEST_P(collection_health_test, a_term_checks_each_of_its_assessments) {
    auto later = spring_spec("Spring 2");
    later.assessed_on = domain::date{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{20}};
    create(later);
    auto summer = spring_spec("Summer 1");
    summer.term = domain::term::summer;
    create(summer);
    const auto spring = services::check_collection(db().session(), school_, {2025}, domain::term::spring);
    ASSERT_EQ(spring.size(), 2U);
    EXPECT_EQ(spring[0].assessment, "Spring 1");
    EXPECT_EQ(spring[0].missing, 4);
    EXPECT_EQ(spring[1].assessment, "Spring 2");
    EXPECT_EQ(spring[1].missing, 15);
    EXPECT_TRUE(services::check_collection(db().session(), school_, {2024}, domain::term::spring).empty());
}

}  // namespace

WAYMARK_ON_EVERY_DATABASE(collection_health_test);

}  // namespace waymark::testing
