#include "services/tracking/pupil_selection.hpp"

#include "services/tracking/assessments.hpp"

#include <set>

namespace waymark::services {

std::vector<selected_pupil> select_pupils(soci::session &session, const store::school &school, const pupil_selection &which,
                                          domain::academic_year year) {
    pupil_filter filter = which.filter;
    filter.academic_year = year;
    auto selected = filtered_pupils(session, school, filter, inclusion::all, which.upns);
    if (selected.size() < which.upns.size()) {
        std::set<std::string, std::less<>> found;
        for (const auto &pupil : selected) found.insert(pupil.upn);
        for (const auto &upn : which.upns) {
            if (!found.contains(upn))
                throw tracking_error("No pupil on roll at " + school.name + " has UPN " + upn +
                                     (filter.whole_school() ? "" : " among the pupils chosen (" + filter.describe() + ")") +
                                     "; check the UPN.");
        }
    }
    return selected;
}

}  // namespace waymark::services
