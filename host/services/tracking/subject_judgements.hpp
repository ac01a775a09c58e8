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

// The same for every school in the database (an authority's history), keyed by wm_pupils.id.
std::map<long long, std::vector<dated_judgement>> subject_judgements_everywhere(soci::session &session,
                                                                                long long subject_id);

// The pupil's first and last judgement in one scheme (a subject may change scheme over the years),
// or nullptr.
const dated_judgement *earliest_in(const std::vector<dated_judgement> &judgements, const std::string &scheme_id);
const dated_judgement *latest_in(const std::vector<dated_judgement> &judgements, const std::string &scheme_id);

// Terms from the end of the judgement's term to the end of Summer in `academic_year` (Summer 2023 to
// Summer 2027: 12); zero or less when the judgement is not before then.
int terms_until_summer(const dated_judgement &from, int academic_year);

}  // namespace waymark::services
