#include "cli_runner.hpp"
#include "database_fixture.hpp"
#include "sample_pupils.hpp"
#include "store/pupils.hpp"

#include <gmock/gmock.h>

namespace {

using waymark::testing::run_cli;
using ::testing::HasSubstr;

class rollover_command_test : public waymark::testing::database_test {
protected:
    void add_school(const std::string &establishment) {
        auto school = waymark::testing::sample_school();
        school.establishment_number = establishment;
        migrated_db().transaction("adding a school", [&](soci::session &session) {
            const auto stored = waymark::store::find_or_create_school(session, school);
            waymark::store::insert_pupils(session, stored.id, waymark::testing::sample_pupils(12));
        });
    }
};

TEST_P(rollover_command_test, rolls_the_only_school_over_once) {
    add_school("2000");
    const auto first = run_cli({"rollover", "--to", "2026/2027", "--db", connection()});
    EXPECT_EQ(first.status, 0) << first.err;
    EXPECT_THAT(first.out, HasSubstr("Rolled St Zoë's Primary (8012000) over from 2025/2026 to 2026/2027: 12 pupils"));
    const auto again = run_cli({"rollover", "--to", "2026/2027", "--db", connection()});
    EXPECT_EQ(again.status, 1);
    EXPECT_THAT(again.err, HasSubstr("already rolled over to 2026/2027"));
}

TEST_P(rollover_command_test, several_schools_need_school_and_a_bad_year_is_a_usage_error) {
    add_school("2000");
    add_school("3000");
    const auto unnamed = run_cli({"rollover", "--to", "2026/2027", "--db", connection()});
    EXPECT_EQ(unnamed.status, 1);
    EXPECT_THAT(unnamed.err, HasSubstr("say which with --school (one of 8012000, 8013000)"));
    const auto named = run_cli({"rollover", "--to", "2026/2027", "--school", "8013000", "--db", connection()});
    EXPECT_EQ(named.status, 0) << named.err;
    const auto bad_year = run_cli({"rollover", "--to", "next", "--db", connection()});
    EXPECT_EQ(bad_year.status, 2);
    EXPECT_THAT(bad_year.err, HasSubstr("--to takes an academic year such as 2026/2027, not 'next'"));
}

WAYMARK_ON_EVERY_DATABASE(rollover_command_test);

}  // namespace
