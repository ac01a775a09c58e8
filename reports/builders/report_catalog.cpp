#include "reports/builders/report_catalog.hpp"

#include "reports/builders/full_report.hpp"
#include "reports/builders/progress_matrix.hpp"
#include "reports/builders/summary_table.hpp"
#include "reports/builders/trends_report.hpp"
#include "reports/builders/venn_report.hpp"

#include <algorithm>
#include <array>

namespace waymark::reports {
namespace {

// The reports of one assessment (--assessment), or of each year group's latest without it.
assessment_cohort cohort_of(const report_request &asked) {
    std::optional<services::assessment> assessment;
    if (const auto named = asked.option("assessment")) assessment = asked.assessment_named(*named, "assessment");
    return load_assessment_cohort(asked.session, asked.schemes,
                                  {asked.school, std::move(assessment), asked.filter, asked.as_of, asked.generated});
}

document full(const report_request &asked) { return build_full_report(cohort_of(asked), asked.schemes); }
document venn_of(const report_request &asked) { return build_venn_report(cohort_of(asked)); }
document summary_of(const report_request &asked) { return build_summary_table(asked.session, cohort_of(asked)); }

// --from and --to: ASSESSMENT[:SUBJECT] each.
data_set data_set_of(const report_request &asked, std::string_view option, const std::vector<std::string> &subjects) {
    const auto given = asked.option(option);
    if (!given || given->empty())
        throw services::filter_error("--" + std::string(option) + " names the " + (option == "from" ? "earlier" : "later") +
                                     " data set: an assessment, or ASSESSMENT:SUBJECT such as \"Autumn 1:reading\".");
    auto [assessment, subject] = split_data_set(*given, subjects);
    return {asked.assessment_named(assessment, option), std::move(subject)};
}

document matrix_of(const report_request &asked) {
    const auto subjects = services::assessable_subjects(asked.session);
    const data_set from = data_set_of(asked, "from", subjects);
    const data_set to = data_set_of(asked, "to", subjects);
    return build_progress_matrix(asked.session, asked.schemes, {asked.school, std::nullopt, asked.filter, asked.as_of, asked.generated},
                                 from, to);
}

document trends_of(const report_request &asked) {
    return build_trends_report(asked.session, asked.schemes, {asked.school, std::nullopt, asked.filter, asked.as_of, asked.generated});
}

constexpr std::array<report_kind, 5> kinds{{
    {"full", "per subject, the number and percentage of pupils at each grade, on track and with no judgement", full},
    {"venn", "reading, writing and maths on track or above as a three-circle Venn diagram", venn_of},
    {"matrix", "an earlier data set against a later one, pupils named in each cell, with No data", matrix_of},
    {"summary", "prior attainment, teacher assessment and test averages by year group and pupil characteristic", summary_of},
    {"trends", "the share on track or above per subject, term by term across academic years, as a table and a chart", trends_of},
}};

}  // namespace

std::span<const report_kind> report_kinds() { return kinds; }

const report_kind *find_report_kind(std::string_view name) {
    const auto found = std::find_if(kinds.begin(), kinds.end(), [&](const report_kind &kind) { return kind.name == name; });
    return found == kinds.end() ? nullptr : &*found;
}

std::string report_kind_names() {
    std::string names;
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        if (i > 0) names += i + 1 == kinds.size() ? " or " : ", ";
        names += kinds[i].name;
    }
    return names;
}

}  // namespace waymark::reports
