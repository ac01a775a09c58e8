// Include in data on SQLite and PostgreSQL: excluding and including pupils, who did it, and every
// filtered count of excluded pupils.
#include "cohort_fixture.hpp"
#include "services/pupils/pupil_inclusion.hpp"

#include <gmock/gmock.h>

namespace waymark::testing {
namespace {

using services::inclusion;
using names_list = std::vector<std::string>;

class pupil_inclusion_test : public cohort_test {};

TEST_P(pupil_inclusion_test, excluded_pupils_leave_the_data_until_included_again) {
    const std::vector<std::string> two{upns_.at("Ben"), upns_.at("Cara")};
    EXPECT_EQ(services::set_included(db(), school_, two, false, "mrs.patel"), 2U);
    EXPECT_EQ(names({}, inclusion::included), (names_list{"Ava", "Dev", "Eve"}));
    EXPECT_EQ(services::excluded_pupils(db().session(), school_, {}), 2);
    EXPECT_EQ(services::excluded_pupils(db().session(), school_, parsed({{"year", "5"}})), 1);
    EXPECT_EQ(services::excluded_pupils(db().session(), school_, parsed({{"year", "2"}})), 0);
    EXPECT_EQ(services::set_included(db(), school_, two, false, "mrs.patel"), 0U);
    EXPECT_EQ(services::set_included(db(), school_, std::vector{upns_.at("Cara")}, true, "mr.jones"), 1U);
    EXPECT_EQ(names({}, inclusion::excluded), (names_list{"Ben"}));

    std::vector<std::string> who(8);
    std::vector<int> flags(8);
    db().session() << "SELECT changed_by, include_in_data FROM wm_inclusion_changes ORDER BY id", soci::into(who),
        soci::into(flags);
    EXPECT_EQ(who, (names_list{"mrs.patel", "mrs.patel", "mr.jones"}));
    EXPECT_EQ(flags, (std::vector<int>{0, 0, 1}));
}

TEST_P(pupil_inclusion_test, an_unknown_upn_changes_nobody) {
    const std::vector<std::string> upns{upns_.at("Ava"), upns_.at("Finn")};
    EXPECT_THROW(services::set_included(db(), school_, upns, false, "mrs.patel"), services::filter_error);
    EXPECT_EQ(services::excluded_pupils(db().session(), school_, {}), 0);
}

}  // namespace

WAYMARK_ON_EVERY_DATABASE(pupil_inclusion_test);

}  // namespace waymark::testing
