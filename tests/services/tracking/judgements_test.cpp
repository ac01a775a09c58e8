#include "services/tracking/judgements.hpp"

#include "tracking_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace waymark {
namespace {

using ::testing::HasSubstr;
using services::cell_address;
using services::cell_change;
using services::cell_kind;
using services::recorder;
using services::tracking_error;

class judgements_test : public testing::tracking_test {
protected:
    void SetUp() override {
        tracking_test::SetUp();
        if (!IsSkipped()) assessment_ = add_classes_and_assessment();
    }

    services::cell_record set(const std::string &upn, const std::string &subject, const std::string &value, const std::string &at,
                              cell_kind kind = cell_kind::judgement) {
        const cell_change change{{upn, subject, kind}, value, {}, {}, {}};
        return record({change}, at).front();
    }
    std::vector<services::cell_record> record(std::vector<cell_change> changes, const std::string &at) {
        return services::record_changes(db(), school_, assessment_, *schemes_, changes, recorder{"mrs.khan", at});
    }
    // The cell's value as of `at` ("" = now), or "" when empty.
    std::string value_as_of(const std::string &upn, const std::string &subject, const std::string &at,
                            cell_kind kind = cell_kind::judgement) {
        for (const auto &cell : services::current_cells(db().session(), assessment_, {}, at)) {
            if (cell.record.cell.upn == upn && cell.record.cell.subject == subject && cell.record.cell.kind == kind)
                return cell.record.value;
        }
        return "";
    }

