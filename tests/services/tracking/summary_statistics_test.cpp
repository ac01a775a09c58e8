// Summary statistics on SQLite and PostgreSQL: the seed's four-pupil worked example (domain.md 3.1)
// exactly, pupils without judgements, include in data, filters, records as of an instant and test
// score averages.
#include "services/tracking/summary_statistics.hpp"

#include "services/tracking/judgements.hpp"
#include "services/pupils/pupil_inclusion.hpp"
#include "cohort_fixture.hpp"
#include "tracking_fixture.hpp"

#include <gtest/gtest.h>

namespace waymark::testing {
namespace {

using services::cell_change;
using services::cell_kind;

constexpr const char *first_save = "2026-02-10T09:00:00Z";

class summary_statistics_test : public tracking_test {
protected:
    void SetUp() override {
        tracking_test::SetUp();
        if (IsSkipped()) return;
        add_year4(1, 4, "4A");  // Sam Pupil01 .. Pupil04: odd serials boys, even girls
        auto spec = spring_spec();
        spec.subjects = {{"maths", "", services::test_score_kind::standardised}};
        spec.test_scores_title = "NFER";
        assessment_ = create(spec);
        // Seed 000's worked example: (Towards, On track, Deeper), (Towards, Below, On track),
        // (On track, On track, Deeper), (Towards, Below, Towards).
        const char *judged[4][3] = {{"T", "OT", "D"}, {"T", "B", "OT"}, {"OT", "OT", "D"}, {"T", "B", "T"}};
        std::vector<cell_change> changes;
        for (int pupil = 0; pupil < 4; ++pupil) {
            for (int s = 0; s < 3; ++s) changes.push_back({{test_upn(pupil + 1), core[s], cell_kind::judgement}, judged[pupil][s], {}, {}, {}});
        }
        record(changes, first_save);
    }

    void record(const std::vector<cell_change> &changes, const std::string &at) {
        services::record_changes(db(), school_, assessment_, *schemes_, changes, {"mrs.khan", at});
    }

    services::assessment_summary summary(const services::pupil_filter &filter = {}, const std::string &at = "") {
        return services::summarise(db().session(), school_, assessment_, *schemes_, filter, at);
    }

    static const services::subject_summary &subject(const services::assessment_summary &all, const std::string &code) {
        for (const auto &row : all.subjects) {
            if (row.subject == code) return row;
        }
        throw std::runtime_error("no summary row for " + code);
    }

    // "B:count:percent" per grade, lowest first.
    static std::vector<std::string> grades(const services::subject_summary &row) {
        std::vector<std::string> out;
        for (const auto &grade : row.grades) {
            char percent[16];
            std::snprintf(percent, sizeof percent, "%.2f", grade.percent);
            out.push_back(grade.code + ":" + std::to_string(grade.pupils) + ":" + percent);
        }
        return out;
    }

