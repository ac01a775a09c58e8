// What every report about assessments stands on: the pupils it counts (those the filter selects,
// included in data), each with every column of their year group's assessment as it stood at an
// instant, plus what the report must say about itself (the filter, the pupils left out, when). One
// assessment, or for a whole school or key stage each year group's latest (seed 000: "All years" and
// "Key Stage" use the last assessment of every year group). The full report and the Venn read the
// same cohort, so their figures cannot disagree.
#pragma once

#include "reports/document.hpp"
#include "services/tracking/class_grid.hpp"
#include "services/pupils/pupil_filter.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace waymark::reports {

struct report_scope {
    store::school school;
    std::optional<services::assessment> assessment;  // none: each year group's latest assessment
    services::pupil_filter filter;  // its academic year defaults to the assessment's (else the school's)
    std::string as_of;              // 'YYYY-MM-DDTHH:MM:SSZ'; "" = now
    std::string generated;          // when the report is built, 'YYYY-MM-DDTHH:MM:SSZ'
};

// The pupils of the year groups one assessment is counted for.
struct cohort_part {
    services::assessment assessment;
    std::vector<int> year_groups;            // those it is the counted assessment for
    std::vector<services::grid_row> pupils;  // surname, forename, UPN order
};

// A subject as reports count it: judged in one scheme (a subject judged in two schemes in different
// year groups is two rows, since grades of different schemes cannot be added up).
struct counted_subject {
    std::string code;
    std::string scheme_id;
    bool operator==(const counted_subject &) const = default;
};

struct assessment_cohort {
    report_scope scope;
    std::string filter_text;        // pupil_filter::describe()
    std::vector<cohort_part> parts;  // in year-group order; empty when no assessment covers the pupils
    int excluded_pupils = 0;        // selected by the filter but not included in data
    std::vector<int> unassessed_years;  // NC years of selected pupils no counted assessment covers
    std::vector<counted_subject> subjects;  // every part's, in the order the assessments list them
    std::map<std::string, std::string, std::less<>> subject_names;  // code -> "Reading"
    std::vector<std::string> scheme_names;  // of the counted subjects, once each

    const std::string &subject_name(const std::string &code) const;
    std::size_t pupil_count() const;
    // Whether the part's assessment judges the subject in that scheme.
    static bool judges(const cohort_part &part, const counted_subject &subject);
};

// A few queries whatever the size of the school: the assessments, the pupils, their cells per
// assessment, the subject names. Throws services::filter_error or services::tracking_error with
// the sentence to show.
assessment_cohort load_assessment_cohort(soci::session &session, const services::scheme_library &schemes,
                                         report_scope scope);

// A document with everything a report states about itself filled in from the cohort (title, school,
// what it counts, filters, date, as-of, schemes and pupils excluded, which renderers print as a
// notice when there are any).
document report_frame(const assessment_cohort &cohort, std::string kind, std::string title, std::string counts);

// "Spring 1" for one assessment, "latest assessment of each year group" otherwise.
std::string assessments_title(const assessment_cohort &cohort);

// "Reception", "Year 4".
std::string year_name(int year);
// "Spring 1 (Spring term, 2025/2026)": an assessment as a report's filters state it.
std::string assessment_text(const services::assessment &which);

// The day a report's data stands as of: the as-of instant's, else the day it is generated.
std::string as_of_day(const std::string &as_of, const std::string &generated);

// "Pupil05, Sam": how reports name a pupil, so lists sort and read the same everywhere.
std::string pupil_name(const services::selected_pupil &pupil);

// The drill-down lists under `title`, on pages of their own after the figures; nothing when no
// figure has pupils behind it.
void add_appendix(document &doc, pupil_lists lists, std::string title);
// A plain table cell, with the number behind its text when there is one.
cell text_cell(std::string text, std::optional<double> value = std::nullopt);

// "3 (75.00%)": a count and its percentage of `of` to two decimals, as the seed's tables print it.
std::string count_and_percent(int count, int of);
double percent(int count, int of);

}  // namespace waymark::reports
