// The Venn report on SQLite and PostgreSQL: the seed's four pupils in their regions, all eight regions
// present, a pupil without a judgement outside that subject's circle, and the on-track rates.
#include "reports/builders/venn_report.hpp"

#include "report_fixture.hpp"

namespace waymark::testing {
namespace {

class venn_report_test : public report_test {
protected:
    reports::document report() { return reports::build_venn_report(cohort()); }

    // "RWM:count" per region, in the document's order: a letter for each set the region is in.
    static std::vector<std::string> regions(const reports::venn &v) {
        std::vector<std::string> out;
        for (const auto &region : v.regions) {
            std::string name;
            for (std::size_t s = 0; s < 3; ++s)
                if (region.membership[s]) name += "RWM"[s];
            out.push_back((name.empty() ? "none" : name) + ":" + std::to_string(region.count));
        }
        return out;
    }
};

TEST_P(venn_report_test, places_the_seeds_four_pupils) {
    const auto doc = report();
    const auto &diagram = only<reports::venn>(doc);
    EXPECT_EQ(diagram.sets, (std::vector<std::string>{"Reading", "Writing", "Mathematics"}));
    EXPECT_EQ(diagram.total, 4);
    // Pupil03 is on track in all three, Pupil01 in writing and maths, Pupil02 in maths, Pupil04 in none.
    EXPECT_EQ(regions(diagram),
              (std::vector<std::string>{"RWM:1", "RW:0", "RM:0", "WM:1", "R:0", "W:0", "M:1", "none:1"}));
    EXPECT_DOUBLE_EQ(diagram.regions[0].percent, 25.0);
    EXPECT_EQ(listed(doc, "region-7"), (std::vector<std::string>{"Pupil03, Sam: 4A On track On track Deeper learning"}));
    EXPECT_EQ(listed(doc, "region-0"), (std::vector<std::string>{"Pupil04, Sam: 4A Towards Below Towards"}));
    EXPECT_EQ(diagram.regions[1].pupils, "") << "an empty region has nobody to list";
    EXPECT_NO_THROW(reports::validate(doc));
}

TEST_P(venn_report_test, states_each_subjects_on_track_rate_beside_the_diagram) {
    const auto doc = report();
    const auto &rates = only<reports::key_values>(doc).items;
    ASSERT_EQ(rates.size(), 4u);
    EXPECT_EQ(rates[0].key, "Reading on track or above");
    EXPECT_EQ(rates[0].value, "1 (25.00%)");
    EXPECT_EQ(rates[1].value, "2 (50.00%)");
    EXPECT_EQ(rates[2].value, "3 (75.00%)");
    EXPECT_EQ(rates[3].value, "4");
}

TEST_P(venn_report_test, a_pupil_without_a_judgement_is_outside_that_circle) {
    add_year4(5, 1, "4A");
    record({{{test_upn(5), "reading", services::cell_kind::judgement}, "OT", {}, {}, {}},
            {{test_upn(5), "maths", services::cell_kind::judgement}, "D", {}, {}, {}}},
           "2026-02-11T09:00:00Z");
    const auto doc = report();
    EXPECT_EQ(regions(only<reports::venn>(doc))[2], "RM:1");
    EXPECT_EQ(listed(doc, "region-5"), (std::vector<std::string>{"Pupil05, Sam: 4A On track No judgement Deeper learning"}));
}

WAYMARK_ON_EVERY_DATABASE(venn_report_test);

}  // namespace
}  // namespace waymark::testing
