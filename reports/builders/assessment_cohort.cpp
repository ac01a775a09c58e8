#include "reports/builders/assessment_cohort.hpp"

#include <algorithm>
#include <cstdio>

namespace waymark::reports {

assessment_cohort load_assessment_cohort(soci::session &session, const services::scheme_library &schemes,
                                         report_scope scope) {
    if (!scope.filter.academic_year) scope.filter.academic_year = scope.assessment.year;
    assessment_cohort cohort;
    cohort.filter_text = scope.filter.describe();
    cohort.excluded_pupils = services::excluded_pupils(session, scope.school, scope.filter);
    cohort.subject_names = services::subject_names(session);

    services::pupil_selection chosen;
    const auto &year_groups = scope.assessment.year_groups;
    for (const auto &pupil : services::filtered_pupils(session, scope.school, scope.filter, services::inclusion::included)) {
        if (std::binary_search(year_groups.begin(), year_groups.end(), pupil.nc_year)) chosen.upns.push_back(pupil.upn);
    }
    // An empty UPN list selects everyone, so a filter that matches nobody must not reach the grid.
    if (!chosen.upns.empty()) {
        cohort.pupils = services::load_class_grid(session, scope.school, scope.assessment, schemes, chosen, scope.as_of).rows;
    }
    for (const auto &subject : scope.assessment.subjects) {
        const std::string &name = schemes.get(subject.scheme_id).descriptor().name;
        if (std::find(cohort.scheme_names.begin(), cohort.scheme_names.end(), name) == cohort.scheme_names.end())
            cohort.scheme_names.push_back(name);
    }
    cohort.scope = std::move(scope);
    return cohort;
}

const std::string &assessment_cohort::subject_name(const std::string &code) const {
    const auto found = subject_names.find(code);
    return found == subject_names.end() ? code : found->second;
}

document report_frame(const assessment_cohort &cohort, std::string kind, std::string title, std::string counts) {
    const report_scope &scope = cohort.scope;
    document doc;
    doc.title = std::move(title);
    doc.school = scope.school.name;
    doc.kind = std::move(kind);
    doc.counts = std::move(counts);
    doc.filters = {scope.assessment.name + " (" + std::string(domain::term_name(scope.assessment.term)) + " term, " +
                       domain::format_academic_year(scope.assessment.year) + ")",
                   cohort.filter_text};
    doc.generated = scope.generated;
    doc.as_of = (scope.as_of.empty() ? scope.generated : scope.as_of).substr(0, 10);
    doc.schemes = cohort.scheme_names;
    doc.excluded_pupils = cohort.excluded_pupils;
    return doc;
}

std::string pupil_name(const services::selected_pupil &pupil) { return pupil.surname + ", " + pupil.forename; }

double percent(int count, int of) { return of == 0 ? 0.0 : 100.0 * count / of; }

std::string count_and_percent(int count, int of) {
    char text[48];
    std::snprintf(text, sizeof text, "%d (%.2f%%)", count, percent(count, of));
    return text;
}

}  // namespace waymark::reports
