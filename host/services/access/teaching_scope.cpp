#include "services/access/teaching_scope.hpp"

#include <algorithm>

namespace waymark::services {

namespace {

// Each key's pupil with their class: one statement prepared once and run per key (a cell names one
// pupil, a saved grid a class's worth).
template <class Key>
std::optional<std::string> first_outside(soci::session &session, const store::school &school,
                                         const std::vector<std::string> &classes, std::span<const Key> keys,
                                         const std::string &key_column) {
    Key key{};
    std::string forename, surname, class_name;
    soci::indicator unassigned = soci::i_ok;
    soci::statement lookup =
        (session.prepare << "SELECT p.forename, p.surname, c.name FROM wm_pupils p LEFT JOIN wm_classes c ON c.id = p.class_id "
                            "WHERE p.school_id = :s AND p." + key_column + " = :k",
         soci::into(forename), soci::into(surname), soci::into(class_name, unassigned), soci::use(school.id, "s"),
         soci::use(key, "k"));
    for (const Key &each : keys) {
        key = each;
        if (!lookup.execute(true)) continue;
        if (unassigned == soci::i_null) class_name.clear();
        if (class_name.empty() || std::find(classes.begin(), classes.end(), class_name) == classes.end())
            return outside_classes_sentence(classes, forename + " " + surname, class_name);
    }
    return std::nullopt;
}

}  // namespace

std::string outside_classes_sentence(const std::vector<std::string> &classes, const std::string &pupil_name,
                                     const std::string &class_name) {
    std::string taught;
    for (std::size_t i = 0; i < classes.size(); ++i)
        taught += (i == 0 ? "" : i + 1 == classes.size() ? " and " : ", ") + classes[i];
    return (classes.empty() ? std::string("You teach no class") : "You teach " + taught) + "; " + pupil_name +
           (class_name.empty() ? std::string(" is in no class.") : " is in " + class_name + ".");
}

std::optional<std::string> outside_classes_by_upn(soci::session &session, const store::school &school,
                                                  const std::vector<std::string> &classes, std::span<const std::string> upns) {
    return first_outside(session, school, classes, upns, "upn");
}

std::optional<std::string> outside_classes_by_id(soci::session &session, const store::school &school,
                                                 const std::vector<std::string> &classes, std::span<const long long> pupil_ids) {
    return first_outside(session, school, classes, pupil_ids, "id");
}

}  // namespace waymark::services
