// A year of judgements for the demo school, so the page, the reports and the demo accounts have
// something to show the moment the README's main command has run: last summer's assessment and this
// year's terms so far, in reading, writing and maths on the four-band scheme, each pupil's judgements
// drifting up or down a little from term to term as a real class's do. The latest assessment's Year 4
// columns are left empty, for the demo teacher to enter.
#pragma once

#include "services/tracking/assessments.hpp"
#include "store/database.hpp"
#include "store/schools.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace waymark::services {

struct demo_tracking {
    std::vector<std::string> assessments;  // the names created, oldest first
    std::size_t judgements = 0;
};

// Only at a school without assessments (a second run, or a school already in use, changes nothing:
// nullopt). `today` decides which of this year's terms have been assessed.
std::optional<demo_tracking> add_demo_tracking(store::database &db, const store::school &school,
                                               const scheme_library &schemes, domain::date today);

}  // namespace waymark::services
