// The progress matrix on SQLite and PostgreSQL: the seed's Pupil Matrix example (five pupils, three
// without an earlier judgement: No data 3 / 60.00%), pupils named in each cell, subject against
// subject across two schemes through their below / at / above evaluation, an earlier academic year,
// and the refusals that say which option to correct; KS1 teacher assessment, EYFS goals and GLD as
// the earlier set.
#include "reports/builders/progress_matrix.hpp"

#include "report_fixture.hpp"
#include "store/statutory.hpp"

namespace waymark::testing {
namespace {

class progress_matrix_test : public report_test {
protected:
    // Pupil05 joins Year 4 unjudged in Spring 1; "Autumn 1" judges only Pupil01 (T, T, B) and
    // Pupil02 (OT, OT, D), so three of the five have no earlier data.
    void SetUp() override {
        report_test::SetUp();
        if (IsSkipped()) return;
        add_year4(5, 1, "4A");
        auto spec = spring_spec("Autumn 1");
        spec.assessed_on = domain::date{std::chrono::year{2025}, std::chrono::month{10}, std::chrono::day{17}};
        spec.term = domain::term::autumn;
        autumn_ = create(spec);
        const char *judged[2][3] = {{"T", "T", "B"}, {"OT", "OT", "D"}};
        constexpr const char *core[3] = {"reading", "writing", "maths"};
        std::vector<services::cell_change> changes;
        for (int pupil = 0; pupil < 2; ++pupil)
            for (int s = 0; s < 3; ++s)
                changes.push_back({{test_upn(pupil + 1), core[s], services::cell_kind::judgement}, judged[pupil][s], {}, {}, {}});
        services::record_changes(db(), school_, autumn_, *schemes_, changes, {"mrs.khan", "2025-10-17T15:00:00Z"});
    }

    reports::document matrix(const services::assessment &from, const std::string &from_subject, const std::string &to_subject = "",
                             services::pupil_filter filter = {}, const std::string &as_of = "") {
        return reports::build_progress_matrix(db().session(), *schemes_,
                                              {school_, std::nullopt, std::move(filter), as_of, "2026-03-01T10:00:00Z"},
                                              {from, from_subject}, {assessment_, to_subject});
    }

    // Each cell's count, a row per vector.
    static std::vector<std::vector<int64_t>> counts(const reports::matrix &m) {
        std::vector<std::vector<int64_t>> out;
        for (const auto &r : m.cells) {
            out.emplace_back();
            for (const auto &c : r) out.back().push_back(c.count);
        }
        return out;
    }

    static std::vector<std::string> labels(const std::vector<reports::matrix_heading> &headings) {
        std::vector<std::string> out;
        for (const auto &h : headings) out.push_back(h.label);
        return out;
    }

