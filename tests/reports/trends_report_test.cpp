// Trends over time on SQLite and PostgreSQL: the share on track or above per subject term by term
// across two academic years, each term counted in its latest assessment, the chart's lines matching
// the table, and the filter applied in each term's own year.
#include "reports/builders/trends_report.hpp"

#include "report_fixture.hpp"

namespace waymark::testing {
namespace {

class trends_report_test : public report_test {
protected:
    // Year 3 "Summer 2" of 2024/2025: Pupil03 Deeper learning in reading. Year 4 "Autumn 1" (every
    // pupil Below in reading) is overtaken by "Autumn 2" in the same term (every pupil On track).
    void SetUp() override {
        report_test::SetUp();
        if (IsSkipped()) return;
        add("Summer 2", {2024}, domain::term::summer, {2025, 6, 20}, 3, {{3, "D"}});
        add("Autumn 1", {2025}, domain::term::autumn, {2025, 10, 17}, 4, {{1, "B"}, {2, "B"}, {3, "B"}, {4, "B"}});
        add("Autumn 2", {2025}, domain::term::autumn, {2025, 12, 12}, 4, {{1, "OT"}, {2, "OT"}, {3, "OT"}, {4, "OT"}});
    }

    void add(const std::string &name, domain::academic_year year, domain::term term, std::array<int, 3> day, int year_group,
             const std::vector<std::pair<int, std::string>> &reading) {
        auto spec = spring_spec(name);
        spec.year = year;
        spec.term = term;
        spec.assessed_on = domain::date{std::chrono::year{day[0]}, std::chrono::month{static_cast<unsigned>(day[1])},
                                        std::chrono::day{static_cast<unsigned>(day[2])}};
        spec.year_groups = {year_group};
        const auto made = create(spec);
        std::vector<services::cell_change> changes;
        for (const auto &[serial, code] : reading)
            changes.push_back({{test_upn(serial), "reading", services::cell_kind::judgement}, code, {}, {}, {}});
        services::record_changes(db(), school_, made, *schemes_, changes, {"mrs.khan", domain::format_iso_date(spec.assessed_on) + "T15:00:00Z"});
    }

    reports::document trends(services::pupil_filter filter = {}, const std::string &as_of = "") {
        return reports::build_trends_report(db().session(), *schemes_, {school_, std::nullopt, std::move(filter), as_of, "2026-03-01T10:00:00Z"});
    }
};

TEST_P(trends_report_test, counts_each_term_in_its_latest_assessment_across_years) {
    const auto doc = trends();
    EXPECT_EQ(doc.kind, "trends");
    const auto &t = only<reports::table>(doc);
    EXPECT_EQ(t.columns[3].label, "Reading");
    EXPECT_EQ(t.columns[6].label, "Science");
    EXPECT_EQ(texts(t.rows), (std::vector<std::vector<std::string>>{
                                 {"Summer 2024/2025", "Summer 2", "4", "25%", "0%", "0%", "\u2013", "0%"},
                                 {"Autumn 2025/2026", "Autumn 2", "4", "100%", "0%", "0%", "\u2013", "0%"},
                                 {"Spring 2025/2026", "Spring 1", "4", "25%", "50%", "75%", "25%", "25%"}}));
    EXPECT_EQ(doc.filters.front(), "Summer 2024/2025 to Spring 2025/2026");
    EXPECT_NO_THROW(reports::validate(doc));
}

TEST_P(trends_report_test, draws_the_core_subjects_as_lines_matching_the_table) {
    const auto doc = trends();
    const auto &c = only<reports::chart>(doc);
    EXPECT_EQ(c.kind, reports::chart_kind::line);
    EXPECT_EQ(c.categories, (std::vector<std::string>{"Summer 2024/2025", "Autumn 2025/2026", "Spring 2025/2026"}));
    ASSERT_EQ(c.series.size(), 4u);
    EXPECT_EQ(c.series[0].name, "Reading");
    EXPECT_EQ(c.series[0].values, (std::vector<std::optional<double>>{25.0, 100.0, 25.0}));
    EXPECT_EQ(c.series[3].name, "Reading, writing and maths");
    EXPECT_EQ(c.series[3].values.back(), 25.0);
}

TEST_P(trends_report_test, applies_the_filter_in_each_terms_own_year_and_as_of) {
    services::pupil_filter year4;
    year4.year_group = 4;
    EXPECT_EQ(only<reports::chart>(trends(year4)).categories.size(), 2u) << "Year 4 of 2024/2025 has no pupils on roll";
    const auto before_spring = trends({}, "2026-01-31T23:59:59Z");
    EXPECT_EQ(only<reports::chart>(before_spring).categories.back(), "Autumn 2025/2026");
    services::pupil_filter this_year;
    this_year.academic_year = domain::academic_year{2025};
    EXPECT_EQ(only<reports::table>(trends(this_year)).rows.size(), 2u);
}

WAYMARK_ON_EVERY_DATABASE(trends_report_test);

}  // namespace
}  // namespace waymark::testing
