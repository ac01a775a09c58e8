// The progress matrix on SQLite and PostgreSQL: the seed's Pupil Matrix example (five pupils, three
// without an earlier judgement: No data 3 / 60.00%), pupils named in each cell, subject against
// subject across two schemes through their below / at / above evaluation, an earlier academic year,
// and the refusals that say which option to correct.
#include "reports/builders/progress_matrix.hpp"

#include "report_fixture.hpp"

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

TEST(progress_matrix_data_set, a_subject_follows_the_last_colon_only_when_it_is_one) {
    const std::vector<std::string> subjects{"maths", "reading"};
    EXPECT_EQ(reports::split_data_set("Autumn 1:reading", subjects), (std::pair<std::string, std::string>{"Autumn 1", "reading"}));
    EXPECT_EQ(reports::split_data_set("Test: May", subjects), (std::pair<std::string, std::string>{"Test: May", ""}));
    EXPECT_EQ(reports::split_data_set("Autumn 1", subjects), (std::pair<std::string, std::string>{"Autumn 1", ""}));
}

WAYMARK_ON_EVERY_DATABASE(progress_matrix_test);

}  // namespace
}  // namespace waymark::testing
