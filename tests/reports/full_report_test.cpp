// The Full report on SQLite and PostgreSQL: the seed's four-pupil example figure by figure, the
// pupils behind each figure, agreement with the summary statistics, banded columns for a scheme of
// many grades, include in data, as-of, an empty selection, and a document every renderer accepts.
#include "reports/builders/full_report.hpp"

#include "report_fixture.hpp"
#include "reports/document_json.hpp"
#include "services/pupils/pupil_inclusion.hpp"
#include "services/tracking/summary_statistics.hpp"

namespace waymark::testing {
namespace {

using rows = std::vector<std::vector<std::string>>;

class full_report_test : public report_test {
protected:
    reports::document report(services::pupil_filter filter = {}, const std::string &as_of = "") {
        return reports::build_full_report(cohort(std::move(filter), as_of), *schemes_);
    }
};

TEST_P(full_report_test, reproduces_the_seeds_worked_example) {
    const auto doc = report();
    const auto &four_band = only<reports::table>(doc, 0);
    EXPECT_EQ(four_band.title, "Lancashire four-band");
    std::vector<std::string> labels;
    for (const auto &column : four_band.columns) labels.push_back(column.label);
    EXPECT_EQ(labels, (std::vector<std::string>{"Subject Area", "Below", "Towards", "On track", "Deeper learning",
                                                "On track or above", "No judgement", "Num Pupils"}));
    EXPECT_EQ(texts(four_band.rows),
              (rows{{"Reading", "0 (0.00%)", "3 (75.00%)", "1 (25.00%)", "0 (0.00%)", "1 (25.00%)", "0 (0.00%)", "4"},
                    {"Writing", "2 (50.00%)", "0 (0.00%)", "2 (50.00%)", "0 (0.00%)", "2 (50.00%)", "0 (0.00%)", "4"},
                    {"Mathematics", "0 (0.00%)", "1 (25.00%)", "1 (25.00%)", "2 (50.00%)", "3 (75.00%)", "0 (0.00%)", "4"}}));
    EXPECT_EQ(doc.kind, "full_report");
    EXPECT_EQ(doc.school, "Brookside Primary");
    EXPECT_EQ(doc.excluded_pupils, 0);
    EXPECT_EQ(doc.schemes, (std::vector<std::string>{"Lancashire four-band", "LEP points"}));
    EXPECT_EQ(doc.filters, (std::vector<std::string>{"Spring 1 (Spring term, 2025/2026)", "2025/2026, Whole school"}));
    EXPECT_EQ(doc.as_of, "2026-03-01");
}

TEST_P(full_report_test, every_figure_names_its_pupils_alphabetically_with_their_judgements) {
    const auto doc = report();
    EXPECT_EQ(listed(doc, "reading-T"),
              (std::vector<std::string>{"Pupil01, Sam: 4A Towards", "Pupil02, Sam: 4A Towards", "Pupil04, Sam: 4A Towards"}));
    EXPECT_EQ(listed(doc, "maths-on-track"),
              (std::vector<std::string>{"Pupil01, Sam: 4A Deeper learning", "Pupil02, Sam: 4A On track",
                                        "Pupil03, Sam: 4A Deeper learning"}));
    const auto &reading = only<reports::table>(doc, 0).rows[0];
    EXPECT_EQ(reading[2].pupils, "reading-T");
    EXPECT_EQ(reading[1].pupils, "") << "a zero has nobody to list";
}

TEST_P(full_report_test, agrees_with_the_summary_statistics) {
    const auto doc = report();
    const auto summary = services::summarise(db().session(), school_, assessment_, *schemes_, {});
    const auto &four_band = only<reports::table>(doc, 0);
    for (std::size_t s = 0; s < 3; ++s) {
        const auto &row = four_band.rows[s];
        const auto &subject = summary.subjects[s];
        for (std::size_t g = 0; g < subject.grades.size(); ++g) EXPECT_EQ(row[1 + g].value, subject.grades[g].pupils);
        EXPECT_EQ(row[5].value, subject.on_track);
        EXPECT_EQ(row[6].value, subject.no_judgement);
    }
}

TEST_P(full_report_test, a_scheme_of_many_grades_is_counted_by_band_with_pupils_unjudged_apart) {
    const auto doc = report();
    const auto &lep = only<reports::table>(doc, 1);
    EXPECT_EQ(lep.title, "LEP points");
    ASSERT_EQ(lep.rows.size(), 1u);
    EXPECT_EQ(lep.rows[0][0].text, "Science");
    EXPECT_EQ(lep.columns[1].label, "Below expected");
    int counted = 0;
    for (std::size_t c = 1; c <= 4; ++c) counted += static_cast<int>(lep.rows[0][c].value.value_or(0));
    EXPECT_EQ(counted, 1);
    EXPECT_EQ(lep.rows[0][6].text, "3 (75.00%)");
}

TEST_P(full_report_test, pupils_left_out_of_data_leave_every_figure_and_the_report_says_so) {
    services::set_included(db(), school_, std::vector{test_upn(3)}, false, "mrs.khan");
    const auto doc = report();
    EXPECT_EQ(doc.excluded_pupils, 1);
    EXPECT_EQ(texts(only<reports::table>(doc, 0).rows)[0],
              (std::vector<std::string>{"Reading", "0 (0.00%)", "3 (100.00%)", "0 (0.00%)", "0 (0.00%)", "0 (0.00%)",
                                        "0 (0.00%)", "3"}));
}

TEST_P(full_report_test, as_of_an_earlier_instant_shows_the_figures_then) {
    record({{{test_upn(4), "reading", services::cell_kind::judgement}, "OT", {}, {}, {}}}, "2026-02-20T09:00:00Z");
    const auto now = report();
    const auto then = report({}, "2026-02-15T00:00:00Z");
    EXPECT_EQ(texts(only<reports::table>(now, 0).rows)[0][3], "2 (50.00%)");
    EXPECT_EQ(texts(only<reports::table>(then, 0).rows)[0][3], "1 (25.00%)");
}

TEST_P(full_report_test, a_filter_that_selects_nobody_gives_zeros_not_the_whole_school) {
    services::pupil_filter year5;  // the assessment is for Year 4
    year5.year_group = 5;
    const auto doc = report(year5);
    EXPECT_EQ(texts(only<reports::table>(doc, 0).rows)[0],
              (std::vector<std::string>{"Reading", "0 (0.00%)", "0 (0.00%)", "0 (0.00%)", "0 (0.00%)", "0 (0.00%)",
                                        "0 (0.00%)", "0"}));
    EXPECT_NO_THROW(reports::validate(doc));
}

TEST_P(full_report_test, a_year_group_without_an_assessment_is_named_as_not_counted) {
    auto year5 = year4_pupil(30, "5A");
    year5.date_of_birth = domain::date{std::chrono::year{2015}, std::chrono::month{10}, std::chrono::day{3}};
    db().transaction("adding Year 5", [&](soci::session &session) { store::insert_pupils(session, school_.id, std::span(&year5, 1)); });
    const auto doc = reports::build_full_report(latest_cohort(), *schemes_);
    EXPECT_EQ(doc.filters, (std::vector<std::string>{"Year 4: Spring 1 (Spring term, 2025/2026)",
                                                     "Not counted, no assessment yet: Year 5", "2025/2026, Whole school"}));
    EXPECT_EQ(texts(only<reports::table>(doc, 0).rows)[0].back(), "4");
}

TEST_P(full_report_test, a_whole_school_report_counts_each_year_group_in_its_latest_assessment) {
    std::vector<domain::pupil> year3{year4_pupil(20, "3A"), year4_pupil(21, "3A")};
    for (auto &pupil : year3) pupil.date_of_birth = domain::date{std::chrono::year{2017}, std::chrono::month{10}, std::chrono::day{3}};
    db().transaction("adding Year 3", [&](soci::session &session) { store::insert_pupils(session, school_.id, year3); });
    const auto dated = [&](const std::string &name, int month, int day) {
        auto spec = spring_spec(name);
        spec.assessed_on = domain::date{std::chrono::year{2026}, std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
        spec.term = month < 4 ? domain::term::spring : domain::term::summer;
        spec.year_groups = {3, 4};
        return create(spec);
    };
    const auto earlier = dated("January", 1, 12);  // Year 4 has Spring 1 (10 February) after it
    const std::vector<services::cell_change> january{{{test_upn(20), "reading", services::cell_kind::judgement}, "D", {}, {}, {}},
                                                     {{test_upn(1), "reading", services::cell_kind::judgement}, "B", {}, {}, {}}};
    services::record_changes(db(), school_, earlier, *schemes_, january, {"mrs.khan", "2026-01-12T09:00:00Z"});
    dated("Summer 1", 5, 1);  // after the report's date

    const auto doc = reports::build_full_report(latest_cohort(), *schemes_);
    EXPECT_EQ(doc.title, "Full report: latest assessment of each year group");
    EXPECT_EQ(doc.filters, (std::vector<std::string>{"Year 3: January (Spring term, 2025/2026)",
                                                     "Year 4: Spring 1 (Spring term, 2025/2026)", "2025/2026, Whole school"}));
    const auto &four_band = only<reports::table>(doc, 0);
    EXPECT_EQ(texts(four_band.rows)[0],
              (std::vector<std::string>{"Reading", "0 (0.00%)", "3 (50.00%)", "1 (16.67%)", "1 (16.67%)", "2 (33.33%)",
                                        "1 (16.67%)", "6"}));
    EXPECT_EQ(texts(only<reports::table>(doc, 1).rows)[0].back(), "4") << "only Year 4's assessment judges science";
    EXPECT_EQ(listed(doc, "reading-none"), (std::vector<std::string>{"Pupil21, Sam: 3A "}));
}

TEST_P(full_report_test, the_document_is_valid_and_survives_json) {
    const auto doc = report();
    EXPECT_NO_THROW(reports::validate(doc));
    const std::string json = reports::to_json(doc);
    EXPECT_EQ(reports::to_json(reports::parse_document(json)), json);
}

WAYMARK_ON_EVERY_DATABASE(full_report_test);

}  // namespace
}  // namespace waymark::testing
