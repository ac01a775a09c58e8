// What the interventions, discussion-area templates and progress meetings share: the error for an id
// or UPN that names nothing at the school (the API's 404), and the checks every free-text field and
// pupil lookup of theirs makes before anything is written.
#pragma once

#include "domain/calendar.hpp"
#include "services/tracking/assessments.hpp"
#include "store/database.hpp"
#include "store/schools.hpp"

#include <soci/soci.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::services {

// An id or UPN that names no record the school can see; nothing was stored.
class record_not_found : public tracking_error {
public:
    using tracking_error::tracking_error;
};

// The record a read by id found, or record_not_found with the sentence `missing`.
template <class Record>
Record found_or(std::vector<Record> found, const std::string &missing) {
    if (found.empty()) throw record_not_found(missing);
    return std::move(found.front());
}

// The text unchanged, or a tracking_error naming the field when it is longer than `limit` characters
// or (when `required`) blank.
std::string checked_text(std::string_view field, const std::string &text, std::size_t limit, bool required);

// The id the session's last INSERT gave its row: per connection, so requests saving at once on
// PostgreSQL each get their own (a MAX(id) read could see another's).
long long last_insert_id(soci::session &session, store::dialect kind);

struct school_pupil {
    long long id = 0;  // the pupil's wm_pupils row at this school
    std::string upn;
    std::string name;  // "Forename Surname"
};

// The school's pupil with this UPN, on roll or (when `archived_too`) left; record_not_found otherwise.
school_pupil find_school_pupil(soci::session &session, const store::school &school, const std::string &upn,
                               bool archived_too);

// The school's assessment of this name in this academic year; tracking_error listing that year's
// assessments otherwise.
assessment assessment_in_year(soci::session &session, const store::school &school, const std::string &name,
                              domain::academic_year year);

// The school's assessment before `current` in the same academic year (by date, then creation), or
// nothing: seed 000 leaves the "previous assessment" cells blank when none was undertaken that year.
std::optional<assessment> previous_assessment(soci::session &session, const store::school &school,
                                              const assessment &current);

}  // namespace waymark::services
