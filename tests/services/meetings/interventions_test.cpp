#include "services/meetings/interventions.hpp"

#include "services/pupils/pupil_filter.hpp"
#include "tracking_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace waymark {
namespace {

using ::testing::HasSubstr;
using namespace std::chrono;

class interventions_test : public testing::tracking_test {
protected:
    void SetUp() override {
        tracking_test::SetUp();
        if (IsSkipped()) return;
        add_year4(1, 2, "4A");
        create(spring_spec("Spring 1"));
    }

    services::intervention_spec numeracy() {
        services::intervention_spec spec;
        spec.year = {2025};
        spec.assessment = "Spring 1";
        spec.subject = "maths";
        spec.description = "Numeracy intervention";
        spec.started_on = 2026y / January / 12d;
        spec.cost_pence = 12050;
        return spec;
    }

    int stored() {
        int count = 0;
        db().session() << "SELECT CAST(COUNT(*) AS INTEGER) FROM wm_interventions", soci::into(count);
        return count;
    }

    // Moves the pupil with serial 1 to `to` the way a sync does: archived here, a new row there.
    void move_pupil_to(const store::school &to) {
        auto moving = testing::year4_pupil(1, "");
        db().transaction("moving a pupil", [&](soci::session &session) {
            session << "UPDATE wm_pupils SET archived = 1, date_left = '2026-03-31' WHERE school_id = :s AND upn = :u",
                soci::use(school_.id, "s"), soci::use(moving.upn, "u");
            store::insert_pupils(session, to.id, std::vector<domain::pupil>{moving});
        });
    }
};

TEST_P(interventions_test, records_every_field_of_the_seed_form_and_who_recorded_it) {
    const auto added = services::add_intervention(db(), school_, testing::test_upn(1), numeracy(), "mrs.khan");
    EXPECT_EQ(added.upn, testing::test_upn(1));
    EXPECT_EQ(added.pupil_name, "Sam Pupil01");
    EXPECT_EQ(added.school, "8012000");
    EXPECT_EQ(added.year, domain::academic_year{2025});
    EXPECT_EQ(added.assessment, "Spring 1");
    EXPECT_EQ(added.subject, "maths");
    EXPECT_EQ(added.description, "Numeracy intervention");
    EXPECT_EQ(added.started_on, 2026y / January / 12d);
    EXPECT_FALSE(added.ended_on);
    EXPECT_EQ(added.cost_pence, 12050);
    EXPECT_EQ(added.recorded_by, "mrs.khan");
    EXPECT_EQ(services::pupil_interventions(db().session(), school_, testing::test_upn(1)),
              std::vector<services::intervention>{added});
    EXPECT_TRUE(services::pupil_interventions(db().session(), school_, testing::test_upn(2)).empty());
}

TEST_P(interventions_test, dates_and_cost_are_optional) {
    auto spec = numeracy();
    spec.started_on.reset();
    spec.cost_pence.reset();
    const auto added = services::add_intervention(db(), school_, testing::test_upn(2), spec, "mrs.khan");
    EXPECT_FALSE(added.started_on);
    EXPECT_FALSE(added.cost_pence);
}

TEST_P(interventions_test, refuses_bad_input_naming_it_and_stores_nothing) {
    auto unknown_assessment = numeracy();
    unknown_assessment.assessment = "Summer 9";
    auto unknown_subject = numeracy();
    unknown_subject.subject = "astrology";
    auto backwards = numeracy();
    backwards.ended_on = 2026y / January / 1d;
    auto blank = numeracy();
    blank.description = "  ";
    const std::pair<services::intervention_spec, std::string> cases[] = {
        {unknown_assessment, "No assessment named \"Summer 9\" in 2025/2026"},
        {unknown_subject, "subject \"astrology\" is not one Waymark knows"},
        {backwards, "cannot end (2026-01-01) before it starts (2026-01-12)"},
        {blank, "description is required"}};
    for (const auto &[spec, message] : cases) {
        try {
            services::add_intervention(db(), school_, testing::test_upn(1), spec, "mrs.khan");
            ADD_FAILURE() << "accepted: " << message;
        } catch (const services::tracking_error &e) {
            EXPECT_THAT(e.what(), HasSubstr(message));
        }
    }
    EXPECT_THROW(services::add_intervention(db(), school_, testing::test_upn(99), numeracy(), "x"), services::record_not_found);
    EXPECT_EQ(stored(), 0);
}

TEST_P(interventions_test, end_update_and_delete_change_only_that_intervention) {
    const auto first = services::add_intervention(db(), school_, testing::test_upn(1), numeracy(), "mrs.khan");
    const auto second = services::add_intervention(db(), school_, testing::test_upn(1), numeracy(), "mrs.khan");
    EXPECT_EQ(services::end_intervention(db(), school_, first.id, 2026y / March / 20d).ended_on, 2026y / March / 20d);
    EXPECT_THAT(
        [&] { services::end_intervention(db(), school_, first.id, 2025y / December / 1d); },
        ::testing::ThrowsMessage<services::tracking_error>(HasSubstr("cannot end before that, on 2025-12-01")));
    auto changed = numeracy();
    changed.subject = "reading";
    changed.description = "Reading catch-up";
    changed.cost_pence.reset();
    const auto updated = services::update_intervention(db(), school_, second.id, changed);
    EXPECT_EQ(updated.subject, "reading");
    EXPECT_EQ(updated.description, "Reading catch-up");
    EXPECT_FALSE(updated.cost_pence);
    services::delete_intervention(db(), school_, first.id);
    EXPECT_EQ(services::pupil_interventions(db().session(), school_, testing::test_upn(1)),
              std::vector<services::intervention>{updated});
    EXPECT_THROW(services::find_intervention(db().session(), school_, first.id), services::record_not_found);
}

TEST_P(interventions_test, travel_with_the_pupil_to_another_school_in_the_database) {
    const auto added = services::add_intervention(db(), school_, testing::test_upn(1), numeracy(), "mrs.khan");
    const auto other = add_school({0, "801", "3001", "", "Brookfield Junior", "PR2 3CD", {2025}});
    EXPECT_THROW(services::pupil_interventions(db().session(), other, testing::test_upn(1)), services::record_not_found);
    move_pupil_to(other);
    EXPECT_EQ(services::pupil_interventions(db().session(), other, testing::test_upn(1)),
              std::vector<services::intervention>{added});
    EXPECT_EQ(services::find_intervention(db().session(), other, added.id), added);
    // The new school's pupil filter counts it too: the child has an intervention this year.
    services::pupil_filter has_one;
    has_one.intervention = true;
    const auto pupils = services::filtered_pupils(db().session(), other, has_one);
    ASSERT_EQ(pupils.size(), 1U);
    EXPECT_EQ(pupils.front().upn, testing::test_upn(1));
    // A school the child never attended cannot see it.
    const auto stranger = add_school({0, "801", "4002", "", "Elsewhere Primary", "PR3 4EF", {2025}});
    EXPECT_THROW(services::find_intervention(db().session(), stranger, added.id), services::record_not_found);
}

TEST_P(interventions_test, a_schools_interventions_are_every_one_of_its_childrens_wherever_recorded) {
    const auto here = services::add_intervention(db(), school_, testing::test_upn(1), numeracy(), "mrs.khan");
    const auto other = add_school({0, "801", "3001", "", "Brookfield Junior", "PR2 3CD", {2025}});
    EXPECT_TRUE(services::school_interventions(db().session(), other).empty());
    move_pupil_to(other);
    EXPECT_EQ(services::school_interventions(db().session(), other), std::vector<services::intervention>{here});
    EXPECT_EQ(services::school_interventions(db().session(), school_), std::vector<services::intervention>{here})
        << "a pupil who left keeps their record at the school they left";
}

TEST(pounds, parse_and_format_whole_pence) {
    EXPECT_EQ(services::parse_pounds("120.50"), 12050);
    EXPECT_EQ(services::parse_pounds("120.5"), 12050);
    EXPECT_EQ(services::parse_pounds("7"), 700);
    for (const char *bad : {"", "1.234", "-3", "12.", "£5", "1.-5", "abc"}) EXPECT_FALSE(services::parse_pounds(bad)) << bad;
    EXPECT_EQ(services::format_pounds(12050), "120.50");
    EXPECT_EQ(services::format_pounds(705), "7.05");
}

WAYMARK_ON_EVERY_DATABASE(interventions_test);

}  // namespace
}  // namespace waymark
