#include "database_fixture.hpp"
#include "sample_pupils.hpp"
#include "store/pupils.hpp"
#include "store/rollover.hpp"

#include <gmock/gmock.h>

#include <map>

namespace {

using namespace waymark;
using ::testing::HasSubstr;

class rollover_test : public waymark::testing::database_test {
protected:
    // A school in 2025/2026 with 30 pupils on roll (three with a year override) and one leaver with
    // an override.
    void SetUp() override {
        waymark::testing::database_test::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        auto pupils = waymark::testing::sample_pupils(31);
        pupils.back().archived = true;
        pupils.back().year_override = 2;
        school_ = waymark::testing::add_sample_school(migrated_db(), pupils);
    }

    store::rollover_record roll_over(int start_year) {
        return db().transaction("rolling over", [&](soci::session &session) {
            return store::roll_over(session, school_.id, {start_year});
        });
    }
    std::map<std::string, domain::pupil> pupils() {
        std::map<std::string, domain::pupil> out;
        for (auto &stored : store::load_pupils(db().session(), school_.id)) out.emplace(stored.pupil.upn, stored.pupil);
        return out;
    }
    domain::academic_year current_year() { return store::find_school(db().session(), "801", "2000")->current_year; }

    store::school school_;
};

TEST_P(rollover_test, every_pupil_on_roll_moves_up_one_year_group_and_leavers_stay_as_they_were) {
    const auto before = pupils();
    const auto record = roll_over(2026);
    EXPECT_EQ(record.from, domain::academic_year{2025});
    EXPECT_EQ(record.to, domain::academic_year{2026});
    EXPECT_EQ(record.pupils_on_roll, 30);
    EXPECT_EQ(record.overrides_moved, 3);
    EXPECT_EQ(current_year(), domain::academic_year{2026});
    const auto after = pupils();
    for (const auto &[upn, was] : before) {
        const auto &now = after.at(upn);
        if (was.archived) {
            EXPECT_EQ(now, was) << upn;
            continue;
        }
        EXPECT_EQ(domain::nc_year(now.date_of_birth, {2026}, now.year_override),
                  domain::nc_year(was.date_of_birth, {2025}, was.year_override) + 1)
            << upn;
        auto unchanged = now;
        unchanged.year_override = was.year_override;
        EXPECT_EQ(unchanged, was) << upn << ": the rollover changed more than the year override";
    }
    EXPECT_EQ(store::rollovers(db().session(), school_.id), std::vector{record});
}

TEST_P(rollover_test, a_second_rollover_into_the_same_year_is_refused_and_changes_nothing) {
    const auto first = roll_over(2026);
    const auto before = pupils();
    try {
        roll_over(2026);
        FAIL() << "a second rollover into 2026/2027 ran";
    } catch (const store::rollover_refused &e) {
        EXPECT_THAT(e.what(), HasSubstr("already rolled over to 2026/2027 on " + first.performed_at));
    }
    EXPECT_EQ(pupils(), before);
    EXPECT_EQ(current_year(), domain::academic_year{2026});
    EXPECT_EQ(store::rollovers(db().session(), school_.id).size(), 1u);
}

TEST_P(rollover_test, only_the_next_year_can_be_rolled_into) {
    const auto before = pupils();
    for (const int year : {2027, 2024, 2025}) {
        try {
            roll_over(year);
            FAIL() << "a rollover into " << year << " ran";
        } catch (const store::rollover_refused &e) {
            EXPECT_THAT(e.what(), HasSubstr("The school is in 2025/2026, so it can only roll over to 2026/2027"));
        }
    }
    EXPECT_EQ(pupils(), before);
    EXPECT_EQ(current_year(), domain::academic_year{2025});
    EXPECT_TRUE(store::rollovers(db().session(), school_.id).empty());
}

TEST_P(rollover_test, two_years_in_a_row) {
    roll_over(2026);
    const auto second = roll_over(2027);
    EXPECT_EQ(second.from, domain::academic_year{2026});
    EXPECT_EQ(current_year(), domain::academic_year{2027});
    EXPECT_EQ(store::rollovers(db().session(), school_.id).size(), 2u);
}

WAYMARK_ON_EVERY_DATABASE(rollover_test);

}  // namespace
