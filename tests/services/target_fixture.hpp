// Brookside's Year 4 (tracking_fixture.hpp) with maths judged in APP sublevels and science in LEP
// points, so targets have a scheme for each: the fixture of the target, trajectory and validation tests.
#pragma once

#include "services/targets/targets.hpp"

#include "tracking_fixture.hpp"

namespace waymark::testing {

inline const std::string app_sublevels = "org.waymark.app-sublevels";

class target_test : public tracking_test {
protected:
    void SetUp() override {
        tracking_test::SetUp();
        if (IsSkipped()) return;
        add_year4(1, 3, "4A");
        auto spec = spring_spec();
        spec.subjects = {{"maths", app_sublevels, {}}, {"science", lep_points, {}}};
        assessment_ = create(spec);
    }

    services::recorder at(const std::string &instant) const { return {"mr.patel", instant}; }

    std::vector<services::target_record> set(std::vector<services::target_change> changes,
                                             const std::string &instant = "2026-02-10T09:00:00Z") {
        return services::set_targets(db(), school_, *schemes_, changes, at(instant));
    }

    services::target_record set_one(int serial, const std::string &subject, const std::string &grade,
                                    const std::string &instant = "2026-02-10T09:00:00Z",
                                    services::target_horizon horizon = services::target_horizon::end_of_key_stage) {
        return set({{{test_upn(serial), subject, horizon}, grade, ""}}, instant).front();
    }

    // "KS1 2023": the Summer 2023 assessment of these pupils in Year 2, maths in APP sublevels and
    // science in LEP points, where their prior key-stage results sit.
    services::assessment add_ks1_assessment() {
        services::assessment spec;
        spec.name = "KS1 2023";
        spec.assessed_on = domain::date{std::chrono::year{2024}, std::chrono::month{6}, std::chrono::day{20}};
        spec.year = {2023};
        spec.term = domain::term::summer;
        spec.year_groups = {2};
        spec.subjects = {{"maths", app_sublevels, {}}, {"science", lep_points, {}}};
        return create(spec);
    }

    void judge(const services::assessment &which, int serial, const std::string &subject, const std::string &grade,
               const std::string &instant = "2026-02-10T09:00:00Z", const services::after_judgements *then = nullptr) {
        const services::cell_change change{{test_upn(serial), subject, services::cell_kind::judgement}, grade, {}, {}, {}};
        services::record_changes(db(), school_, which, *schemes_, {&change, 1}, at(instant), then);
    }

    std::vector<services::target_record> listed(services::target_query query = {}) {
        return services::list_targets(db().session(), school_, query);
    }

    services::assessment assessment_;
};

}  // namespace waymark::testing
