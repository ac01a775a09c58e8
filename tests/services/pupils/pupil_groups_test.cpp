// Stored groups on SQLite and PostgreSQL: create, add, remove, list, show, and filtering by a group.
#include "cohort_fixture.hpp"
#include "services/pupils/pupil_groups.hpp"

#include <gmock/gmock.h>

namespace waymark::testing {
namespace {

using services::filter_error;
using ::testing::HasSubstr;
using names_list = std::vector<std::string>;

class pupil_groups_test : public cohort_test {
protected:
    std::vector<std::string> upns(std::initializer_list<const char *> forenames) {
        std::vector<std::string> result;
        for (const char *name : forenames) result.push_back(upns_.at(name));
        return result;
    }
    static constexpr const char *arrivals = "Year 5 recent arrivals";
};

TEST_P(pupil_groups_test, a_group_filters_lists_combined_with_other_filters) {
    const auto group = services::create_group(db(), school_, arrivals, "mrs.patel");
    EXPECT_EQ(group.name, arrivals);
    EXPECT_EQ(group.members, 0);
    EXPECT_EQ(group.created_by, "mrs.patel");
    EXPECT_EQ(services::add_to_group(db(), school_, arrivals, upns({"Cara", "Eve", "Ben"}), "mrs.patel"), 3U);
    EXPECT_EQ(names(parsed({{"group", arrivals}})), (names_list{"Ben", "Cara", "Eve"}));
    EXPECT_EQ(names(parsed({{"group", arrivals}, {"year", "5"}})), (names_list{"Cara", "Eve"}));
    EXPECT_EQ(names(parsed({{"group", arrivals}, {"gender", "M"}})), (names_list{"Ben"}));
}

TEST_P(pupil_groups_test, adding_a_member_again_adds_nothing_and_removing_counts_members_only) {
    services::create_group(db(), school_, arrivals, "mrs.patel");
    EXPECT_EQ(services::add_to_group(db(), school_, arrivals, upns({"Cara"}), "mrs.patel"), 1U);
    EXPECT_EQ(services::add_to_group(db(), school_, arrivals, upns({"Cara", "Eve"}), "mr.jones"), 1U);
    EXPECT_EQ(services::remove_from_group(db(), school_, arrivals, upns({"Cara", "Ava"})), 1U);
    const auto members = services::group_members(db().session(), school_, arrivals);
    ASSERT_EQ(members.size(), 1U);
    EXPECT_EQ(members[0].forename, "Eve");
    EXPECT_EQ(members[0].nc_year, 5);
}

TEST_P(pupil_groups_test, list_counts_members_on_roll_by_name) {
    services::create_group(db(), school_, "Writing booster", "mrs.patel");
    services::create_group(db(), school_, arrivals, "mrs.patel");
    services::add_to_group(db(), school_, arrivals, upns({"Cara", "Eve"}), "mrs.patel");
    db().session() << "UPDATE wm_pupils SET archived = 1 WHERE forename = 'Eve'";
    const auto groups = services::list_groups(db().session(), school_);
    ASSERT_EQ(groups.size(), 2U);
    EXPECT_EQ(groups[0].name, "Writing booster");
    EXPECT_EQ(groups[0].members, 0);
    EXPECT_EQ(groups[1].name, arrivals);
    EXPECT_EQ(groups[1].members, 1);
}

TEST_P(pupil_groups_test, refusals_change_nothing) {
    services::create_group(db(), school_, arrivals, "mrs.patel");
    EXPECT_THROW(services::create_group(db(), school_, arrivals, "mr.jones"), filter_error);
    EXPECT_THROW(services::create_group(db(), school_, "  ", "mr.jones"), filter_error);
    EXPECT_THROW(services::create_group(db(), school_, std::string(101, 'x'), "mr.jones"), filter_error);
    try {
        services::add_to_group(db(), school_, arrivals, std::vector{upns_.at("Ava"), std::string("A801200099999")}, "x");
        FAIL() << "an unknown UPN was added";
    } catch (const filter_error &error) {
        EXPECT_THAT(error.what(), HasSubstr("has UPN A801200099999;"));
    }
    EXPECT_EQ(services::group_members(db().session(), school_, arrivals).size(), 0U);
    try {
        services::add_to_group(db(), school_, "Nobody", upns({"Ava"}), "x");
        FAIL() << "an unknown group was accepted";
    } catch (const filter_error &error) {
        EXPECT_THAT(error.what(), HasSubstr("No group named \"Nobody\" at Brookside Primary; its groups are: " +
                                            std::string(arrivals) + "."));
    }
    EXPECT_EQ(services::list_groups(db().session(), school_).size(), 1U);
}

TEST_P(pupil_groups_test, groups_belong_to_their_school) {
    services::create_group(db(), school_, arrivals, "mrs.patel");
    const auto other = add_school({0, "801", "2001", "", "Hillside Primary", "PR2 1AA", {2025}});
    EXPECT_EQ(services::list_groups(db().session(), other).size(), 0U);
    EXPECT_NO_THROW(services::create_group(db(), other, arrivals, "mr.jones"));
    EXPECT_THROW(services::filtered_pupils(db().session(), other, parsed({{"group", "Writing booster"}})), filter_error);
}

}  // namespace

WAYMARK_ON_EVERY_DATABASE(pupil_groups_test);

}  // namespace waymark::testing