    services::assessment autumn_;
};

TEST_P(progress_matrix_test, reproduces_the_seeds_primary_data_with_no_data_at_sixty_percent) {
    const auto doc = matrix(autumn_, "");
    EXPECT_EQ(doc.title, "Progress matrix: Autumn 1 against Spring 1");
    EXPECT_EQ(doc.kind, "progress_matrix");
    // One matrix per subject both judge: reading, writing, maths (science is judged in Spring 1 only).
    EXPECT_EQ(only<reports::matrix>(doc, 2).title, "Mathematics: Autumn 1 (rows) against Spring 1 (columns)");
    EXPECT_THROW(only<reports::matrix>(doc, 3), std::runtime_error);
    const std::vector<std::vector<std::string>> seed_reading{{"Below", "0 (0.00%)"},   {"Towards", "1 (20.00%)"},
                                                             {"On track", "1 (20.00%)"}, {"Deeper learning", "0 (0.00%)"},
                                                             {"No data", "3 (60.00%)"}};
    const std::vector<std::vector<std::string>> seed_maths{{"Below", "1 (20.00%)"},   {"Towards", "0 (0.00%)"},
                                                           {"On track", "0 (0.00%)"}, {"Deeper learning", "1 (20.00%)"},
                                                           {"No data", "3 (60.00%)"}};
    for (std::size_t s = 0; s < 3; ++s) {
        auto rows = texts(only<reports::table>(doc, s).rows);
        for (auto &r : rows) r.pop_back();  // the later set's column
        EXPECT_EQ(rows, s == 2 ? seed_maths : seed_reading) << "subject " << s;
    }
    EXPECT_EQ(texts(only<reports::table>(doc).footer_rows), (std::vector<std::vector<std::string>>{{"Pupils counted", "5", "5"}}));
    EXPECT_NO_THROW(reports::validate(doc));
}

TEST_P(progress_matrix_test, names_the_pupils_in_each_cell_with_both_outcomes) {
    const auto doc = matrix(autumn_, "reading");
    EXPECT_EQ(doc.title, "Progress matrix: Reading, Autumn 1 against Spring 1");
    const auto &m = only<reports::matrix>(doc);
    EXPECT_EQ(labels(m.rows), (std::vector<std::string>{"Below", "Towards", "On track", "Deeper learning", "No data"}));
    EXPECT_TRUE(m.columns.back().no_data);
    // Pupil01 Towards -> Towards, Pupil02 On track -> Towards, Pupil03 none -> On track, Pupil04 none ->
    // Towards, Pupil05 none -> none.
    EXPECT_EQ(counts(m), (std::vector<std::vector<int64_t>>{{0, 0, 0, 0, 0},
                                                            {0, 1, 0, 0, 0},
                                                            {0, 1, 0, 0, 0},
                                                            {0, 0, 0, 0, 0},
                                                            {0, 1, 1, 0, 1}}));
    EXPECT_DOUBLE_EQ(*m.cells[4][1].percent, 20.0);
    EXPECT_EQ(listed(doc, m.cells[2][1].pupils), (std::vector<std::string>{"Pupil02, Sam: 4A On track Towards"}));
    EXPECT_EQ(listed(doc, m.cells[4][4].pupils), (std::vector<std::string>{"Pupil05, Sam: 4A No data No data"}));
    EXPECT_EQ(m.cells[0][0].pupils, "") << "an empty cell has nobody to list";
    EXPECT_EQ(only<reports::paragraph>(doc).text, "Higher in Spring 1 than in Autumn 1: 0 (0.00%)  \u00b7  the same in both: 1 (20.00%)  "
                                                  "\u00b7  lower: 1 (20.00%)  \u00b7  no data in one or both: 3 (60.00%)");
    EXPECT_EQ(doc.filters[0], "Earlier: Autumn 1 (Autumn term, 2025/2026)");
    EXPECT_EQ(doc.filters[1], "Later: Spring 1 (Spring term, 2025/2026)");
    EXPECT_EQ(doc.schemes, (std::vector<std::string>{"Lancashire four-band"}));
}

TEST_P(progress_matrix_test, compares_two_schemes_by_their_expectation_bands) {
    // Pupil01's science is 45 LEP points, Year 4 Entering (within Year 4's spring expectation) and maths Deeper learning.
    const auto doc = matrix(assessment_, "science", "maths");
    EXPECT_EQ(doc.title, "Progress matrix: Science against Mathematics");
    const auto &m = only<reports::matrix>(doc);
    EXPECT_EQ(labels(m.columns), (std::vector<std::string>{"Below expected", "At expected", "Above expected", "No data"}));
    EXPECT_EQ(counts(m)[1], (std::vector<int64_t>{0, 0, 1, 0}));
    EXPECT_EQ(counts(m)[3], (std::vector<int64_t>{1, 1, 1, 1})) << "Pupil02..05 have no science";
    EXPECT_EQ(listed(doc, m.cells[1][2].pupils), (std::vector<std::string>{"Pupil01, Sam: 4A Year 4 Entering Deeper learning"}));
    EXPECT_EQ(only<reports::paragraph>(doc, 1).text.rfind("Higher in Mathematics than in Science: 1 (20.00%)", 0), 0u);
    EXPECT_EQ(only<reports::paragraph>(doc).text.rfind("Pupils are placed by whether each judgement is below, at or above", 0), 0u);
    EXPECT_EQ(doc.schemes.size(), 2u);
}

TEST_P(progress_matrix_test, follows_pupils_back_into_an_earlier_academic_year) {
    services::assessment spec = spring_spec("Summer 2");
    spec.assessed_on = domain::date{std::chrono::year{2025}, std::chrono::month{6}, std::chrono::day{20}};
    spec.year = {2024};
    spec.term = domain::term::summer;
    spec.year_groups = {3};
    const auto summer = create(spec);
    const std::vector<services::cell_change> judged{{{test_upn(3), "reading", services::cell_kind::judgement}, "D", {}, {}, {}}};
    services::record_changes(db(), school_, summer, *schemes_, judged, {"mrs.khan", "2025-06-20T15:00:00Z"});
    const auto doc = matrix(summer, "reading");
    EXPECT_EQ(only<reports::matrix>(doc).cells[3][2].count, 1) << "Pupil03: Deeper learning in Year 3, On track in Year 4";
}

TEST_P(progress_matrix_test, counts_the_filtered_pupils_as_they_stood) {
    services::pupil_filter girls;
    girls.gender = 'F';
    const auto girls_only = counts(only<reports::matrix>(matrix(autumn_, "reading", "", girls)));
    EXPECT_EQ(girls_only[2][1], 1) << "Pupil02";
    EXPECT_EQ(girls_only[4][1], 1) << "Pupil04";
    const auto before = matrix(autumn_, "reading", "", {}, "2025-12-31T23:59:59Z");
    EXPECT_EQ(counts(only<reports::matrix>(before))[1][4], 1) << "Pupil01 had no Spring 1 judgement yet";
    EXPECT_EQ(before.as_of, "2025-12-31");
}

TEST_P(progress_matrix_test, refusals_say_which_option_to_correct) {
    try {
        matrix(autumn_, "science");
        FAIL() << "Autumn 1 does not judge science";
    } catch (const services::filter_error &refused) {
        EXPECT_STREQ(refused.what(), "--from names Science, which Autumn 1 does not judge; it judges reading, writing, maths.");
    }
    try {
        reports::build_progress_matrix(db().session(), *schemes_, {school_, std::nullopt, {}, "", "2026-03-01T10:00:00Z"},
                                       {assessment_, ""}, {autumn_, ""});
        FAIL() << "the later set is dated before the earlier";
    } catch (const services::filter_error &refused) {
        EXPECT_STREQ(refused.what(), "--from is the earlier data set, but Spring 1 (2026-02-10) is dated after Autumn 1 (2025-10-17); "
                                     "swap --from and --to.");
    }
}

// Statutory data as the earlier set. Spring 1 (the fixture): reading T, T, OT, T, none; maths D, OT,
// D, T, none for Pupil01..05, and the four-band scheme places B and T below, OT at and D above.
class statutory_matrix_test : public progress_matrix_test {
protected:
    void store_results(const std::vector<domain::statutory_result> &results) {
        db().transaction("statutory results", [&](soci::session &session) { store::write_statutory_results(session, school_.id, results); });
    }

