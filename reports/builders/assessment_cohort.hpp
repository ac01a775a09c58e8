// What every report about one assessment stands on: the pupils it counts (those the filter selects
// in the assessment's year groups, included in data), each with every column as it stood at an
// instant, plus what the report must say about itself (the filter, the pupils left out, when). The
// full report and the Venn read the same cohort, so their figures cannot disagree.
#pragma once

#include "reports/document.hpp"
#include "services/class_grid.hpp"
#include "services/pupil_filter.hpp"

#include <map>
#include <string>
#include <vector>

namespace waymark::reports {

struct report_scope {
    store::school school;
    services::assessment assessment;
    services::pupil_filter filter;  // its academic year defaults to the assessment's
    std::string as_of;              // 'YYYY-MM-DDTHH:MM:SSZ'; "" = now
    std::string generated;          // when the report is built, 'YYYY-MM-DDTHH:MM:SSZ'
};

struct assessment_cohort {
    report_scope scope;
    std::string filter_text;                  // pupil_filter::describe()
    std::vector<services::grid_row> pupils;   // surname, forename, UPN order
    int excluded_pupils = 0;                  // selected by the filter but not included in data
    std::map<std::string, std::string, std::less<>> subject_names;  // code -> "Reading"
    std::vector<std::string> scheme_names;  // of the assessment's subjects, in subject order, once each

    const std::string &subject_name(const std::string &code) const;
};

// Three queries whatever the size of the school: the pupils, their cells, the subject names.
// Throws services::filter_error or services::tracking_error with the sentence to show.
assessment_cohort load_assessment_cohort(soci::session &session, const services::scheme_library &schemes,
                                         report_scope scope);

// A document with everything a report states about itself filled in from the cohort (title, school,
// what it counts, filters, date, as-of, schemes and pupils excluded, which renderers print as a
// notice when there are any).
document report_frame(const assessment_cohort &cohort, std::string kind, std::string title, std::string counts);

// "Pupil05, Sam": how reports name a pupil, so lists sort and read the same everywhere.
std::string pupil_name(const services::selected_pupil &pupil);

// "3 (75.00%)": a count and its percentage of `of` to two decimals, as the seed's tables print it.
std::string count_and_percent(int count, int of);
double percent(int count, int of);

}  // namespace waymark::reports
