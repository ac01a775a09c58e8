// The progress matrix (seed 000 "Pupil Matrix", seed 002): an earlier data set against a later one,
// rows the earlier outcome, columns the later, each cell the pupils who went from one to the other,
// named in the appendix; a "No data" row and column for pupils without a judgement in a set. A data
// set is an assessment's subject, so the same subject across two assessments, two subjects of one
// assessment, or a subject in one scheme against another. Within one scheme of up to eight grades the
// headings are its grades; otherwise pupils are placed by the schemes' own below / at / above
// expectation evaluation in each pupil's context, which is what makes two schemes comparable. Each
// matrix comes with the distribution of both sets (the seed's "Primary Data": each outcome and No
// data, count and percentage) and how many pupils are higher, the same and lower.
#pragma once

#include "reports/builders/assessment_cohort.hpp"

#include <string>

namespace waymark::reports {

struct data_set {
    services::assessment assessment;
    std::string subject;  // a subject code; "" = each subject both sets' assessments judge
};

// "Autumn 1:reading" -> {"Autumn 1", "reading"}: the part after the last colon is a subject when it
// is one of `subjects` (codes); otherwise the whole text is the assessment.
std::pair<std::string, std::string> split_data_set(const std::string &text, const std::vector<std::string> &subjects);

// Statutory data as the earlier set: "ks1:reading", "eyfs:maths", "eyfs:gld" (any case; "ks1" or
// "eyfs" alone means each subject the later set judges that the source covers).
enum class statutory_source { ks1, eyfs, gld };
struct statutory_set {
    statutory_source source = statutory_source::ks1;
    std::string subject;  // a subject code; "" = each one the later set judges
};

// The statutory set `text` names, or nothing when it names none (then it is an assessment). Throws
// services::filter_error for "ks1:" or "eyfs:" followed by something the source does not record.
std::optional<statutory_set> parse_statutory_set(const std::string &text);

// Pupils are those `scope` selects in the later assessment's year groups, included in data (the
// filter's academic year defaults to the later assessment's); the earlier set's judgements are theirs
// whatever year group they were in then. scope.assessment is ignored. Throws services::filter_error
// when a set names a subject its assessment does not judge, the sets share no subject, or `from` is
// dated after `to`.
document build_progress_matrix(soci::session &session, const services::scheme_library &schemes, report_scope scope,
                               const data_set &from, const data_set &to);

// The same with statutory data as the earlier set: rows are its outcomes as recorded (KS1 TA codes,
// lowest first; Emerging/Expected, Expected only when every goal of the subject is: reading E08-E09,
// writing E10, maths E11-E12; GLD or not), columns the later judgements' below / at / above bands.
// Statutory results keep no history, so an as-of report shows them as recorded now (and says so).
document build_statutory_matrix(soci::session &session, const services::scheme_library &schemes, report_scope scope,
                                const statutory_set &from, const data_set &to);

}  // namespace waymark::reports
