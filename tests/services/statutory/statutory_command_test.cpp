// `waymark statutory` in-process on both databases: set, show, submit with a declaration, the lock,
// and an unlock only --admin may make.
#include "cli_runner.hpp"
#include "school_fixture.hpp"
#include "statutory_cohort.hpp"

#include <gmock/gmock.h>

namespace waymark::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class statutory_command_test : public school_test {
protected:
    void SetUp() override {
        school_test::SetUp();
        if (IsSkipped()) return;
        db().transaction("adding the cohort", [&](soci::session &session) { store::insert_pupils(session, school_.id, cohort_.pupils); });
    }

    cli_result statutory(std::vector<std::string> words) {
        words.insert(words.begin(), "statutory");
        words.insert(words.end(), {"--db", connection(), "--as", "mrs.patel"});
        return run_cli(std::move(words));
    }
    std::string pair(const char *forename, const std::string &value) const { return cohort_.upns.at(forename) + "=" + value; }

    statutory_cohort cohort_;
};

TEST_P(statutory_command_test, set_show_submit_and_unlock) {
    const auto set = statutory({"set", "phonics", pair("Yusuf", "37"), pair("Yara", "A")});
    ASSERT_EQ(set.status, 0) << set.err;
    EXPECT_EQ(set.out, "Recorded 2 values for 2025/2026.\n");

    const auto shown = statutory({"show", "--year", "1"});
    ASSERT_EQ(shown.status, 0) << shown.err;
    EXPECT_THAT(single_spaced(shown.out), HasSubstr("Year 1, 2025/2026: 2 pupils\n"));
    EXPECT_THAT(single_spaced(shown.out), HasSubstr("Statutory, Yusuf " + cohort_.upns.at("Yusuf") + " 37 Wa"));
    EXPECT_THAT(statutory({"show", "--year", "1", "--json"}).out, HasSubstr("\"outcome\": \"A\""));

    const auto undeclared = statutory({"submit", "phonics-y1"});
    EXPECT_EQ(undeclared.status, 2);
    EXPECT_THAT(undeclared.err, HasSubstr("Submitting needs a declaration: --accept-declaration for"));

    const auto submitted = statutory({"submit", "phonics-y1", "--accept-declaration"});
    ASSERT_EQ(submitted.status, 0) << submitted.err;
    EXPECT_THAT(submitted.out, HasSubstr("Submitted the Year 1 phonics results of 2025/2026 (2 pupils) as mrs.patel at "));

    const auto locked = statutory({"set", "phonics", pair("Yara", "30")});
    EXPECT_EQ(locked.status, 1);
    EXPECT_THAT(locked.err, HasSubstr("were submitted by mrs.patel on"));

    const auto not_admin = statutory({"unlock", "phonics-y1", "--reason", "mistyped"});
    EXPECT_EQ(not_admin.status, 1);
    EXPECT_THAT(not_admin.err, HasSubstr("Only an administrator can unlock the submitted Year 1 phonics results of 2025/2026"));
    const auto unlocked = statutory({"unlock", "phonics-y1", "--reason", "mistyped", "--admin"});
    ASSERT_EQ(unlocked.status, 0) << unlocked.err;
    EXPECT_EQ(statutory({"set", "phonics", pair("Yara", "30")}).status, 0);

    const auto history = statutory({"submissions"});
    EXPECT_THAT(single_spaced(history.out), HasSubstr("phonics-y1 2025/2026 mrs.patel"));
    EXPECT_THAT(history.out, HasSubstr("mistyped"));
}

TEST_P(statutory_command_test, every_bad_value_is_listed_and_nothing_is_recorded) {
    const auto refused = statutory({"set", "ks1_scaled:maths", pair("Tom", "130"), pair("Tia", "78"), pair("Yusuf", "100")});
    EXPECT_EQ(refused.status, 1);
    EXPECT_THAT(refused.err, HasSubstr("Nothing was saved; 3 values need fixing:"));
    EXPECT_THAT(refused.err, HasSubstr("Value 3 (UPN " + cohort_.upns.at("Yusuf") + "): Yusuf Statutory is in Year 1"));
    EXPECT_THAT(statutory({"show", "--year", "2"}).out, Not(HasSubstr("100")));
    EXPECT_EQ(statutory({"set", "sats", pair("Tom", "1")}).status, 2);
}

TEST_P(statutory_command_test, import_reads_a_file_of_values) {
    const auto path = write_file("statutory.csv", "UPN,measure,subject,value\n" + cohort_.upns.at("Tom") + ",ks1_ta,reading,EXS\n" +
                                                      cohort_.upns.at("Tom") + ",ks1_scaled,reading,104\n");
    const auto imported = statutory({"import", path.string()});
    ASSERT_EQ(imported.status, 0) << imported.err;
    EXPECT_EQ(imported.out, "Recorded 2 values of 2 in " + path.string() + " for 2025/2026.\n");
    EXPECT_THAT(single_spaced(statutory({"show", "--year", "2"}).out), HasSubstr("EXS 104"));
    EXPECT_THAT(statutory({"import", (scratch_folder() / "missing.csv").string()}).err, HasSubstr("Cannot read "));
}

}  // namespace

WAYMARK_ON_EVERY_DATABASE(statutory_command_test);

}  // namespace waymark::testing
