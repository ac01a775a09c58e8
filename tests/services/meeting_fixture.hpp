// Brookside's Year 4 (tracking_fixture.hpp) with two assessments of 2025/2026, "Autumn 2" (5 December)
// and "Spring 1" (10 February), for the progress meeting tests: judgements are recorded into them and
// discussion-area questions live from 1 September 2025.
#pragma once

#include "services/meetings/discussion_templates.hpp"
#include "services/tracking/judgements.hpp"
#include "tracking_fixture.hpp"

#include <string>
#include <utility>
#include <vector>

namespace waymark::testing {

class meeting_test : public tracking_test {
protected:
    void add_autumn_and_spring() {
        auto autumn = spring_spec("Autumn 2");
        autumn.assessed_on = domain::date{std::chrono::year{2025}, std::chrono::December, std::chrono::day{5}};
        autumn.term = domain::term::autumn;
        autumn_ = create(autumn);
        spring_ = create(spring_spec("Spring 1"));
    }

    // tracking_test's set-up, then Year 4 pupils 1 to `pupils` in 4A and both assessments: where the
    // meeting tests and the reports on meetings begin. False when the database is skipped.
    bool set_up_4a_and_both_assessments(int pupils) {
        tracking_test::SetUp();
        if (IsSkipped()) return false;
        add_year4(1, pupils, "4A");
        add_autumn_and_spring();
        return true;
    }

    // Records (UPN serial, teacher's input) judgements of one subject.
    void judge(const services::assessment &which, const std::string &subject,
               const std::vector<std::pair<int, std::string>> &values) {
        std::vector<services::cell_change> changes;
        for (const auto &[serial, value] : values)
            changes.push_back({{test_upn(serial), subject, services::cell_kind::judgement}, value, {}, {}, {}});
        services::record_changes(db(), school_, which, *schemes_, changes, {"mrs.khan", ""});
    }

    services::discussion_template add_question(services::meeting_type type, const std::string &text, int order) {
        const domain::date first_of_september{std::chrono::year{2025}, std::chrono::September, std::chrono::day{1}};
        return services::add_template(db(), school_, {0, type, text, order, first_of_september, {}});
    }

    int count_rows(const std::string &table) {
        int count = 0;
        db().session() << "SELECT CAST(COUNT(*) AS INTEGER) FROM " + table, soci::into(count);
        return count;
    }

    services::assessment autumn_, spring_;
};

}  // namespace waymark::testing
