// The pupil profile on SQLite and PostgreSQL: one pupil's judgements in both assessments of the year
// oldest first, their statutory results, interventions and progress meetings with what was said; every
// pupil of a filter as one document; a past as-of day; the sentence for a UPN not on roll; and targets
// against the latest judgement and the notional trajectory.
#include "reports/builders/pupil_profile.hpp"

#include "document_texts.hpp"
#include "meeting_fixture.hpp"
#include "services/meetings/interventions.hpp"
#include "services/pupils/pupil_inclusion.hpp"
#include "services/meetings/pupil_meetings.hpp"
#include "services/targets/targets.hpp"
#include "store/statutory.hpp"

namespace waymark::testing {
namespace {

using domain::statutory_kind;

class pupil_profile_test : public meeting_test {
protected:
    void SetUp() override {
        if (!set_up_4a_and_both_assessments(3)) return;
        judge_at(autumn_, {{1, "reading", "B"}, {2, "reading", "OT"}}, "2025-12-08T09:00:00Z");
        judge_at(spring_, {{1, "reading", "T"}, {2, "reading", "OT"}, {1, "maths", "OT"}}, "2026-02-11T09:00:00Z");
    }

    // (UPN serial, subject, teacher's input) judgements saved at an instant, so an as-of day can fall between them.
    void judge_at(const services::assessment &which, const std::vector<std::tuple<int, std::string, std::string>> &values,
                  const std::string &at) {
        std::vector<services::cell_change> changes;
        for (const auto &[serial, subject, value] : values)
            changes.push_back({{test_upn(serial), subject, services::cell_kind::judgement}, value, {}, {}, {}});
        services::record_changes(db(), school_, which, *schemes_, changes, {"mrs.khan", at});
    }

    reports::pupil_profiles load(std::optional<std::string> upn, services::pupil_filter filter = {}, std::string as_of = "") {
        static const auto plotter = plugins::find_trajectory(loaded_plugins());
        return reports::load_pupil_profiles(db().session(), *schemes_,
                                            {school_, std::move(upn), std::move(filter), std::move(as_of), "2026-03-01T10:00:00Z"},
                                            &plotter);
    }
    reports::document profile(const std::string &upn) { return reports::build_pupil_profiles(load(upn), *schemes_); }

    // The table with this title (the first of several pupils' in a combined document).
    static const reports::table &table_titled(const reports::document &doc, const std::string &title) {
        for (const auto &block : doc.blocks)
            if (const auto *t = std::get_if<reports::table>(&block); t && t->title == title) return *t;
        throw std::runtime_error("no table " + title);
    }

