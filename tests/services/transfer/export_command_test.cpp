#include "cli_runner.hpp"
#include "ctf_sample.hpp"
#include "school_fixture.hpp"
#include "store/statutory.hpp"

#include <gmock/gmock.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace waymark {
namespace {

using testing::run_cli;
using ::testing::HasSubstr;

class export_command_test : public testing::school_test {
protected:
    void SetUp() override {
        testing::school_test::SetUp();
        if (IsSkipped()) return;
        const auto sample = test::sample_ctf(14);
        db().transaction("adding the pupils", [&](soci::session &session) {
            store::insert_pupils(session, school_.id, sample.pupils);
            store::write_statutory_results(session, school_.id, sample.results);
        });
        upns_ = sample.pupils[6].upn + "," + sample.pupils[13].upn;
    }

    std::string out() { return (scratch_folder() / "out.xml").string(); }

    std::string written() {
        std::ifstream stream(out());
        std::ostringstream text;
        text << stream.rdbuf();
        return text.str();
    }

    std::string upns_;
};

TEST_P(export_command_test, a_year_group_to_a_named_school) {
    const auto result = run_cli({"export", "ctf", "--year", "6", "--to", "8012001", "--out", out(), "--db", connection()});
    EXPECT_EQ(result.status, 0) << result.err;
    EXPECT_THAT(result.out, HasSubstr("Wrote 2 pupils of Brookside Primary with"));
    EXPECT_THAT(written(), HasSubstr("<DestSchool>\n      <LEA>801</LEA>\n      <Estab>2001</Estab>"));
    EXPECT_THAT(written(), HasSubstr("<DocumentQualifier>partial</DocumentQualifier>"));
}

TEST_P(export_command_test, named_pupils_and_mistakes) {
    const auto named = run_cli({"export", "ctf", "--upn", upns_, "--out", out(), "--db", connection()});
    EXPECT_EQ(named.status, 0) << named.err;
    EXPECT_THAT(named.out, HasSubstr("Wrote 2 pupils"));
    const auto bad_year = run_cli({"export", "ctf", "--year", "Y6", "--out", out(), "--db", connection()});
    EXPECT_EQ(bad_year.status, 2);
    EXPECT_THAT(bad_year.err, HasSubstr("--year takes a year group: R or 1 to 11, not 'Y6'"));
    const auto no_out = run_cli({"export", "ctf", "--db", connection()});
    EXPECT_EQ(no_out.status, 2);
    EXPECT_THAT(no_out.err, HasSubstr("--out is required"));
}

WAYMARK_ON_EVERY_DATABASE(export_command_test);

}  // namespace
}  // namespace waymark
