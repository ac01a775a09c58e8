// `waymark summary` on both databases: the seed's SUMMARY DATA table for the four-pupil worked
// example, the excluded count in every answer, filters, --as-of, --json, and mistakes refused.
#include "cli_runner.hpp"
#include "services/tracking/judgements.hpp"
#include "services/pupils/pupil_inclusion.hpp"
#include "tracking_fixture.hpp"

#include <Poco/JSON/Parser.h>

#include <gmock/gmock.h>

namespace waymark::testing {
namespace {

using ::testing::HasSubstr;

class summary_command_test : public tracking_test {
protected:
    void SetUp() override {
        tracking_test::SetUp();
        if (IsSkipped()) return;
        add_year4(1, 4, "4A");
        const auto assessment = create(spring_spec());
        const char *judged[4][3] = {{"T", "OT", "D"}, {"T", "B", "OT"}, {"OT", "OT", "D"}, {"T", "B", "T"}};
        std::vector<services::cell_change> changes;
        for (int pupil = 0; pupil < 4; ++pupil) {
            int s = 0;
            for (const char *subject : {"reading", "writing", "maths"})
                changes.push_back({{test_upn(pupil + 1), subject, services::cell_kind::judgement}, judged[pupil][s++], {}, {}, {}});
        }
        services::record_changes(db(), school_, assessment, *schemes_, changes, {"mrs.khan", "2026-02-10T09:00:00Z"});
    }

    cli_result summary(std::vector<std::string> extra) {
        std::vector<std::string> words{"summary", "--assessment", "Spring 1", "--db", connection()};
        words.insert(words.end(), extra.begin(), extra.end());
        return run_cli(words);
    }
};

TEST_P(summary_command_test, prints_the_seeds_summary_table) {
    const auto result = summary({});
    ASSERT_EQ(result.status, 0) << result.err;
    EXPECT_EQ(single_spaced(result.out),
              "Spring 1 (2025/2026, Whole school): 4 pupils; 0 excluded from data.\n"
              " reading writing maths R,W,M\n"
              "Number Below 0 2 0\n"
              "% Below 0.00 50.00 0.00\n"
              "Number Towards 3 0 1\n"
              "% Towards 75.00 0.00 25.00\n"
              "Number On track 1 2 1\n"
              "% On track 25.00 50.00 25.00\n"
              "Number Deeper learning 0 0 2\n"
              "% Deeper learning 0.00 0.00 50.00\n"
              "Number on track or above 1 2 3 1\n"
              "% on track or above 25.00 50.00 75.00 25.00\n"
              "No judgement 0 0 0\n");
}

TEST_P(summary_command_test, filters_and_the_excluded_count) {
    services::set_included(db(), school_, std::vector{test_upn(3)}, false, "mrs.khan");
    const auto girls = summary({"--gender", "F"});
    ASSERT_EQ(girls.status, 0) << girls.err;
    EXPECT_THAT(girls.out, HasSubstr("Spring 1 (2025/2026, girls): 2 pupils; 0 excluded from data.\n"));
    const auto boys = summary({"--gender", "M"});
    EXPECT_THAT(boys.out, HasSubstr("Spring 1 (2025/2026, boys): 1 pupil; 1 excluded from data.\n"));
    EXPECT_THAT(single_spaced(boys.out), HasSubstr("% on track or above 0.00 100.00 100.00 0.00\n"));
}

TEST_P(summary_command_test, as_of_a_date_counts_what_was_recorded_by_the_end_of_it) {
    const auto before = summary({"--as-of", "2026-02-09"});
    ASSERT_EQ(before.status, 0) << before.err;
    EXPECT_THAT(before.out, HasSubstr("Spring 1 as of 2026-02-09T23:59:59Z (2025/2026, Whole school): 4 pupils"));
    EXPECT_THAT(single_spaced(before.out), HasSubstr("No judgement 4 4 4\n"));
    EXPECT_THAT(single_spaced(summary({"--as-of", "2026-02-10"}).out), HasSubstr("No judgement 0 0 0\n"));
}

TEST_P(summary_command_test, json_carries_every_figure) {
    const auto result = summary({"--json"});
    ASSERT_EQ(result.status, 0) << result.err;
    const auto json = Poco::JSON::Parser().parse(result.out).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(json->getValue<int>("pupils"), 4);
    EXPECT_EQ(json->getValue<int>("excluded_pupils"), 0);
    EXPECT_TRUE(json->get("as_of").isEmpty());
    const auto maths = json->getArray("subjects")->getObject(2);
    EXPECT_EQ(maths->getValue<std::string>("subject"), "maths");
    EXPECT_EQ(maths->getValue<int>("on_track"), 3);
    EXPECT_DOUBLE_EQ(maths->getValue<double>("on_track_percent"), 75.0);
    EXPECT_EQ(maths->getArray("grades")->getObject(3)->getValue<std::string>("label"), "Deeper learning");
    EXPECT_EQ(maths->getArray("grades")->getObject(3)->getValue<int>("pupils"), 2);
    EXPECT_DOUBLE_EQ(json->getObject("reading_writing_maths")->getValue<double>("percent"), 25.0);
}

TEST_P(summary_command_test, mistakes_are_refused_with_the_option_named) {
    const auto bad_sen = summary({"--sen", "Q"});
    EXPECT_EQ(bad_sen.status, 2);
    EXPECT_THAT(bad_sen.err, HasSubstr("--sen takes N, K, E, A, P or S, not \"Q\"."));
    const auto bad_class = summary({"--class", "9Z"});
    EXPECT_EQ(bad_class.status, 2);
    EXPECT_THAT(bad_class.err, HasSubstr("No class named \"9Z\" at Brookside Primary; its classes are: 4A."));
    const auto bad_instant = summary({"--as-of", "soon"});
    EXPECT_EQ(bad_instant.status, 2);
    EXPECT_THAT(bad_instant.err, HasSubstr("--as-of takes YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, not 'soon'."));
    const auto unknown = run_cli({"summary", "--assessment", "Autumn 9", "--db", connection()});
    EXPECT_EQ(unknown.status, 1);
    EXPECT_THAT(unknown.err, HasSubstr("The school has no assessment named 'Autumn 9'; it has: Spring 1."));
}

}  // namespace

WAYMARK_ON_EVERY_DATABASE(summary_command_test);

}  // namespace waymark::testing
