// `waymark schools` on an empty embedded database, as a school or an authority without any MIS
// starts: nothing creates a school but the sync or `schools add`, and then the CSV template imports.
#include "cli_runner.hpp"
#include "data_dir_test.hpp"

#include <gmock/gmock.h>

#include <fstream>

namespace waymark {
namespace {

using testing::run_cli;
using ::testing::HasSubstr;

class schools_command_test : public testing::data_dir_test {
protected:
    std::string pupils_csv() {
        std::filesystem::create_directories(folder());
        const auto path = folder() / "pupils.csv";
        std::ofstream(path) << "UPN,Surname,Forename,DOB,Gender,Postcode,FSM,Ethnic code,EAL,SEN,LA reference\n"
                               "A123456789012,Bell,Amy,01/02/2017,F,UNKNOWN,,WBRI,,,\n";
        return path.string();
    }
};

TEST_F(schools_command_test, an_empty_database_imports_pupils_only_once_a_school_is_added) {
    const auto no_school = run_cli(words({"import", "pupils", pupils_csv()}));
    EXPECT_EQ(no_school.status, 2);
    EXPECT_THAT(no_school.err, HasSubstr("The database holds no school yet; load one first (e.g. `waymark sync`)."));
    EXPECT_THAT(run_cli(words({"schools", "list"})).out, HasSubstr("No school yet;"));

    const auto added = run_cli(words({"schools", "add", "8012000", "--name", "Brookside Primary", "--postcode", "PR1 8XJ"}));
    ASSERT_EQ(added.status, 0) << added.err;
    EXPECT_THAT(added.out, HasSubstr("Added school 8012000 Brookside Primary (academic year "));
    const auto listed = run_cli(words({"schools", "list"}));
    EXPECT_THAT(listed.out, HasSubstr("8012000  Brookside Primary"));
    EXPECT_THAT(listed.out, HasSubstr("PR1 8XJ"));

    const auto imported = run_cli(words({"import", "pupils", pupils_csv()}));
    ASSERT_EQ(imported.status, 0) << imported.err;
    const auto pupils = run_cli(words({"pupils", "list"}));
    EXPECT_THAT(pupils.out, HasSubstr("Bell"));
}

TEST_F(schools_command_test, a_refusal_names_what_to_correct_adds_nothing_and_is_audited) {
    const auto wrong = run_cli(words({"schools", "add", "801200", "--name", "Brookside Primary"}));
    EXPECT_EQ(wrong.status, 2);
    EXPECT_THAT(wrong.err, HasSubstr("seven digits such as 8012000, not '801200'"));
    ASSERT_EQ(run_cli(words({"schools", "add", "8012000", "--name", "Brookside Primary", "--as", "data.manager"})).status, 0);
    const auto again = run_cli(words({"schools", "add", "8012000", "--name", "Elsewhere"}));
    EXPECT_EQ(again.status, 2);
    EXPECT_THAT(again.err, HasSubstr("already holds school 8012000 (Brookside Primary)"));
    const auto json = run_cli(words({"schools", "list", "--json"}));
    EXPECT_THAT(json.out, HasSubstr("\"name\": \"Brookside Primary\""));
    EXPECT_THAT(json.out, ::testing::Not(HasSubstr("Elsewhere")));

    const auto audit = run_cli(words({"users", "audit"}));
    ASSERT_EQ(audit.status, 0) << audit.err;
    EXPECT_THAT(audit.out, HasSubstr("schools add 801200"));
    EXPECT_THAT(audit.out, HasSubstr("data.manager"));
    EXPECT_THAT(audit.out, HasSubstr("added school 8012000 Brookside Primary"));
}

TEST_F(schools_command_test, list_takes_none_of_adds_options) {
    const auto refused = run_cli(words({"schools", "list", "--name", "x"}));
    EXPECT_EQ(refused.status, 2);
    EXPECT_THAT(refused.err, HasSubstr("--name"));
}

}  // namespace
}  // namespace waymark
