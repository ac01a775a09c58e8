#include "reports/builders/assessment_cohort.hpp"

#include <algorithm>
#include <cstdio>

namespace waymark::reports {
namespace {

// Each NC year's latest assessment of the academic year dated on or before `day`, grouped by assessment.
std::vector<cohort_part> latest_parts(soci::session &session, const store::school &school, domain::academic_year year,
                                      const std::string &day) {
    std::map<int, const services::assessment *> latest;
    const auto all = services::list_assessments(session, school.id);
    for (const auto &candidate : all) {
        if (candidate.year != year || domain::format_iso_date(candidate.assessed_on) > day) continue;
        for (const int nc_year : candidate.year_groups) {
            const services::assessment *&held = latest[nc_year];
            if (held == nullptr || held->assessed_on <= candidate.assessed_on) held = &candidate;
        }
    }
    std::vector<cohort_part> parts;
    for (const auto &[nc_year, which] : latest) {
        auto part = std::find_if(parts.begin(), parts.end(), [&](const cohort_part &p) { return p.assessment.id == which->id; });
        if (part == parts.end()) part = parts.insert(parts.end(), cohort_part{*which, {}, {}});
        part->year_groups.push_back(nc_year);
    }
    return parts;
}

}  // namespace

assessment_cohort load_assessment_cohort(soci::session &session, const services::scheme_library &schemes,
                                         report_scope scope) {
    if (!scope.filter.academic_year) scope.filter.academic_year = scope.assessment ? scope.assessment->year : scope.school.current_year;
    assessment_cohort cohort;
    cohort.filter_text = scope.filter.describe();
    cohort.excluded_pupils = services::excluded_pupils(session, scope.school, scope.filter);
    cohort.subject_names = services::subject_names(session);
    if (scope.assessment) {
        cohort.parts.push_back({*scope.assessment, scope.assessment->year_groups, {}});
    } else {
        const std::string day = as_of_day(scope.as_of, scope.generated);
        cohort.parts = latest_parts(session, scope.school, *scope.filter.academic_year, day);
    }

    const auto chosen = services::filtered_pupils(session, scope.school, scope.filter, services::inclusion::included);
    for (const auto &pupil : chosen) {
        const bool covered = std::any_of(cohort.parts.begin(), cohort.parts.end(), [&](const cohort_part &part) {
            return std::binary_search(part.year_groups.begin(), part.year_groups.end(), pupil.nc_year);
        });
        if (!covered) cohort.unassessed_years.push_back(pupil.nc_year);
    }
    std::sort(cohort.unassessed_years.begin(), cohort.unassessed_years.end());
    cohort.unassessed_years.erase(std::unique(cohort.unassessed_years.begin(), cohort.unassessed_years.end()),
                                  cohort.unassessed_years.end());
    for (auto &part : cohort.parts) {
        services::pupil_selection in_part;
        for (const auto &pupil : chosen) {
            if (std::binary_search(part.year_groups.begin(), part.year_groups.end(), pupil.nc_year)) in_part.upns.push_back(pupil.upn);
        }
        // An empty UPN list selects everyone, so a part the filter leaves empty must not reach the grid.
        if (!in_part.upns.empty()) {
            part.pupils = services::load_class_grid(session, scope.school, part.assessment, schemes, in_part, scope.as_of).rows;
        }
        for (const auto &subject : part.assessment.subjects) {
            const counted_subject counted{subject.code, subject.scheme_id};
            if (std::find(cohort.subjects.begin(), cohort.subjects.end(), counted) == cohort.subjects.end())
                cohort.subjects.push_back(counted);
            const std::string &name = schemes.get(subject.scheme_id).descriptor().name;
            if (std::find(cohort.scheme_names.begin(), cohort.scheme_names.end(), name) == cohort.scheme_names.end())
                cohort.scheme_names.push_back(name);
        }
    }
    cohort.scope = std::move(scope);
    return cohort;
}

const std::string &assessment_cohort::subject_name(const std::string &code) const {
    const auto found = subject_names.find(code);
    return found == subject_names.end() ? code : found->second;
}

std::size_t assessment_cohort::pupil_count() const {
    std::size_t count = 0;
    for (const auto &part : parts) count += part.pupils.size();
    return count;
}

bool assessment_cohort::judges(const cohort_part &part, const counted_subject &subject) {
    const services::assessment_subject *judged = part.assessment.subject(subject.code);
    return judged != nullptr && judged->scheme_id == subject.scheme_id;
}

std::string assessments_title(const assessment_cohort &cohort) {
    if (cohort.scope.assessment) return cohort.scope.assessment->name;
    return "latest assessment of each year group";
}

document report_frame(const assessment_cohort &cohort, std::string kind, std::string title, std::string counts) {
    const report_scope &scope = cohort.scope;
    document doc;
    doc.title = std::move(title);
    doc.school = scope.school.name;
    doc.kind = std::move(kind);
    doc.counts = std::move(counts);
    for (const auto &part : cohort.parts) {
        std::string years;
        for (const int year : part.year_groups) years += (years.empty() ? "" : ", ") + year_name(year);
        doc.filters.push_back(scope.assessment ? assessment_text(part.assessment) : years + ": " + assessment_text(part.assessment));
    }
    if (!cohort.unassessed_years.empty()) {
        std::string years;
        for (const int year : cohort.unassessed_years) years += (years.empty() ? "" : ", ") + year_name(year);
        doc.filters.push_back("Not counted, no assessment yet: " + years);
    }
    doc.filters.push_back(cohort.filter_text);
    doc.generated = scope.generated;
    doc.as_of = as_of_day(scope.as_of, scope.generated);
    doc.schemes = cohort.scheme_names;
    doc.excluded_pupils = cohort.excluded_pupils;
    return doc;
}

std::string year_name(int year) { return year == 0 ? "Reception" : "Year " + std::to_string(year); }

std::string assessment_text(const services::assessment &which) {
    return which.name + " (" + std::string(domain::term_name(which.term)) + " term, " + domain::format_academic_year(which.year) + ")";
}

std::string as_of_day(const std::string &as_of, const std::string &generated) {
    return (as_of.empty() ? generated : as_of).substr(0, 10);
}

std::string pupil_name(const services::selected_pupil &pupil) { return pupil.surname + ", " + pupil.forename; }

void add_appendix(document &doc, pupil_lists lists, std::string title) {
    if (lists.lists.empty()) return;
    lists.title = std::move(title);
    doc.blocks.emplace_back(page_break{});
    doc.blocks.emplace_back(std::move(lists));
}

cell text_cell(std::string text, std::optional<double> value) {
    cell made;
    made.text = std::move(text);
    made.value = value;
    return made;
}

double percent(int count, int of) { return of == 0 ? 0.0 : 100.0 * count / of; }

std::string count_and_percent(int count, int of) {
    char text[48];
    std::snprintf(text, sizeof text, "%d (%.2f%%)", count, percent(count, of));
    return text;
}

}  // namespace waymark::reports
