#include "services/tracking/tracking_records.hpp"

#include <algorithm>

namespace waymark::services {

std::string checked_text(std::string_view field, const std::string &text, std::size_t limit, bool required) {
    if (required && text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw tracking_error("The " + std::string(field) + " is required; it was empty.");
    if (text.size() > limit)
        throw tracking_error("The " + std::string(field) + " can be at most " + std::to_string(limit) +
                             " characters; the one given has " + std::to_string(text.size()) + ".");
    return text;
}

long long last_insert_id(soci::session &session, store::dialect kind) {
    long long id = 0;
    session << (kind == store::dialect::postgresql ? "SELECT lastval()" : "SELECT last_insert_rowid()"), soci::into(id);
    return id;
}

school_pupil find_school_pupil(soci::session &session, const store::school &school, const std::string &upn,
                               bool archived_too) {
    school_pupil found;
    soci::indicator none = soci::i_ok;
    std::string forename, surname;
    const int archived_allowed = archived_too ? 1 : 0;
    session << "SELECT id, forename, surname FROM wm_pupils WHERE school_id = :s AND upn = :u AND archived <= :a",
        soci::into(found.id, none), soci::into(forename), soci::into(surname), soci::use(school.id, "s"),
        soci::use(upn, "u"), soci::use(archived_allowed, "a");
    if (!session.got_data() || none == soci::i_null)
        throw record_not_found("No pupil with UPN " + upn + (archived_too ? " at " : " on roll at ") + school.name +
                               "; check the UPN (waymark pupils list shows them).");
    found.upn = upn;
    found.name = forename + " " + surname;
    return found;
}

assessment assessment_in_year(soci::session &session, const store::school &school, const std::string &name,
                              domain::academic_year year) {
    std::string names;
    for (auto &each : list_assessments(session, school.id)) {
        if (each.year != year) continue;
        if (each.name == name) return each;
        names += (names.empty() ? "" : ", ") + each.name;
    }
    throw tracking_error("No assessment named \"" + name + "\" in " + domain::format_academic_year(year) + " at " +
                         school.name + "; that year's assessments are: " + (names.empty() ? "none" : names) + ".");
}

std::optional<assessment> previous_assessment(soci::session &session, const store::school &school,
                                              const assessment &current) {
    std::optional<assessment> previous;
    for (auto &each : list_assessments(session, school.id)) {
        if (each.year != current.year || each.id == current.id) continue;
        const bool before = each.assessed_on < current.assessed_on ||
                            (each.assessed_on == current.assessed_on && each.id < current.id);
        const bool later_than_found = !previous || previous->assessed_on < each.assessed_on ||
                                      (previous->assessed_on == each.assessed_on && previous->id < each.id);
        if (before && later_than_found) previous = std::move(each);
    }
    return previous;
}

}  // namespace waymark::services
