// The progress report on SQLite and PostgreSQL: the seed's four Year 4 pupils with science in LEP
// points from Autumn 2 to Spring 1 (2 points expected in the spring term, seed 003): one above, one at,
// one without progress and one regressed; the progression summary and key measures from them; and a
// sentence, not figures, for the four-band subjects; attainment against targets, or the sentence that
// none are set.
#include "reports/builders/progress_report.hpp"

#include "report_fixture.hpp"
#include "services/targets/targets.hpp"

namespace waymark::testing {
namespace {

class progress_report_test : public report_test {
protected:
    void SetUp() override {
        report_test::SetUp();
        if (IsSkipped()) return;
        auto spec = spring_spec("Autumn 2");
        spec.assessed_on = domain::date{std::chrono::year{2025}, std::chrono::December, std::chrono::day{5}};
        spec.term = domain::term::autumn;
        spec.subjects = {{"science", lep_points, {}}};
        autumn_ = create(spec);
        std::vector<services::cell_change> autumn, spring;
        const char *before[4] = {"42", "44", "45", "46"};
        const char *after[3] = {"46", "45", "44"};  // Pupil01's 45 is the fixture's
        for (int pupil = 0; pupil < 4; ++pupil)
            autumn.push_back({{test_upn(pupil + 1), "science", services::cell_kind::judgement}, before[pupil], {}, {}, {}});
        for (int pupil = 1; pupil < 4; ++pupil)
            spring.push_back({{test_upn(pupil + 1), "science", services::cell_kind::judgement}, after[pupil - 1], {}, {}, {}});
        services::record_changes(db(), school_, autumn_, *schemes_, autumn, {"mrs.khan", "2025-12-06T09:00:00Z"});
        record(spring, seed_example_saved);
    }

    reports::document report() {
        static const auto plotter = plugins::find_trajectory(loaded_plugins());
        return reports::build_progress_report(db().session(), *schemes_, cohort(), autumn_, &plotter);
    }

