// The year-end rollover (shared/domain.md section 1): the school moves into the next academic year.
// A pupil's NC year is derived from date of birth and the school's current year, so advancing the
// year moves everyone up one year group; pupils taught outside their age group carry a year
// override, which moves up with them. Nothing else changes and no history is touched.
#pragma once

#include "domain/calendar.hpp"

#include <soci/soci.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace waymark::store {

// Why a rollover cannot run, as one sentence (run twice, or a year that is not the next one).
class rollover_refused : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct rollover_record {
    domain::academic_year from{};
    domain::academic_year to{};
    std::string performed_at;       // 'YYYY-MM-DDTHH:MM:SSZ'
    long long pupils_on_roll = 0;   // pupils who moved up
    long long overrides_moved = 0;  // of them, pupils whose year override moved up too

    bool operator==(const rollover_record &) const = default;
};

// Moves the school into `to`, which must be the year after its current one, and records it. Throws
// rollover_refused (changing nothing) otherwise. Run it inside database::transaction.
rollover_record roll_over(soci::session &session, long long school_id, domain::academic_year to);

// Every rollover of the school, oldest first.
std::vector<rollover_record> rollovers(soci::session &session, long long school_id);

}  // namespace waymark::store