    static constexpr const char *core[3] = {"reading", "writing", "maths"};
    services::assessment assessment_;
};

using grade_list = std::vector<std::string>;

TEST_P(summary_statistics_test, reproduces_the_seeds_worked_example) {
    const auto all = summary();
    EXPECT_EQ(all.pupils, 4);
    EXPECT_EQ(all.excluded_pupils, 0);
    EXPECT_EQ(all.filter, "2025/2026, Whole school");
    EXPECT_EQ(grades(subject(all, "reading")), (grade_list{"B:0:0.00", "T:3:75.00", "OT:1:25.00", "D:0:0.00"}));
    EXPECT_EQ(subject(all, "reading").on_track, 1);
    EXPECT_DOUBLE_EQ(subject(all, "reading").on_track_percent, 25.0);
    EXPECT_EQ(grades(subject(all, "writing")), (grade_list{"B:2:50.00", "T:0:0.00", "OT:2:50.00", "D:0:0.00"}));
    EXPECT_EQ(subject(all, "writing").on_track, 2);
    EXPECT_EQ(grades(subject(all, "maths")), (grade_list{"B:0:0.00", "T:1:25.00", "OT:1:25.00", "D:2:50.00"}));
    EXPECT_EQ(subject(all, "maths").on_track, 3);
    EXPECT_DOUBLE_EQ(subject(all, "maths").on_track_percent, 75.0);
    EXPECT_EQ(all.reading_writing_maths_on_track, 1);
    EXPECT_DOUBLE_EQ(all.reading_writing_maths_percent, 25.0);
    for (const auto &row : all.subjects) {
        EXPECT_EQ(row.no_judgement, 0) << row.subject;
        EXPECT_EQ(row.judged, 4) << row.subject;
    }
}

TEST_P(summary_statistics_test, pupils_without_a_judgement_are_counted_apart_and_in_the_percentages) {
    add_year4(5, 1, "4A");
    record({{{test_upn(5), "maths", cell_kind::judgement}, "OT", {}, {}, {}}}, "2026-02-11T09:00:00Z");
    const auto all = summary();
    EXPECT_EQ(all.pupils, 5);
    EXPECT_EQ(subject(all, "reading").no_judgement, 1);
    EXPECT_EQ(subject(all, "maths").no_judgement, 0);
    EXPECT_EQ(grades(subject(all, "reading")), (grade_list{"B:0:0.00", "T:3:60.00", "OT:1:20.00", "D:0:0.00"}));
    EXPECT_DOUBLE_EQ(subject(all, "maths").on_track_percent, 80.0);
    EXPECT_EQ(all.reading_writing_maths_on_track, 1);
    EXPECT_DOUBLE_EQ(all.reading_writing_maths_percent, 20.0);
}

TEST_P(summary_statistics_test, excluded_pupils_leave_every_figure_and_are_counted) {
    auto year5 = year4_pupil(40, "5A");
    year5.date_of_birth = domain::date{std::chrono::year{2015}, std::chrono::month{10}, std::chrono::day{3}};
    db().transaction("adding a Year 5 pupil", [&](soci::session &session) { store::insert_pupils(session, school_.id, {&year5, 1}); });
    services::set_included(db(), school_, std::vector{test_upn(3), test_upn(40)}, false, "mrs.khan");
    const auto all = summary();
    EXPECT_EQ(all.pupils, 3);
    EXPECT_EQ(all.excluded_pupils, 1) << "the excluded Year 5 pupil is not in this Year 4 assessment";
    EXPECT_EQ(grades(subject(all, "reading")), (grade_list{"B:0:0.00", "T:3:100.00", "OT:0:0.00", "D:0:0.00"}));
    EXPECT_EQ(grades(subject(all, "writing")), (grade_list{"B:2:66.67", "T:0:0.00", "OT:1:33.33", "D:0:0.00"}));
    EXPECT_EQ(all.reading_writing_maths_on_track, 0);
}

TEST_P(summary_statistics_test, filters_narrow_the_pupils_summarised) {
    const auto girls = summary(parsed_filter({{"gender", "F"}}));  // Pupil02 and Pupil04
    EXPECT_EQ(girls.pupils, 2);
    EXPECT_EQ(girls.filter, "2025/2026, girls");
    EXPECT_EQ(grades(subject(girls, "writing")), (grade_list{"B:2:100.00", "T:0:0.00", "OT:0:0.00", "D:0:0.00"}));
    EXPECT_EQ(subject(girls, "maths").on_track, 1);
    const auto year5 = summary(parsed_filter({{"year", "5"}}));
    EXPECT_EQ(year5.pupils, 0);
    EXPECT_EQ(subject(year5, "maths").on_track, 0);
    EXPECT_DOUBLE_EQ(subject(year5, "maths").on_track_percent, 0.0);
    EXPECT_THROW(summary(parsed_filter({{"class", "4Z"}})), services::filter_error);
}

TEST_P(summary_statistics_test, reads_the_records_as_they_stood_at_an_instant) {
    record({{{test_upn(4), "reading", cell_kind::judgement}, "OT", {}, {}, {}}}, "2026-03-01T09:00:00Z");
    services::clear_cell(db(), school_, assessment_, {test_upn(1), "writing", cell_kind::judgement}, {"mrs.khan", "2026-03-02T09:00:00Z"});
    const auto now = summary();
    EXPECT_EQ(grades(subject(now, "reading")), (grade_list{"B:0:0.00", "T:2:50.00", "OT:2:50.00", "D:0:0.00"}));
    EXPECT_EQ(subject(now, "writing").no_judgement, 1);
    EXPECT_EQ(subject(now, "writing").judged, 3);
    const auto before = summary({}, "2026-02-20T00:00:00Z");
    EXPECT_EQ(before.as_of, "2026-02-20T00:00:00Z");
    EXPECT_EQ(grades(subject(before, "reading")), (grade_list{"B:0:0.00", "T:3:75.00", "OT:1:25.00", "D:0:0.00"}));
    EXPECT_EQ(subject(before, "writing").no_judgement, 0);
    EXPECT_EQ(summary({}, "2026-01-01T00:00:00Z").subjects.front().judged, 0);
    EXPECT_THROW(summary({}, "yesterday"), services::filter_error);
}

TEST_P(summary_statistics_test, averages_the_test_score_columns_over_included_pupils) {
    record({{{test_upn(1), "maths", cell_kind::test}, "100", {}, {}, {}},
            {{test_upn(2), "maths", cell_kind::test}, "104", {}, {}, {}},
            {{test_upn(3), "maths", cell_kind::test}, "104", {}, {}, {}}},
           "2026-02-12T09:00:00Z");
    auto all = summary();
    ASSERT_EQ(all.test_scores.size(), 1U);
    EXPECT_EQ(all.test_scores[0].subject, "maths");
    EXPECT_EQ(all.test_scores[0].kind, "standardised");
    EXPECT_EQ(all.test_scores[0].pupils, 3);
    EXPECT_DOUBLE_EQ(*all.test_scores[0].average, 102.67);
    services::set_included(db(), school_, std::vector{test_upn(1)}, false, "mrs.khan");
    all = summary();
    EXPECT_EQ(all.test_scores[0].pupils, 2);
    EXPECT_DOUBLE_EQ(*all.test_scores[0].average, 104.0);
}

TEST_P(summary_statistics_test, an_authority_counts_each_schools_latest_assessment_of_the_term) {
    const auto hillside = add_school({0, "801", "3001", "", "Hillside Primary", "PR2 3CD", {2025}});
    db().transaction("adding Hillside's pupils", [&](soci::session &session) {
        store::insert_pupils(session, hillside.id, std::vector{year4_pupil(21, "Owls"), year4_pupil(22, "Owls")});
    });
    auto spec = spring_spec("Spring check");
    spec.subjects = {{"science", lep_points, {}}};
    const auto hillside_spring = services::create_assessment(db(), hillside, spec, *schemes_, four_band);
    services::record_changes(db(), hillside, hillside_spring, *schemes_,
                             std::vector<cell_change>{{{test_upn(21), "reading", cell_kind::judgement}, "OT", {}, {}, {}},
                                                      {{test_upn(21), "writing", cell_kind::judgement}, "D", {}, {}, {}},
                                                      {{test_upn(21), "maths", cell_kind::judgement}, "OT", {}, {}, {}},
                                                      {{test_upn(21), "science", cell_kind::judgement}, "44", {}, {}, {}},
                                                      {{test_upn(22), "reading", cell_kind::judgement}, "B", {}, {}, {}}},
                             {"mr.shaw", first_save});
    // An earlier assessment of the same term and one of another term are not counted.
    auto earlier = spring_spec("Spring practice");
    earlier.assessed_on = domain::date{std::chrono::year{2026}, std::chrono::month{1}, std::chrono::day{12}};
    const auto practice = create(earlier);
    services::record_changes(db(), school_, practice, *schemes_,
                             std::vector<cell_change>{{{test_upn(1), "reading", cell_kind::judgement}, "D", {}, {}, {}}}, {"mrs.khan", first_save});
    auto autumn = spring_spec("Autumn 1");
    autumn.term = domain::term::autumn;
    create(autumn);
    services::set_included(db(), hillside, std::vector{test_upn(22)}, false, "mr.shaw");

    const auto la = services::summarise_authority(db().session(), *schemes_, {2025}, domain::term::spring);
    EXPECT_EQ(la.schools, 2);
    EXPECT_EQ(la.pupils, 5);
    EXPECT_EQ(la.excluded_pupils, 1);
    ASSERT_EQ(la.subjects.size(), 4U);
    EXPECT_EQ(la.subjects[0].subject, "reading");
    EXPECT_EQ(la.subjects[0].pupils, 5);
    EXPECT_EQ(grades(la.subjects[0]), (grade_list{"B:0:0.00", "T:3:60.00", "OT:2:40.00", "D:0:0.00"}));
    EXPECT_EQ(grades(la.subjects[1]), (grade_list{"B:2:40.00", "T:0:0.00", "OT:2:40.00", "D:1:20.00"}));
    EXPECT_EQ(la.subjects[2].subject, "maths");
    EXPECT_EQ(la.subjects[2].on_track, 4);
    EXPECT_DOUBLE_EQ(la.subjects[2].on_track_percent, 80.0);
    EXPECT_EQ(la.subjects[3].subject, "science");
    EXPECT_EQ(la.subjects[3].scheme_id, lep_points);
    EXPECT_EQ(la.subjects[3].pupils, 1);  // only Hillside judges science, and its other pupil is excluded
    EXPECT_EQ(la.subjects[3].judged, 1);
    EXPECT_EQ(la.subjects[3].no_judgement, 0);
    EXPECT_EQ(la.reading_writing_maths_on_track, 2);
    EXPECT_DOUBLE_EQ(la.reading_writing_maths_percent, 40.0);
    const auto before = services::summarise_authority(db().session(), *schemes_, {2025}, domain::term::spring, "2026-01-01T00:00:00Z");
    EXPECT_EQ(before.pupils, 5);
    EXPECT_EQ(before.subjects[0].no_judgement, 5);
    EXPECT_EQ(services::summarise_authority(db().session(), *schemes_, {2024}, domain::term::spring).schools, 0);
}

TEST_P(summary_statistics_test, an_authority_keeps_a_row_for_each_scheme_a_subject_is_judged_in) {
    const auto lepton = add_school({0, "801", "3002", "", "Lepton Primary", "PR3 4EF", {2025}});
    db().transaction("adding Lepton's pupil", [&](soci::session &session) {
        store::insert_pupils(session, lepton.id, std::vector{year4_pupil(31, "Class 4")});
    });
    auto spec = spring_spec("Spring");
    spec.subjects = {{"maths", lep_points, {}}};
    const auto lepton_spring = services::create_assessment(db(), lepton, spec, *schemes_, four_band);
    services::record_changes(db(), lepton, lepton_spring, *schemes_,
                             std::vector<cell_change>{{{test_upn(31), "reading", cell_kind::judgement}, "OT", {}, {}, {}},
                                                      {{test_upn(31), "maths", cell_kind::judgement}, "44", {}, {}, {}}},
                             {"ms.lee", first_save});
    const auto la = services::summarise_authority(db().session(), *schemes_, {2025}, domain::term::spring);
    EXPECT_EQ(la.pupils, 5);
    std::vector<std::string> rows;
    for (const auto &row : la.subjects)
        rows.push_back(row.subject + " " + row.scheme_id + " " + std::to_string(row.pupils) + " " + std::to_string(row.judged));
    EXPECT_EQ(rows, (std::vector<std::string>{"reading " + four_band + " 5 5", "writing " + four_band + " 5 4",
                                              "maths " + four_band + " 4 4", "maths " + lep_points + " 1 1"}));
    EXPECT_EQ(la.subjects[0].on_track, 2);
    EXPECT_EQ(la.reading_writing_maths_on_track, 1);  // Lepton's pupil has no writing judgement
}

}  // namespace

WAYMARK_ON_EVERY_DATABASE(summary_statistics_test);

}  // namespace waymark::testing