    reports::document matrix_from(const std::string &from, const std::string &to_subject = "") {
        return reports::build_statutory_matrix(db().session(), *schemes_, {school_, std::nullopt, {}, "", "2026-03-01T10:00:00Z"},
                                               *reports::parse_statutory_set(from), {assessment_, to_subject});
    }

    // Goals E01-E12 all Expected but those named Emerging.
    std::vector<domain::statutory_result> goals(int serial, const std::vector<std::string> &emerging, int last = 12) {
        std::vector<domain::statutory_result> out;
        for (int goal = 1; goal <= last; ++goal) {
            const std::string code = (goal < 10 ? "E0" : "E") + std::to_string(goal);
            const bool below = std::find(emerging.begin(), emerging.end(), code) != emerging.end();
            out.push_back({test_upn(serial), domain::statutory_kind::eyfsp_goal, code, below ? "Emerging" : "Expected", {2021}});
        }
        return out;
    }
};

TEST_P(statutory_matrix_test, ks1_teacher_assessment_as_rows_against_the_later_bands) {
    using domain::statutory_kind;
    store_results({{test_upn(1), statutory_kind::ks1_ta, "reading", "WTS", {2023}},
                   {test_upn(2), statutory_kind::ks1_ta, "reading", "EXS", {2023}},
                   {test_upn(2), statutory_kind::ks1_scaled, "reading", "101", {2023}},
                   {test_upn(3), statutory_kind::ks1_ta, "reading", "GDS", {2023}},
                   {test_upn(4), statutory_kind::ks1_ta, "reading", "A", {2023}},
                   {test_upn(4), statutory_kind::ks1_ta, "maths", "EXS", {2023}}});
    const auto doc = matrix_from("ks1:reading");
    EXPECT_EQ(doc.title, "Progress matrix: Reading, KS1 teacher assessment against Spring 1");
    EXPECT_EQ(doc.filters[0], "Earlier: KS1 teacher assessment (statutory results)");
    const auto &m = only<reports::matrix>(doc);
    EXPECT_EQ(m.title, "Reading: KS1 (rows) against Spring 1 (columns)");
    // WTS, EXS and GDS always; A because Pupil04 was absent.
    EXPECT_EQ(labels(m.rows), (std::vector<std::string>{"WTS", "EXS", "GDS", "A", "No data"}));
    EXPECT_EQ(labels(m.columns), (std::vector<std::string>{"Below expected", "At expected", "Above expected", "No data"}));
    // Pupil01 WTS -> T (below), Pupil02 EXS -> T, Pupil03 GDS -> OT (at), Pupil04 A -> T, Pupil05 none -> none.
    EXPECT_EQ(counts(m), (std::vector<std::vector<int64_t>>{{1, 0, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0}, {1, 0, 0, 0}, {0, 0, 0, 1}}));
    EXPECT_EQ(m.rows[0].heading_band->label, "Working towards the expected standard");
    EXPECT_EQ(listed(doc, m.cells[1][0].pupils), (std::vector<std::string>{"Pupil02, Sam: 4A EXS Towards"}));
    EXPECT_EQ(listed(doc, m.cells[4][3].pupils), (std::vector<std::string>{"Pupil05, Sam: 4A No data No data"}));
    // WTS below = below (same); EXS at -> below, GDS above -> at (lower); A and no data not comparable.
    EXPECT_EQ(only<reports::paragraph>(doc, 1).text,
              "Higher in Spring 1 than in KS1: 0 (0.00%)  \u00b7  the same in both: 1 (20.00%)  \u00b7  lower: 2 (40.00%)  \u00b7  "
              "no data, or an outcome with no place on that scale, in one or both: 2 (40.00%)");
    EXPECT_EQ(texts(only<reports::table>(doc).rows),
              (std::vector<std::vector<std::string>>{{"WTS", "1 (20.00%)", "Below expected", "3 (60.00%)"},
                                                     {"EXS", "1 (20.00%)", "At expected", "1 (20.00%)"},
                                                     {"GDS", "1 (20.00%)", "Above expected", "0 (0.00%)"},
                                                     {"A", "1 (20.00%)", "No data", "1 (20.00%)"},
                                                     {"No data", "1 (20.00%)", "", ""}}));
    EXPECT_EQ(texts(only<reports::table>(doc).footer_rows), (std::vector<std::vector<std::string>>{{"Pupils counted", "5", "", "5"}}));
    EXPECT_NO_THROW(reports::validate(doc));
}

TEST_P(statutory_matrix_test, eyfs_goals_of_the_subject_expected_only_when_every_one_is) {
    store_results(goals(1, {}));                  // E11 and E12 Expected
    store_results(goals(2, {"E12"}));             // Emerging in Numerical Patterns
    store_results({{test_upn(3), domain::statutory_kind::eyfsp_goal, "E11", "Expected", {2021}}});  // E12 missing
    store_results(goals(4, {"E11", "E12"}));
    const auto doc = matrix_from("EYFS:maths");
    const auto &m = only<reports::matrix>(doc);
    EXPECT_EQ(m.title, "Mathematics: EYFS (rows) against Spring 1 (columns)");
    EXPECT_EQ(labels(m.rows), (std::vector<std::string>{"Emerging", "Expected", "No data"}));
    // Pupil01 Expected -> D (above), Pupil02 Emerging -> OT (at), Pupil03 no data -> D, Pupil04 Emerging -> T (below),
    // Pupil05 none.
    EXPECT_EQ(counts(m), (std::vector<std::vector<int64_t>>{{1, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 1, 1}}));
    EXPECT_EQ(only<reports::paragraph>(doc, 1).text.rfind("Higher in Spring 1 than in EYFS: 2 (40.00%)  \u00b7  the same in both: 1 (20.00%)  "
                                                          "\u00b7  lower: 0 (0.00%)", 0), 0u);
    EXPECT_EQ(only<reports::paragraph>(doc).text.rfind("Rows are each pupil's EYFS profile in E11 and E12", 0), 0u);
}

TEST_P(statutory_matrix_test, gld_against_each_subject_the_later_set_judges) {
    store_results(goals(1, {}));
    store_results(goals(2, {"E12"}));
    store_results({{test_upn(3), domain::statutory_kind::eyfsp_goal, "E11", "Expected", {2021}}});  // E11 only: not a GLD
    store_results(goals(4, {"E11", "E12"}));
    const auto doc = matrix_from("gld");
    EXPECT_EQ(doc.title, "Progress matrix: EYFS good level of development against Spring 1");
    EXPECT_EQ(only<reports::matrix>(doc, 2).title, "Mathematics: GLD (rows) against Spring 1 (columns)");
    EXPECT_THROW(only<reports::matrix>(doc, 3), std::runtime_error) << "science is not an EYFS subject";
    const auto &reading = only<reports::matrix>(doc);
    EXPECT_EQ(labels(reading.rows), (std::vector<std::string>{"Not GLD", "GLD", "No data"}));
    // Reading T, T, OT, T: Pupil01 GLD -> below; Pupil02, 04 not -> below; Pupil03 not -> at; Pupil05 none.
    EXPECT_EQ(counts(reading), (std::vector<std::vector<int64_t>>{{2, 1, 0, 0}, {1, 0, 0, 0}, {0, 0, 0, 1}}));
    EXPECT_EQ(only<reports::paragraph>(doc, 1).text.rfind("Higher in Spring 1 than in GLD: 1 (20.00%)  \u00b7  the same in both: 2 (40.00%)  "
                                                          "\u00b7  lower: 1 (20.00%)", 0), 0u);
}

TEST_P(statutory_matrix_test, refusals_name_the_data_sets_there_are) {
    EXPECT_FALSE(reports::parse_statutory_set("Autumn 1").has_value());
    EXPECT_FALSE(reports::parse_statutory_set("KS1 2023").has_value()) << "an assessment's name, no colon";
    EXPECT_EQ(reports::parse_statutory_set("KS1:Reading")->subject, "reading");
    try {
        reports::parse_statutory_set("ks1:history");
        FAIL() << "KS1 records no history";
    } catch (const services::filter_error &refused) {
        EXPECT_STREQ(refused.what(), "--from ks1:history names no statutory data set: KS1 teacher assessment is recorded in "
                                     "ks1:reading, ks1:writing, ks1:maths and ks1:science.");
    }
    try {
        matrix_from("ks1:reading", "maths");
        FAIL() << "two different subjects";
    } catch (const services::filter_error &refused) {
        EXPECT_STREQ(refused.what(), "--from names Reading and --to Mathematics; a statutory data set is set against the same subject, "
                                     "so name one of them only.");
    }
}

TEST(progress_matrix_data_set, a_subject_follows_the_last_colon_only_when_it_is_one) {
    const std::vector<std::string> subjects{"maths", "reading"};
    EXPECT_EQ(reports::split_data_set("Autumn 1:reading", subjects), (std::pair<std::string, std::string>{"Autumn 1", "reading"}));
    EXPECT_EQ(reports::split_data_set("Test: May", subjects), (std::pair<std::string, std::string>{"Test: May", ""}));
    EXPECT_EQ(reports::split_data_set("Autumn 1", subjects), (std::pair<std::string, std::string>{"Autumn 1", ""}));
}

WAYMARK_ON_EVERY_DATABASE(progress_matrix_test);
WAYMARK_ON_EVERY_DATABASE(statutory_matrix_test);

}  // namespace
}  // namespace waymark::testing
