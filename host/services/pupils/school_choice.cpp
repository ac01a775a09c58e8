#include "services/pupils/school_choice.hpp"

namespace waymark::services {

store::school choose_school(soci::session &session, const std::optional<std::string> &laestab) {
    const auto schools = store::all_schools(session);
    if (schools.empty())
        throw school_choice_error("The database holds no school yet; load one first (e.g. `waymark sync`).");
    if (!laestab) {
        if (schools.size() == 1) return schools.front();
        std::string choices;
        for (const auto &school : schools) choices += (choices.empty() ? "" : ", ") + store::laestab(school);
        throw school_choice_error("The database holds " + std::to_string(schools.size()) +
                                  " schools; say which with --school (one of " + choices + ").");
    }
    for (const auto &school : schools)
        if (store::laestab(school) == *laestab) return school;
    throw school_choice_error("There is no school " + *laestab +
                              " in the database; --school takes the LA and establishment numbers together, e.g. 8012000.");
}

}  // namespace waymark::services