    static std::vector<std::string> headings(const reports::document &doc, int level) {
        std::vector<std::string> out;
        for (const auto &block : doc.blocks)
            if (const auto *h = std::get_if<reports::heading>(&block); h && h->level == level) out.push_back(h->text);
        return out;
    }
};

TEST_P(pupil_profile_test, lists_every_assessments_judgements_oldest_first_with_their_bands) {
    const auto doc = profile(test_upn(1));
    EXPECT_EQ(doc.title, "Pupil profile: Sam Pupil01");
    EXPECT_EQ(doc.kind, "pupil_profile");
    EXPECT_EQ(doc.filters, (std::vector<std::string>{"UPN " + test_upn(1)}));
    EXPECT_NE(doc.counts.find("targets with the notional trajectory towards them"), std::string::npos);
    const auto &judged = table_titled(doc, "Assessments: judgements in every assessment, oldest first");
    ASSERT_EQ(judged.columns.size(), 5u);
    EXPECT_EQ(judged.columns[3].label, "Reading");
    EXPECT_EQ(judged.columns[4].label, "Mathematics");
    EXPECT_EQ(texts(judged.rows), (std::vector<std::vector<std::string>>{{"05/12/2025", "Autumn 2", "Y4", "Below", ""},
                                                                         {"10/02/2026", "Spring 1", "Y4", "Towards", "On track"}}));
    ASSERT_TRUE(judged.rows[1][4].cell_band.has_value());
    EXPECT_EQ(judged.rows[1][4].cell_band->code, "OT");
    EXPECT_EQ(doc.schemes, (std::vector<std::string>{"Lancashire four-band"}));
    EXPECT_NO_THROW(reports::validate(doc));
}

TEST_P(pupil_profile_test, states_statutory_results_interventions_and_meetings) {
    db().transaction("statutory results", [&](soci::session &session) {
        const std::vector<domain::statutory_result> results{
            {test_upn(1), statutory_kind::phonics_mark, "", "35", {2022}},
            {test_upn(1), statutory_kind::ks1_ta, "reading", "EXS", {2023}},
            {test_upn(1), statutory_kind::ks1_scaled, "reading", "104", {2023}}};
        store::write_statutory_results(session, school_.id, results);
    });
    services::add_intervention(db(), school_, test_upn(1),
                               {{2025}, "Autumn 2", "reading", "Daily reading with an adult",
                                domain::date{std::chrono::year{2025}, std::chrono::November, std::chrono::day{3}}, std::nullopt, 12050},
                               "mrs.khan");
    const auto question = add_question(services::meeting_type::pupil, "What is going well?", 1);
    add_question(services::meeting_type::pupil, "Anything else?", 2);
    services::add_pupil_meeting(db(), school_, test_upn(1),
                                {"Mr Patel", domain::date{std::chrono::year{2026}, std::chrono::February, std::chrono::day{20}},
                                 std::nullopt, {{question.id, "", "Reads every night", "Move to book band 9"}}},
                                "mrs.khan");
    const auto doc = profile(test_upn(1));
    EXPECT_EQ(texts(table_titled(doc, "Statutory results").rows),
              (std::vector<std::vector<std::string>>{{"Phonics check (Year 1)", "2022/2023", "Met the expected standard (35 marks)"},
                                                     {"KS1 Reading", "2023/2024", "EXS, scaled score 104"}}));
    EXPECT_EQ(texts(table_titled(doc, "Interventions").rows),
              (std::vector<std::vector<std::string>>{
                  {"2025/2026", "Autumn 2", "Reading", "Daily reading with an adult", "03/11/2025, ongoing", "£120.50"}}));
    EXPECT_EQ(texts(table_titled(doc, "Pupil progress meetings: reading, writing and maths at the previous and current assessment").rows),
              (std::vector<std::vector<std::string>>{{"20/02/2026", "Mr Patel", "Spring 1", "B → T", "", "OT"}}));
    // Only the question answered is printed.
    EXPECT_EQ(texts(table_titled(doc, "What was discussed at the meetings").rows),
              (std::vector<std::vector<std::string>>{{"20/02/2026", "What is going well?", "Reads every night", "Move to book band 9"}}));
    EXPECT_NO_THROW(reports::validate(doc));
}

TEST_P(pupil_profile_test, says_when_a_pupil_has_nothing_recorded_yet) {
    const auto doc = profile(test_upn(3));
    for (const char *sentence : {"No judgements recorded yet.", "No statutory results recorded.", "No interventions recorded.",
                                 "No pupil progress meetings recorded.", "No targets are set for this pupil."}) {
        EXPECT_TRUE(std::any_of(doc.blocks.begin(), doc.blocks.end(), [&](const reports::block &b) {
            const auto *p = std::get_if<reports::paragraph>(&b);
            return p && p->text == sentence;
        })) << sentence;
    }
}

TEST_P(pupil_profile_test, every_selected_pupil_in_one_document_a_page_each_stating_those_left_out) {
    const std::vector<std::string> left_out{test_upn(2)};
    services::set_included(db(), school_, left_out, false, "mrs.khan");
    const auto profiles = load(std::nullopt);
    const auto doc = reports::build_pupil_profiles(profiles, *schemes_);
    EXPECT_EQ(headings(doc, 1), (std::vector<std::string>{"Sam Pupil01", "Sam Pupil03"}));
    EXPECT_EQ(std::count_if(doc.blocks.begin(), doc.blocks.end(),
                            [](const reports::block &b) { return std::holds_alternative<reports::page_break>(b); }),
              1);
    EXPECT_EQ(doc.excluded_pupils, 1);
    EXPECT_EQ(doc.title, "Pupil profiles: 2025/2026, Whole school");
    // One pupil's own document, as --each-to writes it, names only them (in its title).
    const auto second = reports::build_pupil_profiles(profiles, *schemes_, 1);
    EXPECT_EQ(second.title, "Pupil profile: Sam Pupil03");
    EXPECT_EQ(std::count_if(second.blocks.begin(), second.blocks.end(),
                            [](const reports::block &b) { return std::holds_alternative<reports::key_values>(b); }),
              1);
    EXPECT_EQ(second.excluded_pupils, 0);
    EXPECT_EQ(reports::profile_file_stem(profiles.pupils[1]), test_upn(3) + "-Pupil03-Sam");
}

TEST_P(pupil_profile_test, as_of_a_past_day_shows_only_the_assessments_dated_by_then) {
    const auto doc = reports::build_pupil_profiles(load(test_upn(1), {}, "2026-01-31T23:59:59Z"), *schemes_);
    EXPECT_EQ(texts(table_titled(doc, "Assessments: judgements in every assessment, oldest first").rows),
              (std::vector<std::vector<std::string>>{{"05/12/2025", "Autumn 2", "Y4", "Below"}}));
    EXPECT_EQ(doc.as_of, "2026-01-31");
}

TEST_P(pupil_profile_test, a_upn_not_on_roll_is_named) {
    try {
        load(test_upn(99));
        FAIL() << "a UPN not on roll was accepted";
    } catch (const services::record_not_found &error) {
        EXPECT_EQ(std::string(error.what()),
                  "There is no pupil with UPN " + test_upn(99) + " on roll at " + school_.name + "; check the UPN.");
    }
}

// Pupil01: reading Towards and maths On track in Spring 1 (four-band); science in LEP points 42 in
// the autumn and 45 in the spring. Targets: reading On track by the end of the year, maths Deeper
// learning and science 51 by the end of KS2 (2027/2028). Science's line runs from 42 to 51 over the
// eight terms after Autumn 2025, weighted by LEP's 2, 2, 3, 2, 2, 3, 2, 2 points (18): 43, 44, 45.5
// (a tie: the lower, 45), 46.5 -> 46, 47.5 -> 47, 49, 50, 51.
TEST_P(pupil_profile_test, targets_against_the_latest_judgement_and_the_notional_trajectory) {
    auto science = spring_spec("Science Autumn");
    science.assessed_on = domain::date{std::chrono::year{2025}, std::chrono::December, std::chrono::day{5}};
    science.term = domain::term::autumn;
    science.subjects = {{"science", lep_points, {}}};
    judge_at(create(science), {{1, "science", "42"}}, "2025-12-08T09:00:00Z");
    science.name = "Science Spring";
    science.assessed_on = domain::date{std::chrono::year{2026}, std::chrono::February, std::chrono::day{12}};
    science.term = domain::term::spring;
    judge_at(create(science), {{1, "science", "45"}}, "2026-02-12T09:00:00Z");
    using services::target_horizon;
    services::set_targets(db(), school_, *schemes_,
                          std::vector<services::target_change>{{{test_upn(1), "reading", target_horizon::end_of_year}, "OT", ""},
                                                               {{test_upn(1), "maths", target_horizon::end_of_key_stage}, "D", ""},
                                                               {{test_upn(1), "science", target_horizon::end_of_key_stage}, "51", lep_points}},
                          {"mr.patel", "2026-02-13T09:00:00Z"});
    const auto doc = profile(test_upn(1));
    const auto &targets = table_titled(doc, "Targets and latest judgements");
    std::map<std::string, std::vector<std::string>> by_subject;
    for (const auto &r : texts(targets.rows)) by_subject[r.front()] = r;
    ASSERT_EQ(by_subject.size(), 3u);
    EXPECT_EQ(by_subject["Reading"], (std::vector<std::string>{"Reading", "End of year (2025/2026)", "On track", "mr.patel, 13/02/2026",
                                                               "Spring 1", "Towards", "None", "Below target by 1 grade"}));
    EXPECT_EQ(by_subject["Mathematics"],
              (std::vector<std::string>{"Mathematics", "End of key stage (2027/2028)", "Deeper learning", "mr.patel, 13/02/2026",
                                        "Spring 1", "On track", "None", "Below target by 1 grade"}));
    const auto &science_row = by_subject["Science"];
    ASSERT_EQ(science_row.size(), 8u);
    EXPECT_EQ(science_row[1], "End of key stage (2027/2028)");
    EXPECT_EQ(science_row[4], "Science Spring");
    EXPECT_EQ(std::vector<std::string>(science_row.begin() + 6, science_row.end()), (std::vector<std::string>{"43", "Above by 2 grades"}));
    for (const auto &r : targets.rows) {
        if (r.front().text == "Science") {
            EXPECT_EQ(r[7].cell_band->code, "AB");
        }
    }

    const auto &terms = table_titled(doc, "Notional trajectory term by term");
    const auto lines = texts(terms.rows);
    ASSERT_EQ(lines.size(), 8u);
    EXPECT_EQ(lines[0], (std::vector<std::string>{"Spring 2025/2026 (Year 4)", "43", "45: Above by 2 grades"}));
    EXPECT_EQ(lines[1], (std::vector<std::string>{"Summer 2025/2026 (Year 4)", "44", ""}));
    EXPECT_EQ(lines[2], (std::vector<std::string>{"Autumn 2026/2027 (Year 5)", "45", ""}));
    EXPECT_EQ(lines[7], (std::vector<std::string>{"Summer 2027/2028 (Year 6)", "51", ""}));
    EXPECT_TRUE(std::any_of(doc.blocks.begin(), doc.blocks.end(), [](const reports::block &b) {
        const auto *p = std::get_if<reports::paragraph>(&b);
        return p && p->text.find("End-of-year targets have no trajectory") != std::string::npos &&
               p->text.find("Trajectories are notional: a straight line from Science 42 to the target") != std::string::npos;
    }));
    EXPECT_NO_THROW(reports::validate(doc));

    // As of the day before they were set, there were no targets.
    const auto before = reports::build_pupil_profiles(load(test_upn(1), {}, "2026-02-12T23:59:59Z"), *schemes_);
    EXPECT_TRUE(std::any_of(before.blocks.begin(), before.blocks.end(), [](const reports::block &b) {
        const auto *p = std::get_if<reports::paragraph>(&b);
        return p && p->text == "No targets are set for this pupil.";
    }));
}

WAYMARK_ON_EVERY_DATABASE(pupil_profile_test);

}  // namespace
}  // namespace waymark::testing
