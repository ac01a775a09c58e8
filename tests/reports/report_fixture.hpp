// Seed 000's four-pupil worked example (domain.md 3.1) as an assessment, for the report builders'
// tests: Year 4 pupils Pupil01..Pupil04 in class 4A judged (reading, writing, maths)
// (T, OT, D), (T, B, OT), (OT, OT, D), (T, B, T), with science judged in LEP points.
#pragma once

#include "document_texts.hpp"
#include "tracking_fixture.hpp"

#include "reports/builders/assessment_cohort.hpp"
#include "reports/document.hpp"
#include "services/tracking/judgements.hpp"

#include <gtest/gtest.h>

namespace waymark::testing {

inline constexpr const char *seed_example_saved = "2026-02-10T09:00:00Z";

class report_test : public tracking_test {
protected:
    void SetUp() override {
        tracking_test::SetUp();
        if (IsSkipped()) return;
        add_year4(1, 4, "4A");
        auto spec = spring_spec();
        spec.subjects = {{"science", lep_points, {}}};
        assessment_ = create(spec);
        const char *judged[4][3] = {{"T", "OT", "D"}, {"T", "B", "OT"}, {"OT", "OT", "D"}, {"T", "B", "T"}};
        constexpr const char *core[3] = {"reading", "writing", "maths"};
        std::vector<services::cell_change> changes;
        for (int pupil = 0; pupil < 4; ++pupil) {
            for (int s = 0; s < 3; ++s)
                changes.push_back({{test_upn(pupil + 1), core[s], services::cell_kind::judgement}, judged[pupil][s], {}, {}, {}});
        }
        changes.push_back({{test_upn(1), "science", services::cell_kind::judgement}, "45", {}, {}, {}});
        record(changes, seed_example_saved);
    }

    void record(const std::vector<services::cell_change> &changes, const std::string &at) {
        services::record_changes(db(), school_, assessment_, *schemes_, changes, {"mrs.khan", at});
    }

    reports::assessment_cohort cohort(services::pupil_filter filter = {}, const std::string &as_of = "") {
        return reports::load_assessment_cohort(db().session(), *schemes_,
                                               {school_, assessment_, std::move(filter), as_of, "2026-03-01T10:00:00Z"});
    }
    // Each year group's latest assessment as of 2026-03-01.
    reports::assessment_cohort latest_cohort(services::pupil_filter filter = {}) {
        return reports::load_assessment_cohort(db().session(), *schemes_,
                                               {school_, std::nullopt, std::move(filter), "", "2026-03-01T10:00:00Z"});
    }

    template <typename Block>
    static const Block &only(const reports::document &doc, std::size_t which = 0) {
        for (const auto &block : doc.blocks) {
            if (const auto *found = std::get_if<Block>(&block); found && which-- == 0) return *found;
        }
        throw std::runtime_error("the document lacks that block");
    }

    // "Name: value, value" per pupil of the drill-down list `id`.
    static std::vector<std::string> listed(const reports::document &doc, const std::string &id) {
        for (const auto &list : only<reports::pupil_lists>(doc).lists) {
            if (list.id != id) continue;
            std::vector<std::string> out;
            for (const auto &pupil : list.pupils) {
                std::string line = pupil.name + ":";
                for (const auto &value : pupil.values) line += " " + value;
                out.push_back(line);
            }
            return out;
        }
        throw std::runtime_error("no pupil list " + id);
    }

    services::assessment assessment_;
};

}  // namespace waymark::testing
