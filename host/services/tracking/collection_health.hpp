// Data-collection health (issue 4 item 8): for a review period, which classes and subjects still
// have missing judgements, so a leader can chase them before the deadline. A judgement is missing
// when an included pupil on roll in the assessment's year groups has no current judgement (never
// recorded, or cleared) in a subject the assessment judges. Counted in SQL: the class sizes (and the
// excluded pupils) grouped per class, and the missing cells in one query.
#pragma once

#include "services/tracking/assessments.hpp"

#include <string>
#include <vector>

namespace waymark::services {

struct missing_pupil {
    std::string upn;
    std::string surname;
    std::string forename;
    bool operator==(const missing_pupil &) const = default;
};

// One class and subject with judgements still to record.
struct collection_gap {
    std::string class_name;  // "" for pupils in no class
    std::string subject;     // wm_subjects.code
    int pupils = 0;          // the class's pupils the assessment covers
    std::vector<missing_pupil> missing;  // by surname, forename, UPN
};

struct collection_health {
    std::string assessment;
    long long assessment_id = 0;
    int pupils = 0;           // included pupils on roll in the assessment's year groups
    int excluded_pupils = 0;  // on roll there but left out by "include in data" (not chased)
    int expected = 0;         // judgements wanted: pupils x subjects
    int missing = 0;          // of those, not recorded
    std::vector<collection_gap> gaps;  // by class, then the assessment's subject order; complete ones left out
};

collection_health check_collection(soci::session &session, const store::school &school, const assessment &which);

// Every assessment of the school in `term` of `year`, by date.
std::vector<collection_health> check_collection(soci::session &session, const store::school &school,
                                                domain::academic_year year, domain::term term);

}  // namespace waymark::services
