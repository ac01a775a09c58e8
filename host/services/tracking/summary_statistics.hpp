// The summary rows under an assessment (seed 000 "SUMMARY DATA", issue 4 item 7): per judged subject
// the count and percentage of each grade and of on track or above, the pupils with no judgement, the
// combined reading-writing-maths row and the averages of the test-score columns, over the included
// pupils a filter selects. The counting is SQL (GROUP BY subject, context year, grade) so an
// authority's database is aggregated where it lives; only the few distinct (grade, context) groups
// come back, and the subject's scheme plugin evaluates those in one batch per context.
#pragma once

#include "services/tracking/assessments.hpp"
#include "services/pupils/pupil_filter.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace waymark::services {

struct grade_count {
    std::string code;   // the scheme's stored code
    std::string label;  // its label without context ("On track")
    int pupils = 0;
    double percent = 0;  // of the pupils summarised, two decimals
};

struct subject_summary {
    std::string subject;  // wm_subjects.code
    std::string scheme_id;
    std::vector<grade_count> grades;  // every grade of the scheme, lowest first
    int pupils = 0;  // the pupils summarised whose assessment judges this subject in this scheme
    int judged = 0;
    int on_track = 0;  // on track or above in each pupil's context (the scheme decides)
    double on_track_percent = 0;
    std::array<int, 4> bands{};  // pupils per WAYMARK_BAND_* (none, below, at, above expectation)
    int no_judgement = 0;        // summarised pupils without a judgement in this subject
    int unrecognised = 0;        // judgements whose code the scheme no longer has (left out of the grades)
};

struct test_score_summary {
    std::string subject;
    std::string kind;  // test_score_kind_name
    int pupils = 0;    // with a score
    std::optional<double> average;  // two decimals; none without scores
};

struct assessment_summary {
    std::string assessment;
    std::string filter;  // pupil_filter::describe()
    std::string as_of;   // "" = now
    int pupils = 0;           // included pupils the filter selects in the assessment's year groups
    int excluded_pupils = 0;  // pupils the filter selects but "include in data" leaves out
    std::vector<subject_summary> subjects;  // in the assessment's order
    // Pupils on track or above in reading, writing and maths alike.
    int reading_writing_maths_on_track = 0;
    double reading_writing_maths_percent = 0;
    std::vector<test_score_summary> test_scores;
};

// An authority's view of one term: every school's latest assessment of the term, over the included
// pupils on roll in its year groups.
struct authority_summary {
    domain::academic_year year{};
    domain::term term = domain::term::autumn;
    std::string as_of;  // "" = now
    int schools = 0;    // with an assessment that term
    int pupils = 0;
    int excluded_pupils = 0;  // on roll in those year groups but left out by "include in data"
    // One row per subject and scheme (schools may judge a subject in different schemes), in subject
    // order; percentages are of the row's pupils.
    std::vector<subject_summary> subjects;
    int reading_writing_maths_on_track = 0;
    double reading_writing_maths_percent = 0;  // of `pupils`
};

// Percentages are of `pupils` and rounded to two decimals; an empty selection gives zeros. The
// filter's academic year defaults to the assessment's; `instant` ('YYYY-MM-DDTHH:MM:SSZ', "" = now)
// reads the records as they stood then. A bad instant or an unknown class or group is a
// filter_error.
assessment_summary summarise(soci::session &session, const store::school &school, const assessment &which,
                             const scheme_library &schemes, pupil_filter filter, const std::string &instant = "");

// The same figures for every school of the database at once (test scores apart), counted in SQL
// across schools: a few queries however many pupils.
authority_summary summarise_authority(soci::session &session, const scheme_library &schemes, domain::academic_year year,
                                      domain::term term, const std::string &instant = "");

}  // namespace waymark::services
