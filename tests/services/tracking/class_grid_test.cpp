#include "services/tracking/class_grid.hpp"
#include "services/tracking/class_grid_json.hpp"
#include "services/meetings/pupil_meetings.hpp"
#include "store/pupils.hpp"
#include "store/schools.hpp"
#include "store/statutory.hpp"

#include "tracking_fixture.hpp"

#include <waymark/plugin.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <span>
#include <sstream>

namespace waymark {
namespace {

using services::cell_change;
using services::cell_kind;
using services::recorder;

class class_grid_test : public testing::tracking_test {
protected:
    void SetUp() override {
        tracking_test::SetUp();
        if (!IsSkipped()) assessment_ = add_classes_and_assessment();
    }

    void record(std::vector<cell_change> changes, const std::string &at) {
        services::record_changes(db(), school_, assessment_, *schemes_, changes, recorder{"mrs.khan", at});
    }
    services::class_grid grid(const services::pupil_selection &which, const std::string &as_of = "") {
        return services::load_class_grid(db().session(), school_, assessment_, *schemes_, which, as_of);
    }
    static services::pupil_selection class_named(const std::string &name) {
        services::pupil_selection which;
        which.filter.class_name = name;
        return which;
    }

    services::assessment assessment_;
};

TEST_P(class_grid_test, every_column_of_every_pupil_in_the_class) {
    const std::string first = testing::test_upn(1);
    record({{{first, "reading", cell_kind::judgement}, "OT", {}, {}, {}},
            {{first, "writing", cell_kind::judgement}, "below", {}, {}, {}},
            {{first, "maths", cell_kind::test}, "104", {}, {}, {}},
            {{first, "reading", cell_kind::formative}, "Year 4 Entering", {}, {}, {}},
            {{first, "phonics", cell_kind::phonics}, "Phase 5", {}, {}, {}},
            {{testing::test_upn(10), "reading", cell_kind::judgement}, "D", {}, {}, {}}},
           "2026-02-10T09:00:00Z");
    const auto loaded = grid(class_named("4A"));
    ASSERT_EQ(loaded.rows.size(), 3u);
    const auto &row = loaded.rows.front();
    EXPECT_EQ(row.pupil.upn, first);
    EXPECT_EQ(row.pupil.nc_year, 4);
    const auto &reading = row.judgements.at("reading");
    EXPECT_EQ(reading.code, "OT");
    EXPECT_EQ(reading.label, "On track");
    EXPECT_TRUE(reading.on_track);
    EXPECT_FALSE(reading.colour_overridden);
    const auto &writing = row.judgements.at("writing");
    EXPECT_FALSE(writing.on_track);
    EXPECT_EQ(writing.band, WAYMARK_BAND_BELOW);
    EXPECT_NE(writing.colour, reading.colour);  // the scheme's red and green
    EXPECT_EQ(row.test_scores.at("maths"), "104");
    EXPECT_EQ(row.formative.at("reading"), "Year 4 Entering");
    EXPECT_EQ(row.phonics, "Phase 5");
    EXPECT_TRUE(loaded.rows[1].judgements.empty());
}

TEST_P(class_grid_test, a_colour_override_replaces_the_schemes_colour) {
    const std::string first = testing::test_upn(1);
    record({{{first, "reading", cell_kind::judgement}, "B", {}, 0x123456u, {}}}, "2026-02-10T09:00:00Z");
    const auto &cell = grid(class_named("4A")).rows.front().judgements.at("reading");
    EXPECT_TRUE(cell.colour_overridden);
    EXPECT_EQ(cell.colour, 0x123456u);
    EXPECT_EQ(cell.band, WAYMARK_BAND_BELOW);
}

TEST_P(class_grid_test, a_judgement_against_another_year_is_evaluated_against_that_year) {
    // LEP 44 in Year 4 spring is below the expected 45-46; against Year 3 (38-39) it is above.
    record({{{testing::test_upn(1), "science", cell_kind::judgement}, "44", {}, {}, {}},
            {{testing::test_upn(2), "science", cell_kind::judgement}, "44", 3, {}, {}}},
           "2026-02-10T09:00:00Z");
    const auto loaded = grid(class_named("4A"));
    const auto &own_year = loaded.rows[0].judgements.at("science");
    const auto &year3 = loaded.rows[1].judgements.at("science");
    EXPECT_EQ(own_year.judged_year, 4);
    EXPECT_EQ(own_year.band, WAYMARK_BAND_BELOW);
    EXPECT_EQ(year3.judged_year, 3);
    EXPECT_EQ(year3.band, WAYMARK_BAND_ABOVE);
    EXPECT_NE(own_year.label, year3.label);
}

TEST_P(class_grid_test, as_of_shows_the_grid_as_it_stood) {
    const std::string first = testing::test_upn(1);
    record({{{first, "reading", cell_kind::judgement}, "T", {}, {}, {}}}, "2026-02-10T09:00:00Z");
    record({{{first, "reading", cell_kind::judgement}, "OT", {}, {}, {}}}, "2026-02-11T09:00:00Z");
    EXPECT_TRUE(grid(class_named("4A"), "2026-02-09T00:00:00Z").rows.front().judgements.empty());
    EXPECT_EQ(grid(class_named("4A"), "2026-02-10T12:00:00Z").rows.front().judgements.at("reading").code, "T");
    EXPECT_EQ(grid(class_named("4A")).rows.front().judgements.at("reading").code, "OT");
}

TEST_P(class_grid_test, counts_each_pupils_progress_meetings_held_by_the_grids_day) {
    using namespace std::chrono;
    for (const auto day : {2026y / March / 2d, 2026y / March / 20d})
        services::add_pupil_meeting(db(), school_, testing::test_upn(2), {"Joe Bloggs", day, "Spring 1", {}}, "mrs.khan");
    const auto now = grid(class_named("4A"));
    ASSERT_EQ(now.rows.size(), 3U);
    EXPECT_EQ(now.rows[0].progress_meetings, 0);
    EXPECT_EQ(now.rows[1].progress_meetings, 2);
    EXPECT_EQ(grid(class_named("4A"), "2026-03-10T12:00:00Z").rows[1].progress_meetings, 1);
}

TEST_P(class_grid_test, the_pupil_details_are_the_record_the_flags_names_and_the_statutory_results) {
    const std::string first = testing::test_upn(1);
    db().transaction("setting up the details", [&](soci::session &session) {
        auto pupils = store::load_pupils(session, school_.id, store::which_pupils::on_roll);
        auto &record = pupils.front();  // Pupil01
        record.pupil.sen = 'K';
        record.pupil.pupil_premium = true;
        record.pupil.previously_looked_after = true;
        record.pupil.custom_flags[1] = true;
        store::update_pupils(session, school_.id, std::span(&record, 1));
        store::set_custom_flag_names(session, school_.id, {"", "Forest school", "", "", "", ""});
        using domain::statutory_kind;
        std::vector<domain::statutory_result> results;
        for (int goal = 1; goal <= 17; ++goal) {
            const std::string code = (goal < 10 ? "E0" : "E1") + std::to_string(goal % 10);
            results.push_back({first, statutory_kind::eyfsp_goal, code, "Expected", {2021}});
        }
        results.push_back({first, statutory_kind::phonics_mark, "", "28", {2022}});
        results.push_back({first, statutory_kind::phonics_mark, "", "35", {2023}});
        results.push_back({first, statutory_kind::ks1_ta, "reading", "EXS", {2023}});
        results.push_back({first, statutory_kind::ks1_scaled, "reading", "104", {2023}});
        results.push_back({first, statutory_kind::ks1_ta, "maths", "WTS", {2023}});
        results.push_back({testing::test_upn(2), statutory_kind::eyfsp_goal, "E01", "Emerging", {2021}});
        store::write_statutory_results(session, school_.id, results);
    });

    EXPECT_FALSE(grid(class_named("4A")).rows.front().details) << "the reports' grid reads only the cells";
    const auto loaded = services::load_class_grid(db().session(), school_, assessment_, *schemes_, class_named("4A"), "",
                                                  services::grid_contents::cells_and_pupil_details);
    EXPECT_EQ(loaded.custom_flag_names[1], "Forest school");
    ASSERT_EQ(loaded.rows.size(), 3u);
    const auto &details = *loaded.rows[0].details;
    EXPECT_EQ(details.record.sen, 'K');
    EXPECT_TRUE(details.record.pupil_premium);
    EXPECT_TRUE(details.record.custom_flags[1]);
    EXPECT_EQ(details.statutory.gld, true);
    ASSERT_EQ(details.statutory.phonics.size(), 2u);
    EXPECT_EQ(details.statutory.phonics[0].nc_year, 1);  // 2022/2023 for a Year 4 of 2025/2026
    EXPECT_EQ(details.statutory.phonics[0].mark, "28");
    EXPECT_EQ(details.statutory.phonics[0].outcome, "Wt");
    EXPECT_EQ(details.statutory.phonics[1].nc_year, 2);
    EXPECT_EQ(details.statutory.phonics[1].outcome, "Wa");
    EXPECT_EQ(details.statutory.key_stage_1.at("reading").teacher_assessment, "EXS");
    EXPECT_EQ(details.statutory.key_stage_1.at("reading").scaled_score, "104");
    EXPECT_EQ(details.statutory.key_stage_1.at("maths").scaled_score, "");
    const auto &second = *loaded.rows[1].details;
    EXPECT_EQ(second.statutory.gld, false) << "one goal emerging";
    EXPECT_TRUE(second.statutory.phonics.empty());
    EXPECT_FALSE(loaded.rows[2].details->statutory.gld) << "no goals held";

    std::ostringstream json;
    services::class_grid_json(loaded).stringify(json);
    EXPECT_THAT(json.str(), ::testing::HasSubstr(R"("characteristics":{"gender":"M","sen":"K","ethnicity":"","eal":false,"fsm":false,)"
                                                 R"("ever6_fsm":false,"pupil_premium":true,"looked_after":false,)"
                                                 R"("previously_looked_after":true,"disadvantaged":true,"summer_born":false},)"
                                                 R"("custom_flags":[false,true,false,false,false,false],)"
                                                 R"("statutory":{"gld":true,"phonics":[{"year":1,"mark":"28","outcome":"Wt"},)"
                                                 R"({"year":2,"mark":"35","outcome":"Wa"}],"ks1":{"maths":{"ta":"WTS","scaled_score":null},)"
                                                 R"("reading":{"ta":"EXS","scaled_score":"104"}}})"));
    EXPECT_THAT(json.str(), ::testing::HasSubstr(R"("custom_flag_names":["","Forest school","","","",""])"));
}

TEST(class_grid_as_of, a_date_is_the_end_of_that_day_and_an_instant_is_taken_as_written) {
    EXPECT_EQ(services::as_of_instant("2026-01-31"), "2026-01-31T23:59:59Z");
    EXPECT_EQ(services::as_of_instant("2026-01-31T08:30:00Z"), "2026-01-31T08:30:00Z");
    for (const char *refused : {"yesterday", "2026-02-30", "31/01/2026", "2026-01-31T24:00:00Z", "2026-01-31T08:30:00",
                                "2026-01-31 08:30:00Z", "2026-01-31T08:60:00Z", ""})
        EXPECT_EQ(services::as_of_instant(refused), std::nullopt) << refused;
}

TEST(class_grid_json, colours_are_read_with_or_without_the_hash_in_either_case) {
    EXPECT_EQ(services::parse_colour_hex("#ffa500"), 0xFFA500u);
    EXPECT_EQ(services::parse_colour_hex("00FF00"), 0x00FF00u);
    EXPECT_EQ(services::colour_hex(*services::parse_colour_hex("#1e88e5")), "#1E88E5");
    for (const char *refused : {"orange", "#FFA50", "#FFA5000", "0x00FF00", "-FFFFF", "#", ""})
        EXPECT_EQ(services::parse_colour_hex(refused), std::nullopt) << refused;
}

TEST_P(class_grid_test, selects_by_year_group_and_upns) {
    services::pupil_selection year4;
    year4.filter.year_group = 4;
    EXPECT_EQ(grid(year4).rows.size(), 5u);
    services::pupil_selection year5;
    year5.filter.year_group = 5;
    EXPECT_TRUE(grid(year5).rows.empty());
    services::pupil_selection two;
    two.upns = {testing::test_upn(2), testing::test_upn(11)};
    const auto loaded = grid(two);
    ASSERT_EQ(loaded.rows.size(), 2u);
    EXPECT_EQ(loaded.rows[1].pupil.class_name, "4B");
    two.upns = {testing::test_upn(77)};
    EXPECT_THROW(grid(two), services::tracking_error);
}

WAYMARK_ON_EVERY_DATABASE(class_grid_test);

}  // namespace
}  // namespace waymark
