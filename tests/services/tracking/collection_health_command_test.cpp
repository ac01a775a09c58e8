// `waymark collection-health` on both databases: the missing judgements of an assessment or a term
// by class and subject, --json, and mistakes refused.
#include "cli_runner.hpp"
#include "services/tracking/judgements.hpp"
#include "tracking_fixture.hpp"

#include <Poco/JSON/Parser.h>

#include <gmock/gmock.h>

namespace waymark::testing {
namespace {

using ::testing::HasSubstr;

class collection_health_command_test : public tracking_test {
protected:
    void SetUp() override {
        tracking_test::SetUp();
        if (IsSkipped()) return;
        add_year4(1, 2, "4A");
        add_year4(10, 1, "4B");
        const auto assessment = create(spring_spec());
        std::vector<services::cell_change> changes;
        for (const int serial : {1, 2, 10})
            for (const char *subject : {"reading", "writing", "maths"})
                if (serial != 2 || std::string(subject) == "reading")
                    changes.push_back({{test_upn(serial), subject, services::cell_kind::judgement}, "OT", {}, {}, {}});
        services::record_changes(db(), school_, assessment, *schemes_, changes, {"mrs.khan", "2026-02-10T09:00:00Z"});
    }

    cli_result health(std::vector<std::string> extra) {
        std::vector<std::string> words{"collection-health", "--db", connection()};
        words.insert(words.end(), extra.begin(), extra.end());
        return run_cli(words);
    }
};

TEST_P(collection_health_command_test, lists_the_classes_and_subjects_to_chase) {
    const auto result = health({"--assessment", "Spring 1"});
    ASSERT_EQ(result.status, 0) << result.err;
    EXPECT_EQ(single_spaced(result.out),
              "Spring 1: 7 of 9 judgements recorded for 3 pupils, 2 missing; 0 excluded from data.\n"
              " Class Subject Missing Pupils\n"
              " 4A writing 1 of 2 Pupil02, Sam (" + test_upn(2) + ")\n"
              " 4A maths 1 of 2 Pupil02, Sam (" + test_upn(2) + ")\n");
}

TEST_P(collection_health_command_test, a_term_and_json) {
    create(spring_spec("Spring 2"));
    const auto result = health({"--term", "spring", "--academic-year", "2025/2026", "--json"});
    ASSERT_EQ(result.status, 0) << result.err;
    const auto all = Poco::JSON::Parser().parse(result.out).extract<Poco::JSON::Array::Ptr>();
    ASSERT_EQ(all->size(), 2U);
    EXPECT_EQ(all->getObject(0)->getValue<int>("missing"), 2);
    EXPECT_EQ(all->getObject(1)->getValue<std::string>("assessment"), "Spring 2");
    EXPECT_EQ(all->getObject(1)->getValue<int>("missing"), 9);
    const auto one = health({"--assessment", "Spring 1", "--json"});
    const auto json = Poco::JSON::Parser().parse(one.out).extract<Poco::JSON::Object::Ptr>();
    const auto gap = json->getArray("gaps")->getObject(0);
    EXPECT_EQ(gap->getValue<std::string>("class"), "4A");
    EXPECT_EQ(gap->getValue<int>("missing"), 1);
    EXPECT_EQ(gap->getArray("pupils_missing")->getObject(0)->getValue<std::string>("upn"), test_upn(2));
}

TEST_P(collection_health_command_test, mistakes_are_refused) {
    const auto no_term = health({"--term", "winter"});
    EXPECT_EQ(no_term.status, 2);
    EXPECT_THAT(no_term.err, HasSubstr("--term takes autumn, spring or summer, not 'winter'."));
    const auto empty_term = health({"--term", "autumn"});
    EXPECT_EQ(empty_term.status, 2);
    EXPECT_THAT(empty_term.err, HasSubstr("Brookside Primary has no assessment in Autumn 2025/2026."));
    const auto neither = health({});
    EXPECT_EQ(neither.status, 2);
    EXPECT_THAT(neither.err, HasSubstr("The option --assessment is required."));
}

}  // namespace

WAYMARK_ON_EVERY_DATABASE(collection_health_command_test);

}  // namespace waymark::testing
