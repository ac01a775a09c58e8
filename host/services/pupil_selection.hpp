// Which pupils a grid or a flood-fill works on: a class, a year group, explicit UPNs, or any mix
// (a pupil must match every part given). A fuller filter (characteristics, stored groups) is meant to
// replace this type behind the same select_pupils call.
#pragma once

#include "domain/calendar.hpp"
#include "store/schools.hpp"

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace waymark::services {

struct pupil_selection {
    std::optional<std::string> class_name;
    std::optional<int> year_group;  // NC year in the academic year asked about (0 = Reception)
    std::vector<std::string> upns;  // empty = any

    bool everyone() const { return !class_name && !year_group && upns.empty(); }
};

struct selected_pupil {
    long long id = 0;  // wm_pupils.id
    std::string upn;
    std::string surname;
    std::string forename;
    std::string class_name;
    int nc_year = 0;  // in the academic year asked about, year override applied
};

// The school's pupils on roll matching `which`, ordered by surname, forename, UPN, with their NC year
// in `year`. One query. A UPN listed that the school does not have on roll is a tracking_error.
std::vector<selected_pupil> select_pupils(soci::session &session, const store::school &school, const pupil_selection &which,
                                          domain::academic_year year);

}  // namespace waymark::services
