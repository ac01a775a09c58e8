#include "services/meetings/discussion_templates.hpp"

#include "school_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace waymark {
namespace {

using ::testing::HasSubstr;
using namespace std::chrono;
using services::discussion_template;
using services::meeting_type;

class discussion_templates_test : public testing::school_test {
protected:
    discussion_template add(meeting_type type, const std::string &question, int order, domain::date from,
                            std::optional<domain::date> to = std::nullopt) {
        return services::add_template(db(), school_, {0, type, question, order, from, to});
    }

    std::vector<std::string> questions_on(meeting_type type, domain::date day) {
        std::vector<std::string> texts;
        for (const auto &each : services::current_questions(db().session(), school_, type, day)) texts.push_back(each.question);
        return texts;
    }
};

TEST_P(discussion_templates_test, current_questions_are_the_templates_live_on_the_day_in_sort_order) {
    add(meeting_type::pupil, "General comments", 7, 2022y / September / 17d);
    add(meeting_type::pupil, "Has this child recently been identified as causing concerns?", 1, 2022y / September / 17d);
    add(meeting_type::pupil, "Last year's question", 2, 2021y / September / 1d, 2022y / August / 31d);
    add(meeting_type::cohort, "TEST QUESTION 1", 1, 2022y / September / 8d);
    using list = std::vector<std::string>;
    EXPECT_EQ(questions_on(meeting_type::pupil, 2022y / September / 17d),
              (list{"Has this child recently been identified as causing concerns?", "General comments"}));
    EXPECT_EQ(questions_on(meeting_type::pupil, 2022y / August / 31d), (list{"Last year's question"}));
    EXPECT_EQ(questions_on(meeting_type::cohort, 2022y / September / 7d), list{});
    EXPECT_EQ(questions_on(meeting_type::cohort, 2030y / January / 1d), (list{"TEST QUESTION 1"}));
    EXPECT_EQ(services::list_templates(db().session(), school_).size(), 4U);
    EXPECT_EQ(services::list_templates(db().session(), school_, meeting_type::cohort).size(), 1U);
}

TEST_P(discussion_templates_test, an_edit_changes_text_order_and_dates_but_never_the_type) {
    const auto made = add(meeting_type::cohort, "General comments", 5, 2022y / September / 8d);
    services::template_edit edit;
    edit.question = "General comments and actions";
    edit.sort_order = 9;
    edit.live_to = std::optional<domain::date>(2023y / July / 21d);
    const auto edited = services::edit_template(db(), school_, made.id, edit);
    EXPECT_EQ(edited, (discussion_template{made.id, meeting_type::cohort, "General comments and actions", 9,
                                           2022y / September / 8d, 2023y / July / 21d}));
    EXPECT_EQ(services::find_template(db().session(), school_, made.id), edited);
    edit = {};
    edit.live_to = std::optional<domain::date>{};
    EXPECT_FALSE(services::edit_template(db(), school_, made.id, edit).live_to);
}

TEST_P(discussion_templates_test, refuses_an_empty_question_or_an_end_before_the_start_and_keeps_the_template) {
    const auto made = add(meeting_type::pupil, "General comments", 1, 2022y / September / 8d);
    EXPECT_THAT([&] { add(meeting_type::pupil, " ", 1, 2022y / September / 8d); },
                ::testing::ThrowsMessage<services::tracking_error>(HasSubstr("question is required")));
    services::template_edit backwards;
    backwards.live_to = std::optional<domain::date>(2022y / September / 1d);
    EXPECT_THAT([&] { services::edit_template(db(), school_, made.id, backwards); },
                ::testing::ThrowsMessage<services::tracking_error>(
                    HasSubstr("end date (2022-09-01) cannot be before its start date (2022-09-08)")));
    EXPECT_EQ(services::list_templates(db().session(), school_), std::vector<discussion_template>{made});
}

TEST_P(discussion_templates_test, another_schools_template_or_a_deleted_one_is_not_found) {
    const auto made = add(meeting_type::pupil, "General comments", 1, 2022y / September / 8d);
    const auto other = add_school({0, "801", "3001", "", "Brookfield Junior", "PR2 3CD", {2025}});
    EXPECT_THROW(services::find_template(db().session(), other, made.id), services::record_not_found);
    EXPECT_THROW(services::delete_template(db(), other, made.id), services::record_not_found);
    services::delete_template(db(), school_, made.id);
    EXPECT_THROW(services::find_template(db().session(), school_, made.id), services::record_not_found);
}

TEST(meeting_types, read_either_case_and_nothing_else) {
    EXPECT_EQ(services::parse_meeting_type("Cohort"), meeting_type::cohort);
    EXPECT_EQ(services::parse_meeting_type("pupil"), meeting_type::pupil);
    EXPECT_FALSE(services::parse_meeting_type("class"));
}

WAYMARK_ON_EVERY_DATABASE(discussion_templates_test);

}  // namespace
}  // namespace waymark
