// The Venn report on SQLite and PostgreSQL: the seed's four pupils in their regions, all eight regions
// present, pupils without a judgement in a core subject counted apart from the regions (issue 17),
// and the on-track rates.
#include "reports/builders/venn_report.hpp"

#include "report_fixture.hpp"

#include <algorithm>

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
    ASSERT_TRUE(diagram.unjudged.has_value()) << "the count apart is stated even when nobody is in it";
    EXPECT_EQ(diagram.unjudged->count, 0);
    EXPECT_EQ(diagram.unjudged->pupils, "");
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
    EXPECT_EQ(rates[3].key, "Pupils included in data");
    EXPECT_EQ(rates[3].value, "4");
}

TEST_P(venn_report_test, pupils_without_a_judgement_are_counted_apart_not_in_none) {
    // Pupil05 has no judgement at all, Pupil06 none in maths only, Pupil07 Below in all three
    // beside the seed's Pupil04 (Towards, Below, Towards).
    add_year4(5, 3, "4A");
    record({{{test_upn(6), "reading", services::cell_kind::judgement}, "OT", {}, {}, {}},
            {{test_upn(6), "writing", services::cell_kind::judgement}, "D", {}, {}, {}},
            {{test_upn(7), "reading", services::cell_kind::judgement}, "B", {}, {}, {}},
            {{test_upn(7), "writing", services::cell_kind::judgement}, "B", {}, {}, {}},
            {{test_upn(7), "maths", services::cell_kind::judgement}, "B", {}, {}, {}}},
           "2026-02-11T09:00:00Z");
    const auto doc = report();
    const auto &diagram = only<reports::venn>(doc);
    EXPECT_EQ(regions(diagram),
              (std::vector<std::string>{"RWM:1", "RW:0", "RM:0", "WM:1", "R:0", "W:0", "M:1", "none:2"}))
        << "Pupil06's reading and writing do not put them in the reading and writing region";
    int64_t in_regions = 0;
    for (const auto &region : diagram.regions) in_regions += region.count;
    EXPECT_EQ(in_regions, diagram.total) << "the regions add up to the judged pupils";
    EXPECT_EQ(diagram.total, 5);
    EXPECT_DOUBLE_EQ(diagram.regions[7].percent, 40.0) << "a share of the judged pupils";
    EXPECT_EQ(listed(doc, "region-0"),
              (std::vector<std::string>{"Pupil04, Sam: 4A Towards Below Towards", "Pupil07, Sam: 4A Below Below Below"}));

    ASSERT_TRUE(diagram.unjudged.has_value());
    EXPECT_EQ(diagram.unjudged->label, "No judgement in at least one subject");
    EXPECT_EQ(diagram.unjudged->count, 2);
    EXPECT_EQ(diagram.unjudged->pupils, "unjudged");
    EXPECT_EQ(listed(doc, "unjudged"), (std::vector<std::string>{"Pupil05, Sam: 4A No judgement No judgement No judgement",
                                                                 "Pupil06, Sam: 4A On track Deeper learning No judgement"}));
    const auto &lists = only<reports::pupil_lists>(doc).lists;
    const auto unjudged = std::find_if(lists.begin(), lists.end(), [](const auto &l) { return l.id == "unjudged"; });
    ASSERT_NE(unjudged, lists.end());
    EXPECT_EQ(unjudged->title, "No judgement in at least one subject: 2");

    // The rates stay over all seven pupils: Pupil06 counts in reading on track.
    const auto &rates = only<reports::key_values>(doc).items;
    EXPECT_EQ(rates[0].value, "2 (28.57%)");
    EXPECT_EQ(rates[3].key, "Pupils included in data");
    EXPECT_EQ(rates[3].value, "7");
    EXPECT_NO_THROW(reports::validate(doc));
}

WAYMARK_ON_EVERY_DATABASE(venn_report_test);

}  // namespace
}  // namespace waymark::testing
