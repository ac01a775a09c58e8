// Which pupils a grid or a flood-fill works on: any pupil filter (class, year group, characteristics,
// stored group...) and explicit UPNs, a pupil matching every part given. Pupils excluded from data
// are selected too: their cells are still entered, only statistics leave them out.
#pragma once

#include "services/pupils/pupil_filter.hpp"

#include <string>
#include <vector>

namespace waymark::services {

struct pupil_selection {
    pupil_filter filter;            // its academic year is the assessment's, whatever is set here
    std::vector<std::string> upns;  // empty = any

    bool everyone() const { return filter.whole_school() && upns.empty(); }
};

using selected_pupil = filtered_pupil;

// The school's pupils on roll matching `which`, ordered by surname, forename, UPN, with their NC year
// in `year`. One query. A UPN listed that the school does not have on roll (or that the filter leaves
// out) is a tracking_error; a class or group the school does not have is a filter_error.
std::vector<selected_pupil> select_pupils(soci::session &session, const store::school &school, const pupil_selection &which,
                                          domain::academic_year year);

}  // namespace waymark::services
