#include "services/tracking/assessments.hpp"

#include "tracking_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace waymark {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using services::assessment_subject;
using services::test_score_kind;
using services::tracking_error;

class assessments_test : public testing::tracking_test {};

TEST_P(assessments_test, stores_every_part_and_reads_it_back) {
    auto spec = spring_spec();
    spec.year_groups = {5, 4};
    spec.subjects = {{"history", "", {}}, {"gps", testing::lep_points, test_score_kind::standardised},
                     {"reading", "", test_score_kind::reading_age_months}};
    spec.formative_title = "KLIPS";
    spec.test_scores_title = "NFER";
    spec.phonics = true;
    const auto made = create(spec);
    EXPECT_GT(made.id, 0);
    EXPECT_THAT(made.year_groups, ElementsAre(4, 5));
    ASSERT_EQ(made.subjects.size(), 5u);  // reading, writing and maths always
    EXPECT_EQ(made.subjects[0], (assessment_subject{"reading", testing::four_band, test_score_kind::reading_age_months}));
    EXPECT_EQ(*made.subject("writing"), (assessment_subject{"writing", testing::four_band, {}}));
    EXPECT_EQ(*made.subject("gps"), (assessment_subject{"gps", testing::lep_points, test_score_kind::standardised}));

    const auto listed = services::list_assessments(db().session(), school_.id);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed.front(), made);
    EXPECT_EQ(services::find_assessment(db().session(), school_.id, "Spring 1"), made);
}

TEST_P(assessments_test, core_subjects_only_when_none_are_chosen) {
    const auto made = create(spring_spec());
    ASSERT_EQ(made.subjects.size(), 3u);
    EXPECT_EQ(made.subjects[0].code, "reading");
    EXPECT_EQ(made.subjects[1].code, "writing");
    EXPECT_EQ(made.subjects[2].code, "maths");
    EXPECT_FALSE(made.formative_title);
    EXPECT_FALSE(made.phonics);
}

TEST_P(assessments_test, refuses_an_unknown_scheme_naming_the_loaded_ones) {
    try {
        create(spring_spec(), "org.example.nothing");
        FAIL() << "an unknown scheme was accepted";
    } catch (const tracking_error &e) {
        EXPECT_THAT(e.what(), HasSubstr("org.example.nothing"));
        EXPECT_THAT(e.what(), HasSubstr(testing::four_band));
    }
    EXPECT_TRUE(services::list_assessments(db().session(), school_.id).empty());
}

TEST_P(assessments_test, refuses_year_groups_out_of_range_or_none) {
    auto spec = spring_spec();
    spec.year_groups = {4, 12};
    EXPECT_THROW(create(spec), tracking_error);
    spec.year_groups = {-1};
    EXPECT_THROW(create(spec), tracking_error);
    spec.year_groups = {};
    EXPECT_THROW(create(spec), tracking_error);
    EXPECT_TRUE(services::list_assessments(db().session(), school_.id).empty());
}

TEST_P(assessments_test, refuses_a_duplicate_name_in_the_same_year_only) {
    create(spring_spec());
    try {
        create(spring_spec());
        FAIL() << "a duplicate name was accepted";
    } catch (const tracking_error &e) {
        EXPECT_THAT(e.what(), HasSubstr("already has an assessment named 'Spring 1'"));
    }
    auto next_year = spring_spec();
    next_year.year = {2026};
    EXPECT_NO_THROW(create(next_year));
    EXPECT_EQ(services::list_assessments(db().session(), school_.id).size(), 2u);
}

TEST_P(assessments_test, refuses_unknown_subjects_and_untitled_test_columns) {
    auto spec = spring_spec();
    spec.subjects = {{"astrology", "", {}}};
    EXPECT_THROW(create(spec), tracking_error);
    spec.subjects = {{"maths", "", test_score_kind::raw_mark}};
    EXPECT_THROW(create(spec), tracking_error);
    EXPECT_TRUE(services::list_assessments(db().session(), school_.id).empty());
}

TEST_P(assessments_test, find_names_the_assessments_there_are) {
    create(spring_spec("Autumn 2"));
    EXPECT_THAT([&] { services::find_assessment(db().session(), school_.id, "Summer"); },
                ::testing::ThrowsMessage<tracking_error>(HasSubstr("Autumn 2")));
}

TEST_P(assessments_test, found_by_id_with_every_part_and_only_at_its_school) {
    const auto autumn = create(spring_spec("Autumn 2"));
    auto spec = spring_spec();
    spec.subjects = {{"gps", testing::lep_points, test_score_kind::standardised}};
    spec.test_scores_title = "NFER";
    spec.phonics = true;
    const auto spring = create(spec);
    EXPECT_EQ(services::find_assessment_by_id(db().session(), school_.id, spring.id), spring);
    EXPECT_EQ(services::find_assessment_by_id(db().session(), school_.id, autumn.id), autumn);
    EXPECT_EQ(services::find_assessment_by_id(db().session(), school_.id + 1, spring.id), std::nullopt);
    EXPECT_EQ(services::find_assessment_by_id(db().session(), school_.id, spring.id + 100), std::nullopt);
}

TEST(test_scores, each_kind_takes_its_own_range) {
    EXPECT_EQ(services::parse_test_score("104", test_score_kind::standardised), 104);
    EXPECT_THROW(services::parse_test_score("200", test_score_kind::standardised), tracking_error);
    EXPECT_EQ(services::parse_test_score("87.5", test_score_kind::percentage), 87.5);
    EXPECT_THROW(services::parse_test_score("101", test_score_kind::percentage), tracking_error);
    EXPECT_THROW(services::parse_test_score("ten", test_score_kind::raw_mark), tracking_error);
    EXPECT_THROW(services::parse_test_score("", test_score_kind::raw_mark), tracking_error);
    EXPECT_EQ(services::parse_test_score("110", test_score_kind::reading_age_months), 110);
}

WAYMARK_ON_EVERY_DATABASE(assessments_test);

}  // namespace
}  // namespace waymark