    services::assessment autumn_;
};

TEST_P(progress_report_test, each_pupils_points_against_the_expected_two_in_the_spring_term) {
    const auto doc = report();
    EXPECT_EQ(doc.title, "Progress: Autumn 2 to Spring 1");
    EXPECT_EQ(doc.kind, "progress");
    EXPECT_EQ(doc.filters.front(), "From Autumn 2 (05/12/2025) to Spring 1 (10/02/2026)");
    const auto &pupils = only<reports::table>(doc, 2);
    EXPECT_EQ(pupils.title, "Science: each pupil's progress from Autumn 2 to Spring 1");
    const auto rows = texts(pupils.rows);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(std::vector<std::string>(rows[0].begin() + 4, rows[0].end()), (std::vector<std::string>{"3", "3", "2", "Above expected"}));
    EXPECT_EQ(std::vector<std::string>(rows[1].begin() + 4, rows[1].end()), (std::vector<std::string>{"2", "2", "2", "Expected"}));
    EXPECT_EQ(rows[2].back(), "No progress");
    EXPECT_EQ(rows[3].back(), "Regressed");
    EXPECT_EQ(pupils.rows[0].back().cell_band->code, "AE");
    EXPECT_EQ(texts(pupils.footer_rows)[0][4], "0.8") << "(3 + 2 + 0 - 2) / 4 points";
    EXPECT_NO_THROW(reports::validate(doc));
}

TEST_P(progress_report_test, the_progression_summary_and_key_measures) {
    const auto doc = report();
    EXPECT_EQ(texts(only<reports::table>(doc, 0).rows),
              (std::vector<std::vector<std::string>>{{"Science", "1 (25.00%)", "1 (25.00%)", "0 (0.00%)", "1 (25.00%)", "1 (25.00%)", "0", "4"}}));
    const auto measures = texts(only<reports::table>(doc, 1).rows).at(0);
    EXPECT_EQ(measures.at(4), "45") << "(45 + 46 + 45 + 44) / 4 points";
    EXPECT_EQ(std::vector<std::string>(measures.begin() + 5, measures.end()),
              (std::vector<std::string>{"2 (50.00%)", "1 (25.00%)", "1 (25.00%)", "0.8"}));
}

TEST_P(progress_report_test, four_band_subjects_get_a_sentence_not_figures) {
    const auto doc = report();
    EXPECT_EQ(only<reports::paragraph>(doc).text,
              "No progress figures for Reading, Writing and Mathematics: Lancashire four-band judges attainment in bands "
              "and does not measure progress between assessments.");
}

TEST_P(progress_report_test, a_pupil_judged_in_only_one_assessment_is_not_measured) {
    add_year4(5, 1, "4A");
    record({{{test_upn(5), "science", services::cell_kind::judgement}, "45", {}, {}, {}}}, seed_example_saved);
    const auto doc = report();
    EXPECT_EQ(texts(only<reports::table>(doc, 0).rows)[0][6], "1");
    EXPECT_EQ(texts(only<reports::table>(doc, 2).rows)[4].back(), "Not measured");
}

const reports::table *against_targets(const reports::document &doc) {
    for (const auto &block : doc.blocks)
        if (const auto *t = std::get_if<reports::table>(&block); t && t->title == "Attainment against targets") return t;
    return nullptr;
}

// Science targets for the end of KS2 (2027/2028), each line starting at the Autumn 2 judgement and
// rising by the LEP weights 2, 2, 3, 2, 2, 3, 2, 2 (18) over the eight terms after it, so the spring
// line is baseline + (target - baseline) * 2 / 18:
//   Pupil01 42 -> 51: 43, judged 45, above by 2;  Pupil02 44 -> 62: 46, judged 46, on;
//   Pupil03 45 -> 54: 46, judged 45, below by 1;  Pupil04 46 -> 64: 48, judged 44, below by 4.
// Reading targets for the end of the year (four-band, no trajectory): Pupil01 On track, judged
// Towards (below); Pupil03 On track, judged On track (at).
TEST_P(progress_report_test, attainment_against_the_notional_trajectory_and_the_targets) {
    using services::target_horizon;
    std::vector<services::target_change> targets;
    const char *science[4] = {"51", "62", "54", "64"};
    for (int pupil = 0; pupil < 4; ++pupil)
        targets.push_back({{test_upn(pupil + 1), "science", target_horizon::end_of_key_stage}, science[pupil], lep_points});
    for (const int pupil : {1, 3}) targets.push_back({{test_upn(pupil), "reading", target_horizon::end_of_year}, "OT", ""});
    services::set_targets(db(), school_, *schemes_, targets, {"mr.patel", "2026-01-05T09:00:00Z"});
    const auto doc = report();
    const reports::table *against = against_targets(doc);
    ASSERT_NE(against, nullptr);
    std::map<std::string, std::vector<std::string>> by_subject;
    for (const auto &r : texts(against->rows)) by_subject[r.front()] = r;
    EXPECT_EQ(by_subject.size(), 2u) << "writing and maths have no targets";
    // At expected or above: LEP expects 61-63 points at the end of Year 6 (7 x 6 + 19 to 21), so 62 and
    // 64 are, 51 and 54 are not; On track is at the four-band expectation at the end of Year 4.
    EXPECT_EQ(by_subject["Science"],
              (std::vector<std::string>{"Science", "1 (25.00%)", "1 (25.00%)", "2 (50.00%)", "0 (0.00%)", "4", "2 (50.00%)", "1 (25.00%)"}))
        << "64 is above the expected 61-63";
    EXPECT_EQ(by_subject["Reading"],
              (std::vector<std::string>{"Reading", "0 (0.00%)", "1 (50.00%)", "1 (50.00%)", "0 (0.00%)", "2", "2 (100.00%)", "0 (0.00%)"}));
    EXPECT_EQ(listed(doc, "target-reading-2"),
              (std::vector<std::string>{"Pupil01, Sam: 4A On track End of year Towards None Below target by 1 grade"}));
    const auto below = listed(doc, "target-science-2");
    ASSERT_EQ(below.size(), 2u);
    EXPECT_EQ(below[0].rfind("Pupil03, Sam: 4A ", 0), 0u);
    EXPECT_NE(below[0].find(" 46 Below by 1 grade"), std::string::npos) << below[0];
    EXPECT_NE(below[1].find(" 48 Below by 4 grades"), std::string::npos) << below[1];
    EXPECT_NO_THROW(reports::validate(doc));
}

// Seed 004 D.3's "English + mathematics": Pupil01's reading, writing and maths targets are all
// Deeper (above the four-band expectation), Pupil02's writing target is only Towards, and Pupil03 has a
// reading target alone, so is not counted together.
TEST_P(progress_report_test, the_core_subjects_targets_together) {
    using services::target_horizon;
    std::vector<services::target_change> targets;
    const std::map<int, std::vector<std::pair<std::string, std::string>>> set{
        {1, {{"reading", "D"}, {"writing", "D"}, {"maths", "D"}}}, {2, {{"reading", "OT"}, {"writing", "T"}, {"maths", "D"}}}, {3, {{"reading", "OT"}}}};
    for (const auto &[pupil, grades] : set)
        for (const auto &[subject, grade] : grades) targets.push_back({{test_upn(pupil), subject, target_horizon::end_of_year}, grade, ""});
    services::set_targets(db(), school_, *schemes_, targets, {"mr.patel", "2026-01-05T09:00:00Z"});
    const auto doc = report();
    const reports::table *against = against_targets(doc);
    ASSERT_NE(against, nullptr);
    EXPECT_EQ(texts(against->rows).back(), (std::vector<std::string>{"Reading, Writing and Mathematics together", "", "", "", "", "2",
                                                                     "1 (50.00%)", "1 (50.00%)"}));
    EXPECT_EQ(texts(against->rows).front().back(), "1 (33.33%)") << "one of three reading targets above expected";
    EXPECT_NO_THROW(reports::validate(doc));
}

TEST_P(progress_report_test, says_so_when_no_targets_are_set) {
    const auto doc = report();
    EXPECT_TRUE(std::any_of(doc.blocks.begin(), doc.blocks.end(), [](const reports::block &b) {
        const auto *p = std::get_if<reports::paragraph>(&b);
        return p && p->text == "No targets are set for these pupils in the subjects Spring 1 judges, so there is no attainment "
                               "against targets to show.";
    }));
}

WAYMARK_ON_EVERY_DATABASE(progress_report_test);

}  // namespace
}  // namespace waymark::testing
