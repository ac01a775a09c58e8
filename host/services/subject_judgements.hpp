// A subject's judgements over time, across every assessment of a school, in one query: where a
// trajectory starts (the earliest), what a pupil attained at each review, and the latest for target
// validation. Each is the cell's latest record (corrections included), cleared cells left out.
#pragma once

#include "domain/calendar.hpp"
#include "store/schools.hpp"

#include <soci/soci.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace waymark::services {

struct dated_judgement {
    int academic_year = 0;
    domain::term term = domain::term::autumn;
    std::string assessed_on;  // YYYY-MM-DD
    std::string grade_code;
    std::string scheme_id;
};

// Pupil id -> the pupil's judgements in `subject`, oldest assessment first. `pupil_ids` empty = every
// pupil of the school.
std::map<long long, std::vector<dated_judgement>> subject_judgements(soci::session &session, const store::school &school,
                                                                     long long subject_id,
                                                                     const std::set<long long> &pupil_ids);

}  // namespace waymark::services
