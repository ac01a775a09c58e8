// The summary table on SQLite and PostgreSQL: the seed's four pupils by year group and characteristic
// with their prior attainment (GLD from Reception, KS1 from Year 2), teacher assessment on track and
// test averages, and groups under six pupils marked as not statistically meaningful.
#include "reports/builders/summary_table.hpp"

#include "report_fixture.hpp"
#include "services/statutory/statutory_entry.hpp"

namespace waymark::testing {
namespace {

class summary_table_test : public report_test {
protected:
    // Pupil01 reached GLD and EXS+ in all three at KS1; Pupil02 did neither; Pupil03 has KS1 reading
    // and writing only, Pupil04 nothing.
    void record_prior_attainment() {
        std::vector<services::statutory_value> reception, year2;
        for (int goal = 1; goal <= 12; ++goal) {
            char code[4];
            std::snprintf(code, sizeof code, "E%02d", goal);
            reception.push_back({test_upn(1), services::statutory_measure::elg, code, "Expected"});
            reception.push_back({test_upn(2), services::statutory_measure::elg, code, goal == 1 ? "Emerging" : "Expected"});
        }
        services::record_statutory(db(), school_, {2021}, reception);
        const std::vector<std::tuple<int, const char *, const char *>> ks1{
            {1, "reading", "EXS"}, {1, "writing", "EXS"}, {1, "maths", "GDS"}, {2, "reading", "EXS"},
            {2, "writing", "WTS"}, {2, "maths", "EXS"},   {3, "reading", "GDS"}, {3, "writing", "GDS"}};
        for (const auto &[serial, subject, code] : ks1)
            year2.push_back({test_upn(serial), services::statutory_measure::ks1_ta, subject, code});
        services::record_statutory(db(), school_, {2023}, year2);
    }

    reports::document summary(services::pupil_filter filter = {}) { return reports::build_summary_table(db().session(), cohort(std::move(filter))); }

    static std::vector<std::string> row_of(const reports::table &t, const std::string &group) {
        for (const auto &r : texts(t.rows))
            if (r.front() == group) return r;
        for (const auto &r : texts(t.footer_rows))
            if (r.front() == group) return r;
        throw std::runtime_error("no row " + group);
    }
};

TEST_P(summary_table_test, puts_prior_attainment_beside_teacher_assessment_by_year_group) {
    record_prior_attainment();
    const auto doc = summary();
    EXPECT_EQ(doc.kind, "summary_table");
    const auto &years = only<reports::table>(doc);
    EXPECT_EQ(years.title, "By year group and by pupil characteristic");
    // GLD 1 of 2 with a profile; KS1 1 of 2 with all three; reading 1, writing 2, maths 3 of 4; RWM 1.
    EXPECT_EQ(row_of(years, "Year 4"), (std::vector<std::string>{"Year 4", "4", "50%", "50%", "25%", "50%", "75%", "25%"}));
    EXPECT_EQ(row_of(years, "All pupils").size(), 8u);
    EXPECT_EQ(years.header_rows.front()[2].text, "Prior attainment");
    EXPECT_NO_THROW(reports::validate(doc));
}

TEST_P(summary_table_test, splits_the_pupils_by_characteristic_and_marks_small_groups) {
    record_prior_attainment();
    const auto doc = summary();
    const auto &groups = only<reports::table>(doc);
    // Girls are Pupil02 and Pupil04: no GLD, not EXS+ at KS1, maths on track for Pupil02 only.
    EXPECT_EQ(row_of(groups, "Girls"), (std::vector<std::string>{"Girls", "2", "0%", "0%", "0%", "0%", "50%", "0%"}));
    EXPECT_EQ(row_of(groups, "EHC plan"), (std::vector<std::string>{"EHC plan", "0", "\u2013", "\u2013", "\u2013", "\u2013", "\u2013", "\u2013"}));
    ASSERT_TRUE(groups.rows[1].back().cell_band.has_value()) << "Girls";
    EXPECT_EQ(groups.rows[1].back().cell_band->code, "*");
}

TEST_P(summary_table_test, a_group_of_six_is_counted_as_meaningful) {
    add_year4(5, 2, "4A");
    const auto doc = summary();
    const auto &years = only<reports::table>(doc);
    EXPECT_EQ(row_of(years, "Year 4")[1], "6");
    EXPECT_FALSE(years.rows.front().front().cell_band.has_value());
    EXPECT_EQ(row_of(years, "Year 4")[4], "16.7%") << "Pupil03 of six on track in reading";
    EXPECT_EQ(row_of(years, "Year 4")[2], "\u2013") << "nobody has an EYFS profile";
}

TEST_P(summary_table_test, averages_each_test_score_column) {
    auto spec = spring_spec("Spring 2");
    spec.subjects = {{"maths", "", services::test_score_kind::standardised}};
    spec.test_scores_title = "NFER";
    const auto tested = create(spec);
    const std::vector<services::cell_change> scores{{{test_upn(1), "maths", services::cell_kind::test}, "104", {}, {}, {}},
                                                    {{test_upn(2), "maths", services::cell_kind::test}, "97", {}, {}, {}}};
    services::record_changes(db(), school_, tested, *schemes_, scores, {"mrs.khan", "2026-02-12T09:00:00Z"});
    const auto doc = reports::build_summary_table(
        db().session(), reports::load_assessment_cohort(db().session(), *schemes_, {school_, tested, {}, "", "2026-03-01T10:00:00Z"}));
    const auto &years = only<reports::table>(doc);
    EXPECT_EQ(years.columns.back().label, "Mathematics standardised");
    EXPECT_EQ(row_of(years, "Year 4").back(), "100.5");
    EXPECT_EQ(years.header_rows.front().back().text, "Test average");
}

WAYMARK_ON_EVERY_DATABASE(summary_table_test);

}  // namespace
}  // namespace waymark::testing
