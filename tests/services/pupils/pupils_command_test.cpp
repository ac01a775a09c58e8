// `waymark pupils add|edit|archive|return`, run in-process on both databases: the CLI's shell over the
// pupil records service, with every change and refusal in the audit log.
#include "cli_runner.hpp"
#include "school_fixture.hpp"

#include "domain/upn.hpp"
#include "services/access/audit_log.hpp"

#include <gmock/gmock.h>

namespace waymark {
namespace {

using testing::run_cli;
using ::testing::HasSubstr;

std::string upn(int serial) {
    const std::string body = "80120000000" + std::to_string(serial);
    return domain::upn_check_letter(body) + body;
}

class pupils_command_test : public testing::school_test {
protected:
    testing::cli_result pupils(std::vector<std::string> words) {
        words.insert(words.begin(), "pupils");
        words.insert(words.end(), {"--db", connection(), "--as", "mrs.patel"});
        return run_cli(words);
    }
};

TEST_P(pupils_command_test, a_pupil_is_added_edited_archived_and_returned_with_each_step_audited) {
    std::string wrong = upn(1);
    wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
    const std::vector<std::string> amy{"--surname", "Bell", "--forename", "Amy", "--date-of-birth", "05/03/2018", "--gender",
                                       "F", "--postcode", "UNKNOWN", "--ethnicity", "WBRI", "--class", "3A"};
    auto refused = amy;
    refused.insert(refused.begin(), {"add", "--upn", wrong});
    const auto wrong_letter = pupils(refused);
    EXPECT_EQ(wrong_letter.status, 2);
    EXPECT_THAT(wrong_letter.err, HasSubstr("--upn: The UPN \"" + wrong + "\" fails its check letter"));
    EXPECT_TRUE(pupils_of(school_).empty());

    auto right = amy;
    right.insert(right.begin(), {"add", "--upn", upn(1)});
    const auto added = pupils(right);
    ASSERT_EQ(added.status, 0) << added.err;
    EXPECT_THAT(added.out, HasSubstr("Added Amy Bell (" + upn(1) + "), class 3A."));
    EXPECT_EQ(pupils_of(school_).front().postcode, "PR1 8XJ");  // UNKNOWN: the school's own

    const auto edited = pupils({"edit", upn(1), "--ever6-fsm", "Y", "--year-override", "R"});
    ASSERT_EQ(edited.status, 0) << edited.err;
    EXPECT_TRUE(pupils_of(school_).front().ever6_fsm);
    EXPECT_EQ(pupils_of(school_).front().year_override, 0);
    EXPECT_THAT(pupils({"edit", upn(1), "--sen", "Z"}).err, HasSubstr("--sen: The SEN value \"Z\" should be"));

    EXPECT_THAT(pupils({"archive", upn(1), "--left", "22/07/2026"}).out, HasSubstr("archived, left 22/07/2026."));
    EXPECT_TRUE(pupils_of(school_).front().archived);
    EXPECT_THAT(pupils({"return", upn(1)}).out, HasSubstr("Returned to roll: Amy Bell"));
    EXPECT_FALSE(pupils_of(school_).front().archived);

    const auto audit = services::read_audit(db().session(), {});
    ASSERT_EQ(audit.size(), 6U);
    EXPECT_EQ(audit.back().method, "CLI");
    EXPECT_EQ(audit.back().path, "pupils add " + wrong);  // newest first: the refusal is the oldest
    EXPECT_EQ(audit.back().status, 422);
    EXPECT_EQ(audit.front().path, "pupils return " + upn(1));
    EXPECT_EQ(audit.front().user, "mrs.patel");
    EXPECT_EQ(audit.front().address, "cli");
}

TEST_P(pupils_command_test, a_leavers_date_left_is_corrected_in_place_and_audited) {
    ASSERT_EQ(pupils({"add", "--upn", upn(1), "--surname", "Bell", "--forename", "Amy", "--date-of-birth", "05/03/2018", "--gender",
                      "F", "--postcode", "UNKNOWN", "--ethnicity", "WBRI"})
                  .status,
              0);
    const auto on_roll = pupils({"date-left", upn(1), "--left", "17/07/2026"});
    EXPECT_EQ(on_roll.status, 2);
    EXPECT_THAT(on_roll.err, HasSubstr("is on roll, so has no date left to correct"));
    ASSERT_EQ(pupils({"archive", upn(1), "--left", "22/07/2026"}).status, 0);
    const auto corrected = pupils({"date-left", upn(1), "--left", "17/07/2026"});
    ASSERT_EQ(corrected.status, 0) << corrected.err;
    EXPECT_THAT(corrected.out, HasSubstr("Corrected the date left: Amy Bell (" + upn(1) + "), archived, left 17/07/2026."));
    EXPECT_TRUE(pupils_of(school_).front().archived);
    const auto audit = services::read_audit(db().session(), {});
    ASSERT_FALSE(audit.empty());
    EXPECT_EQ(audit.front().path, "pupils date-left " + upn(1));
    EXPECT_EQ(audit.front().status, 200);
}

TEST_P(pupils_command_test, a_misspelt_option_is_refused_naming_it_and_nothing_changes) {
    ASSERT_EQ(pupils({"add", "--upn", upn(1), "--surname", "Bell", "--forename", "Amy", "--date-of-birth", "05/03/2018", "--gender",
                      "F", "--postcode", "UNKNOWN", "--ethnicity", "WBRI"})
                  .status,
              0);
    const auto misspelt = pupils({"edit", upn(1), "--surnme", "Smith", "--class", "3B"});
    EXPECT_EQ(misspelt.status, 2);
    EXPECT_THAT(misspelt.err, HasSubstr("There is no option --surnme for waymark pupils (did you mean --surname?); "
                                        "`waymark help pupils` lists the ones it takes."));
    EXPECT_EQ(pupils_of(school_).front().surname, "Bell");
    EXPECT_EQ(pupils_of(school_).front().class_name, "");

    // --year is a filter of pupils list: edit refuses it rather than leave the year group as it was.
    const auto a_filter = pupils({"edit", upn(1), "--year", "4", "--class", "3B"});
    EXPECT_EQ(a_filter.status, 2);
    EXPECT_THAT(a_filter.err, HasSubstr("waymark pupils edit takes no --year (did you mean --year-override?); `waymark help pupils` says what each of its actions takes."));
    const auto a_field = pupils({"archive", upn(1), "--left", "22/07/2026", "--class", "3B"});
    EXPECT_EQ(a_field.status, 2);
    EXPECT_THAT(a_field.err, HasSubstr("waymark pupils archive takes no --class"));
    EXPECT_EQ(pupils_of(school_).front().class_name, "");
    EXPECT_FALSE(pupils_of(school_).front().archived);
}

}  // namespace

WAYMARK_ON_EVERY_DATABASE(pupils_command_test);

}  // namespace waymark