    services::assessment assessment_;
};

TEST_P(judgements_test, stores_the_schemes_code_for_a_teachers_input) {
    const auto r = set(testing::test_upn(1), "reading", "on track", "2026-02-10T09:00:00Z");
    EXPECT_EQ(r.value, "OT");
    EXPECT_EQ(r.recorded_by, "mrs.khan");
    EXPECT_EQ(r.recorded_at, "2026-02-10T09:00:00Z");
    EXPECT_FALSE(r.supersedes);
    EXPECT_EQ(value_as_of(testing::test_upn(1), "reading", ""), "OT");
    EXPECT_EQ(set(testing::test_upn(2), "science", "45", "2026-02-10T09:00:00Z").value, "45");
}

TEST_P(judgements_test, refuses_invalid_input_with_the_schemes_own_choices_and_stores_nothing) {
    const std::vector<cell_change> changes{{{testing::test_upn(1), "reading", cell_kind::judgement}, "OT", {}, {}, {}},
                                           {{testing::test_upn(2), "writing", cell_kind::judgement}, "brilliant", {}, {}, {}}};
    try {
        record(changes, "2026-02-10T09:00:00Z");
        FAIL() << "an invalid judgement was stored";
    } catch (const tracking_error &e) {
        EXPECT_THAT(e.what(), HasSubstr("brilliant"));
        EXPECT_THAT(e.what(), HasSubstr("On track"));  // the plugin's list of valid choices
        EXPECT_THAT(e.what(), HasSubstr(testing::test_upn(2)));
    }
    EXPECT_EQ(record_count(), 0u);
}

TEST_P(judgements_test, refuses_pupils_subjects_and_columns_the_assessment_lacks) {
    EXPECT_THROW(set(testing::test_upn(99), "reading", "OT", ""), tracking_error);
    EXPECT_THROW(set(testing::test_upn(1), "history", "OT", ""), tracking_error);
    EXPECT_THROW(set(testing::test_upn(1), "reading", "104", "", cell_kind::test), tracking_error);  // no reading test
    EXPECT_THROW(set(testing::test_upn(1), "maths", "250", "", cell_kind::test), tracking_error);    // not standardised
    EXPECT_THROW(set(testing::test_upn(1), "phonics", std::string(51, 'x'), "", cell_kind::phonics), tracking_error);
    EXPECT_EQ(record_count(), 0u);
    EXPECT_EQ(set(testing::test_upn(1), "maths", "104", "", cell_kind::test).value, "104");
    EXPECT_EQ(set(testing::test_upn(1), "phonics", "Phase 5, 32/40", "", cell_kind::phonics).value, "Phase 5, 32/40");
    EXPECT_EQ(set(testing::test_upn(1), "reading", "Year 4 Entering", "", cell_kind::formative).value, "Year 4 Entering");
}

TEST_P(judgements_test, history_keeps_every_change_and_as_of_reads_each_instant) {
    const std::string upn = testing::test_upn(1);
    const auto first = set(upn, "reading", "T", "2026-02-10T09:00:00Z");
    const auto second = set(upn, "reading", "OT", "2026-02-11T09:00:00Z");
    const auto cleared = services::clear_cell(db(), school_, assessment_, {upn, "reading", cell_kind::judgement},
                                              recorder{"mr.jones", "2026-02-12T09:00:00Z"});
    const auto again = set(upn, "reading", "deeper learning", "2026-02-13T09:00:00Z");

    const auto history = services::cell_history(db().session(), school_, assessment_, {upn, "reading", cell_kind::judgement});
    ASSERT_EQ(history.size(), 4u);
    EXPECT_EQ(history[0].value, "T");
    EXPECT_EQ(history[1].supersedes, first.id);
    EXPECT_EQ(history[2].supersedes, second.id);
    EXPECT_TRUE(history[2].cleared);
    EXPECT_EQ(history[2].recorded_by, "mr.jones");
    EXPECT_EQ(history[3].supersedes, cleared.id);
    EXPECT_EQ(history[3].id, again.id);

    EXPECT_EQ(value_as_of(upn, "reading", "2026-02-09T23:59:59Z"), "");
    EXPECT_EQ(value_as_of(upn, "reading", "2026-02-10T09:00:00Z"), "T");
    EXPECT_EQ(value_as_of(upn, "reading", "2026-02-11T08:59:59Z"), "T");
    EXPECT_EQ(value_as_of(upn, "reading", "2026-02-11T12:00:00Z"), "OT");
    EXPECT_EQ(value_as_of(upn, "reading", "2026-02-12T12:00:00Z"), "");
    EXPECT_EQ(value_as_of(upn, "reading", "2026-02-13T12:00:00Z"), "D");
    EXPECT_EQ(value_as_of(upn, "reading", ""), "D");
}

TEST_P(judgements_test, refuses_a_change_dated_before_the_cells_latest_and_an_empty_clear) {
    const std::string upn = testing::test_upn(1);
    set(upn, "reading", "T", "2026-02-10T09:00:00Z");
    EXPECT_THROW(set(upn, "reading", "OT", "2026-02-09T09:00:00Z"), tracking_error);
    EXPECT_THROW(services::clear_cell(db(), school_, assessment_, {upn, "writing", cell_kind::judgement}, recorder{"x", ""}),
                 tracking_error);
    EXPECT_EQ(record_count(), 1u);
}

TEST_P(judgements_test, flood_fill_sets_a_column_for_a_class_only) {
    services::pupil_selection class_4a;
    class_4a.filter.class_name = "4A";
    const cell_change column{{"", "writing", cell_kind::judgement}, "Towards", {}, {}, {}};
    EXPECT_EQ(services::fill_column(db(), school_, assessment_, *schemes_, class_4a, column, recorder{"mrs.khan", ""}), 3u);
    EXPECT_EQ(value_as_of(testing::test_upn(1), "writing", ""), "T");
    EXPECT_EQ(value_as_of(testing::test_upn(3), "writing", ""), "T");
    EXPECT_EQ(value_as_of(testing::test_upn(10), "writing", ""), "");
    services::pupil_selection year4;
    year4.filter.year_group = 4;
    const cell_change phonics{{"", "phonics", cell_kind::phonics}, "Phase 6", {}, {}, {}};
    EXPECT_EQ(services::fill_column(db(), school_, assessment_, *schemes_, year4, phonics, recorder{"mrs.khan", ""}), 5u);
}

TEST_P(judgements_test, flood_fill_takes_any_pupil_filter_and_refuses_an_unknown_class) {
    services::pupil_selection girls_of_4a;
    girls_of_4a.filter.class_name = "4A";
    girls_of_4a.filter.gender = 'F';
    const cell_change column{{"", "maths", cell_kind::judgement}, "OT", {}, {}, {}};
    EXPECT_EQ(services::fill_column(db(), school_, assessment_, *schemes_, girls_of_4a, column, recorder{"mrs.khan", ""}), 1u);
    EXPECT_EQ(value_as_of(testing::test_upn(2), "maths", ""), "OT");
    EXPECT_EQ(value_as_of(testing::test_upn(1), "maths", ""), "");
    services::pupil_selection nowhere;
    nowhere.filter.class_name = "9Z";
    const auto before = record_count();
    EXPECT_THROW(services::fill_column(db(), school_, assessment_, *schemes_, nowhere, column, recorder{"mrs.khan", ""}),
                 services::filter_error);
    EXPECT_EQ(record_count(), before);
}

TEST_P(judgements_test, two_fills_in_one_second_each_supersede_the_last) {
    services::pupil_selection class_4a;
    class_4a.filter.class_name = "4A";
    const recorder at_once{"mrs.khan", "2026-02-11T09:00:00Z"};
    services::fill_column(db(), school_, assessment_, *schemes_, class_4a, {{"", "reading", cell_kind::judgement}, "B", {}, {}, {}}, at_once);
    services::fill_column(db(), school_, assessment_, *schemes_, class_4a, {{"", "reading", cell_kind::judgement}, "T", {}, {}, {}}, at_once);
    const auto third = record({{{testing::test_upn(1), "reading", cell_kind::judgement}, "OT", {}, {}, {}}}, "2026-02-11T09:00:00Z");
    EXPECT_EQ(value_as_of(testing::test_upn(1), "reading", ""), "OT");
    EXPECT_EQ(value_as_of(testing::test_upn(3), "reading", ""), "T");
    const auto history = services::cell_history(db().session(), school_, assessment_, {testing::test_upn(1), "reading", cell_kind::judgement});
    ASSERT_EQ(history.size(), 3u);
    EXPECT_EQ(history[2].id, third.front().id);
    EXPECT_EQ(history[2].supersedes, history[1].id);
    EXPECT_EQ(history[1].supersedes, history[0].id);
}

TEST_P(judgements_test, colour_override_stays_with_the_cell_until_removed) {
    const std::string upn = testing::test_upn(1);
    const cell_address cell{upn, "reading", cell_kind::judgement};
    EXPECT_FALSE(set(upn, "reading", "B", "2026-02-10T09:00:00Z").colour);
    const auto coloured = services::set_cell_colour(db(), school_, assessment_, cell, 0xFFA500u, recorder{"mrs.khan", "2026-02-10T10:00:00Z"});
    EXPECT_EQ(coloured.colour, 0xFFA500u);
    EXPECT_EQ(coloured.value, "B");
    EXPECT_EQ(set(upn, "reading", "T", "2026-02-11T09:00:00Z").colour, 0xFFA500u);
    EXPECT_FALSE(services::set_cell_colour(db(), school_, assessment_, cell, std::nullopt, recorder{"mrs.khan", "2026-02-12T09:00:00Z"}).colour);
    EXPECT_EQ(value_as_of(upn, "reading", ""), "T");
}

TEST_P(judgements_test, records_the_year_judged_against) {
    const cell_change other_year{{testing::test_upn(1), "science", cell_kind::judgement}, "45", 3, {}, {}};
    const auto r = record({other_year}, "2026-02-10T09:00:00Z").front();
    EXPECT_EQ(r.judged_year, 3);
    const auto cells = services::current_cells(db().session(), assessment_, {}, "");
    ASSERT_EQ(cells.size(), 1u);
    EXPECT_EQ(cells.front().record.judged_year, 3);
    const cell_change not_a_judgement{{testing::test_upn(1), "maths", cell_kind::test}, "100", 3, {}, {}};
    EXPECT_THROW(record({not_a_judgement}, ""), tracking_error);
}

TEST_P(judgements_test, a_save_naming_the_record_it_saw_follows_it) {
    const auto first = set(testing::test_upn(1), "reading", "B", "2026-02-10T09:00:00Z");
    cell_change change{{testing::test_upn(1), "reading", cell_kind::judgement}, "OT", {}, {}, first.id};
    cell_change empty_cell{{testing::test_upn(2), "reading", cell_kind::judgement}, "T", {}, {}, 0};
    const auto saved = record({change, empty_cell}, "2026-02-10T10:00:00Z");
    EXPECT_EQ(saved.front().supersedes, first.id);
    EXPECT_EQ(value_as_of(testing::test_upn(2), "reading", ""), "T");
}

TEST_P(judgements_test, a_save_after_someone_elses_is_refused_with_their_change_and_stores_nothing) {
    const auto first = set(testing::test_upn(1), "reading", "B", "2026-02-10T09:00:00Z");
    // Mr Patel saves the pupil's reading and Year 4's writing for another pupil after Mrs Khan read the grid.
    const cell_change theirs{{testing::test_upn(1), "reading", cell_kind::judgement}, "D", {}, {}, {}};
    const cell_change their_new{{testing::test_upn(2), "writing", cell_kind::judgement}, "T", {}, {}, {}};
    services::record_changes(db(), school_, assessment_, *schemes_, std::vector{theirs, their_new},
                             recorder{"mr.patel", "2026-02-10T09:30:00Z"});
    const std::vector<cell_change> mine{{{testing::test_upn(1), "reading", cell_kind::judgement}, "OT", {}, {}, first.id},
                                        {{testing::test_upn(2), "writing", cell_kind::judgement}, "OT", {}, {}, 0},
                                        {{testing::test_upn(3), "maths", cell_kind::judgement}, "OT", {}, {}, 0}};
    try {
        record(mine, "2026-02-10T10:00:00Z");
        FAIL() << "the later save was not refused";
    } catch (const services::cells_changed_meanwhile &meanwhile) {
        ASSERT_EQ(meanwhile.changed().size(), 2U);
        EXPECT_EQ(meanwhile.changed()[0].value, "D");
        EXPECT_EQ(meanwhile.changed()[0].recorded_by, "mr.patel");
        EXPECT_EQ(meanwhile.changed()[1].cell.subject, "writing");
        EXPECT_THAT(meanwhile.what(), HasSubstr("2 cells were changed by someone else"));
    }
    EXPECT_EQ(value_as_of(testing::test_upn(1), "reading", ""), "D");
    EXPECT_EQ(value_as_of(testing::test_upn(3), "maths", ""), "");  // the unchanged cell of the save waits too
}

TEST_P(judgements_test, a_cell_seen_empty_and_cleared_since_is_not_a_conflict) {
    set(testing::test_upn(1), "reading", "B", "2026-02-10T09:00:00Z");
    services::clear_cell(db(), school_, assessment_, {testing::test_upn(1), "reading", cell_kind::judgement},
                         recorder{"mr.patel", "2026-02-10T09:10:00Z"});
    const cell_change seen_empty{{testing::test_upn(1), "reading", cell_kind::judgement}, "OT", {}, {}, 0};
    EXPECT_EQ(record({seen_empty}, "2026-02-10T10:00:00Z").front().value, "OT");
}

TEST_P(judgements_test, an_empty_value_in_a_save_empties_its_cell_after_the_same_check_of_what_was_seen) {
    const auto first = set(testing::test_upn(1), "reading", "B", "2026-02-10T09:00:00Z");
    const cell_change emptied{{testing::test_upn(1), "reading", cell_kind::judgement}, "", {}, {}, first.id};
    const cell_change already_empty{{testing::test_upn(2), "reading", cell_kind::judgement}, "", {}, {}, 0};
    const cell_change typed{{testing::test_upn(3), "reading", cell_kind::judgement}, "OT", {}, {}, 0};
    const auto saved = record({emptied, already_empty, typed}, "2026-02-10T10:00:00Z");
    ASSERT_EQ(saved.size(), 2U);  // the cell that was empty already records nothing
    EXPECT_TRUE(saved[0].cleared);
    EXPECT_EQ(saved[0].supersedes, first.id);
    EXPECT_EQ(value_as_of(testing::test_upn(1), "reading", ""), "");
    EXPECT_EQ(value_as_of(testing::test_upn(3), "reading", ""), "OT");

    // Emptying a cell someone has changed since is refused like any other save over theirs.
    const cell_change stale{{testing::test_upn(3), "reading", cell_kind::judgement}, "", {}, {}, 0};
    EXPECT_THROW(record({stale}, "2026-02-10T11:00:00Z"), services::cells_changed_meanwhile);
    EXPECT_EQ(value_as_of(testing::test_upn(3), "reading", ""), "OT");
    const cell_change coloured{{testing::test_upn(3), "reading", cell_kind::judgement}, "", {}, 0xFF0000, saved[1].id};
    EXPECT_THROW(record({coloured}, "2026-02-10T11:00:00Z"), tracking_error);
}

WAYMARK_ON_EVERY_DATABASE(judgements_test);

}  // namespace
}  // namespace waymark
