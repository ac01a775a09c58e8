#include "services/pupil_selection.hpp"

#include "services/assessments.hpp"
#include "store/pupils.hpp"

#include <algorithm>
#include <set>

namespace waymark::services {

std::vector<selected_pupil> select_pupils(soci::session &session, const store::school &school, const pupil_selection &which,
                                          domain::academic_year year) {
    const std::set<std::string, std::less<>> wanted(which.upns.begin(), which.upns.end());
    std::set<std::string, std::less<>> found;
    std::vector<selected_pupil> selected;
    for (const auto &stored : store::load_pupils(session, school.id, store::which_pupils::on_roll)) {
        const auto &p = stored.pupil;
        const int nc_year = domain::nc_year(p.date_of_birth, year, p.year_override);
        if (which.class_name && p.class_name != *which.class_name) continue;
        if (which.year_group && nc_year != *which.year_group) continue;
        if (!wanted.empty() && !wanted.contains(p.upn)) continue;
        found.insert(p.upn);
        selected.push_back({stored.id, p.upn, p.surname, p.forename, p.class_name, nc_year});
    }
    for (const auto &upn : wanted) {
        if (!found.contains(upn))
            throw tracking_error("No pupil on roll at " + school.name + " has UPN " + upn +
                                 (which.class_name || which.year_group ? " in the class or year group chosen" : "") +
                                 "; check the UPN.");
    }
    return selected;
}

}  // namespace waymark::services
