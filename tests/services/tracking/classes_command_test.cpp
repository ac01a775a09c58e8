// `waymark classes`, `waymark custom-filters` and `waymark subjects`: thin shells over
// services/tracking/school_settings.hpp, run in-process on both databases.
#include "cli_runner.hpp"
#include "school_fixture.hpp"

#include "services/access/audit_log.hpp"

#include <gmock/gmock.h>

#include <algorithm>

namespace waymark {
namespace {

using ::testing::HasSubstr;
using testing::run_cli;
using testing::single_spaced;

class classes_command_test : public testing::school_test {
protected:
    testing::cli_result run(std::vector<std::string> words) {
        words.insert(words.end(), {"--db", connection()});
        return run_cli(words);
    }
};

TEST_P(classes_command_test, classes_are_added_renamed_listed_and_deleted) {
    EXPECT_EQ(run({"classes", "add", "4A"}).out, "Added class 4A.\n");
    run({"classes", "add", "Spare"});
    EXPECT_EQ(run({"classes", "rename", "4A", "Ash"}).out, "Renamed class 4A to Ash (0 pupils).\n");
    EXPECT_EQ(run({"classes", "delete", "Spare"}).out, "Deleted class Spare.\n");
    EXPECT_THAT(single_spaced(run({"classes", "list"}).out), HasSubstr("Ash 0"));
    EXPECT_THAT(run({"classes", "list", "--json"}).out, HasSubstr("\"Ash\""));
    const auto taken = run({"classes", "add", "Ash"});
    EXPECT_NE(taken.status, 0);
    EXPECT_THAT(taken.err, HasSubstr("already has a class \"Ash\""));
}

TEST_P(classes_command_test, custom_filters_take_six_names) {
    EXPECT_EQ(run({"custom-filters", "set", "Young carer", "", "Forces", "", "", ""}).status, 0);
    const auto listed = single_spaced(run({"custom-filters", "list"}).out);
    EXPECT_THAT(listed, HasSubstr("1 --custom1 yes|no Young carer"));
    EXPECT_THAT(listed, HasSubstr("2 --custom2 yes|no (not used)"));
    const auto too_few = run({"custom-filters", "set", "Forces"});
    EXPECT_EQ(too_few.status, 2);
    EXPECT_THAT(too_few.err, HasSubstr("Give the six names in order"));
}

TEST_P(classes_command_test, subjects_are_set_with_their_schemes) {
    const auto set = single_spaced(run({"subjects", "set", "science=org.waymark.lep-points"}).out);
    EXPECT_THAT(set, HasSubstr("Reading reading org.waymark.lancashire-four-band"));
    EXPECT_THAT(set, HasSubstr("Science science org.waymark.lep-points"));
    const auto unknown = run({"subjects", "set", "maths=org.example.none"});
    EXPECT_NE(unknown.status, 0);
    EXPECT_THAT(unknown.err, HasSubstr("choose one of"));
    EXPECT_EQ(run({"subjects", "set", "maths"}).status, 2);
}

TEST_P(classes_command_test, every_change_and_refusal_is_in_the_audit_log_as_who_made_it) {
    run({"classes", "add", "4A", "--as", "mrs.patel"});
    run({"classes", "rename", "4A", "Ash", "--as", "mrs.patel"});
    run({"classes", "delete", "Oak", "--as", "mrs.patel"});
    run({"custom-filters", "set", "Young carer", "", "Forces", "", "", "", "--as", "mrs.patel"});
    run({"subjects", "set", "science=org.waymark.lep-points", "--as", "mrs.patel"});
    run({"subjects", "set", "maths=org.example.none", "--as", "mrs.patel"});
    run({"classes", "list"});  // reading is not a change

    auto audit = services::read_audit(db().session(), {});
    std::reverse(audit.begin(), audit.end());  // oldest first
    std::vector<std::string> lines;
    for (const auto &entry : audit) {
        EXPECT_EQ(entry.user, "mrs.patel");
        EXPECT_EQ(entry.address, "cli");
        EXPECT_EQ(entry.method, "CLI");
        lines.push_back(entry.path + " | " + std::to_string(entry.status) + " | " + entry.summary.substr(0, 60));
    }
    EXPECT_THAT(lines, ::testing::ElementsAre(
                           "classes add 4A | 200 | added class 4A", "classes rename 4A | 200 | renamed class 4A to Ash",
                           ::testing::StartsWith("classes delete Oak | 404 | Brookside Primary has no class \"Oak\""),
                           "custom-filters set | 200 | named the custom filters: Young carer, -, Forces, -, -, -",
                           ::testing::StartsWith("subjects set | 200 | set the subjects and their schemes: "),
                           ::testing::StartsWith("subjects set | 422 | maths: ")));
}

WAYMARK_ON_EVERY_DATABASE(classes_command_test);

}  // namespace
}  // namespace waymark
