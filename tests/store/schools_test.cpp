#include "database_fixture.hpp"
#include "sample_pupils.hpp"

namespace {

using namespace waymark;

class schools_test : public waymark::testing::database_test {
protected:
    store::school add(const store::school &details) {
        return migrated_db().transaction("adding the school", [&](soci::session &session) {
            return store::find_or_create_school(session, details);
        });
    }
};

TEST_P(schools_test, a_school_is_created_once_and_its_details_kept_current) {
    const auto first = add(waymark::testing::sample_school());
    EXPECT_GT(first.id, 0);
    EXPECT_EQ(store::laestab(first), "8012000");
    auto renamed = waymark::testing::sample_school();
    renamed.name = "Łukasz Academy";
    renamed.current_year = {2030};  // only the rollover moves the year
    const auto second = add(renamed);
    EXPECT_EQ(second.id, first.id);
    EXPECT_EQ(second.name, "Łukasz Academy");
    EXPECT_EQ(second.current_year, domain::academic_year{2025});
    const auto all = store::all_schools(db().session());
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0], second);
}

TEST_P(schools_test, custom_flag_names_are_kept_per_slot) {
    const auto school = add(waymark::testing::sample_school());
    const std::array<std::string, 6> names{"Young carer", "", "Forces", "", "", "Zoë's group"};
    db().transaction("naming flags", [&](soci::session &session) { store::set_custom_flag_names(session, school.id, names); });
    EXPECT_EQ(store::custom_flag_names(db().session(), school.id), names);
}

TEST_P(schools_test, an_unknown_school_is_not_found) {
    add(waymark::testing::sample_school());
    EXPECT_FALSE(store::find_school(db().session(), "801", "9999"));
}

WAYMARK_ON_EVERY_DATABASE(schools_test);

}  // namespace
