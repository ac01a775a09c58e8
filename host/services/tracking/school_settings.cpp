#include "services/tracking/school_settings.hpp"

#include "store/fetch_rows.hpp"
#include "services/tracking/tracking_records.hpp"
#include "store/pupils.hpp"

#include <algorithm>
#include <set>

namespace waymark::services {
namespace {

constexpr std::size_t longest_class_name = 60;  // wm_classes.name, wm_user_classes.class_name
constexpr std::size_t longest_flag_name = 60;   // wm_custom_flag_names.name
constexpr std::string_view core_subjects[] = {"reading", "writing", "maths"};

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return "";
    return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

std::string listed(const std::vector<std::string> &words) {
    std::string out;
    for (const auto &word : words) out += (out.empty() ? "" : ", ") + word;
    return out.empty() ? "none" : out;
}

std::string pupils_text(int count) { return std::to_string(count) + (count == 1 ? " pupil" : " pupils"); }

std::string checked_class_name(std::string_view given) {
    std::string name = trimmed(given);
    if (name.empty() || name.size() > longest_class_name)
        throw tracking_error("A class name must be 1 to " + std::to_string(longest_class_name) + " characters, such as 4B or Oak.");
    return name;
}

std::vector<std::string> class_names(const std::vector<school_class> &classes) {
    std::vector<std::string> names;
    for (const auto &each : classes) names.push_back(each.name);
    return names;
}

const school_class &existing_class(const std::vector<school_class> &classes, const store::school &school, std::string_view name) {
    const auto found = std::find_if(classes.begin(), classes.end(), [&](const auto &c) { return c.name == name; });
    if (found == classes.end())
        throw record_not_found(school.name + " has no class \"" + std::string(name) + "\"; its classes are " +
                               listed(class_names(classes)) + ".");
    return *found;
}

void refuse_taken(const std::vector<school_class> &classes, const store::school &school, const std::string &name) {
    if (std::any_of(classes.begin(), classes.end(), [&](const auto &c) { return c.name == name; }))
        throw tracking_error(school.name + " already has a class \"" + name + "\"; choose another name.");
}

long long class_id(soci::session &session, const store::school &school, const std::string &name) {
    long long id = 0;
    session << "SELECT id FROM wm_classes WHERE school_id = :s AND name = :n", soci::use(school.id, "s"), soci::use(name, "n"),
        soci::into(id);
    return id;
}

int count_of(soci::session &session, const std::string &query, long long id) {
    int count = 0;
    session << query, soci::use(id, "id"), soci::into(count);
    return count;
}

}  // namespace

std::vector<school_class> list_classes(soci::session &session, const store::school &school) {
    std::vector<school_class> found;
    std::vector<std::string> names;
    std::vector<long long> pupils;
    store::size_for_fetch(names, pupils);
    soci::statement rows = (session.prepare << "SELECT c.name, COUNT(p.id) FROM wm_classes c "
                                               "LEFT JOIN wm_pupils p ON p.class_id = c.id AND p.archived = 0 "
                                               "WHERE c.school_id = :s GROUP BY c.name ORDER BY c.name",
                            soci::use(school.id, "s"), soci::into(names), soci::into(pupils));
    store::fetch_rows(rows, [&](std::size_t i) { found.push_back({names[i], static_cast<int>(pupils[i])}); }, names, pupils);
    return found;
}

school_class add_class(store::database &db, const store::school &school, std::string_view name) {
    const std::string made = checked_class_name(name);
    return db.transaction("adding class " + made, [&](soci::session &session) {
        refuse_taken(list_classes(session, school), school, made);
        store::ensure_classes(session, school.id, {&made, 1});
        return school_class{made, 0};
    });
}

school_class rename_class(store::database &db, const store::school &school, std::string_view from, std::string_view to) {
    const std::string new_name = checked_class_name(to);
    const std::string old_name(from);
    return db.transaction("renaming class " + old_name + " to " + new_name, [&](soci::session &session) {
        const auto classes = list_classes(session, school);
        school_class renamed = existing_class(classes, school, old_name);
        if (new_name == old_name) return renamed;
        refuse_taken(classes, school, new_name);
        const long long id = class_id(session, school, old_name);
        session << "UPDATE wm_classes SET name = :n WHERE id = :id", soci::use(new_name, "n"), soci::use(id, "id");
        // Teachers are given classes by name, so their grants move with it (only this school's users).
        session << "UPDATE wm_user_classes SET class_name = :n WHERE class_name = :o AND user_id IN "
                   "(SELECT id FROM wm_users WHERE school_id = :s)",
            soci::use(new_name, "n"), soci::use(old_name, "o"), soci::use(school.id, "s");
        renamed.name = new_name;
        return renamed;
    });
}

void delete_class(store::database &db, const store::school &school, std::string_view name) {
    const std::string doomed(name);
    db.transaction("deleting class " + doomed, [&](soci::session &session) {
        const school_class found = existing_class(list_classes(session, school), school, doomed);
        if (found.pupils > 0)
            throw tracking_error("Class " + doomed + " has " + pupils_text(found.pupils) +
                                 "; move them to another class before deleting it.");
        const long long id = class_id(session, school, doomed);
        const int left = count_of(session, "SELECT COUNT(*) FROM wm_pupils WHERE class_id = :id", id);
        const int meetings = count_of(session, "SELECT COUNT(*) FROM wm_cohort_meetings WHERE class_id = :id", id);
        if (left > 0 || meetings > 0)
            throw tracking_error("Class " + doomed + " is kept: the records of " + pupils_text(left) + " who left and " +
                                 std::to_string(meetings) + (meetings == 1 ? " cohort meeting" : " cohort meetings") +
                                 " name it; rename it instead if the name is wrong.");
        session << "DELETE FROM wm_user_classes WHERE class_name = :n AND user_id IN (SELECT id FROM wm_users WHERE school_id = :s)",
            soci::use(doomed, "n"), soci::use(school.id, "s");
        session << "DELETE FROM wm_classes WHERE id = :id", soci::use(id, "id");
    });
}

std::array<std::string, 6> save_custom_flag_names(store::database &db, const store::school &school,
                                                  std::array<std::string, 6> names) {
    std::set<std::string> seen;
    for (std::size_t slot = 0; slot < names.size(); ++slot) {
        names[slot] = trimmed(names[slot]);
        const std::string which = "Custom filter " + std::to_string(slot + 1);
        if (names[slot].size() > longest_flag_name)
            throw tracking_error(which + "'s name is longer than " + std::to_string(longest_flag_name) + " characters; shorten it.");
        if (!names[slot].empty() && !seen.insert(names[slot]).second)
            throw tracking_error(which + " is called \"" + names[slot] + "\" like another; give each filter its own name.");
    }
    db.transaction("naming the custom filters", [&](soci::session &session) { store::set_custom_flag_names(session, school.id, names); });
    return names;
}

std::map<std::string, std::string, std::less<>> chosen_schemes(soci::session &session, long long school_id) {
    std::map<std::string, std::string, std::less<>> chosen;
    std::vector<std::string> codes, schemes;
    store::size_for_fetch(codes, schemes);
    soci::statement rows = (session.prepare << "SELECT s.code, t.scheme_id FROM wm_school_subjects t "
                                               "JOIN wm_subjects s ON s.id = t.subject_id WHERE t.school_id = :s",
                            soci::use(school_id, "s"), soci::into(codes), soci::into(schemes));
    store::fetch_rows(rows, [&](std::size_t i) { chosen.emplace(codes[i], schemes[i]); }, codes, schemes);
    return chosen;
}

std::vector<subject_scheme> tracked_subjects(soci::session &session, long long school_id) {
    auto chosen = chosen_schemes(session, school_id);
    for (const auto core : core_subjects) chosen.emplace(std::string(core), std::string(default_scheme_id));
    const auto ids = subject_ids(session);
    const auto names = subject_names(session);
    std::vector<subject_scheme> found;
    for (const auto &[code, scheme] : chosen) found.push_back({code, names.find(code)->second, scheme});
    std::sort(found.begin(), found.end(), [&](const auto &a, const auto &b) { return ids.find(a.code)->second < ids.find(b.code)->second; });
    return found;
}

std::vector<subject_scheme> save_tracked_subjects(store::database &db, const store::school &school,
                                                  const std::vector<subject_scheme> &wanted, const scheme_library &schemes) {
    for (const auto &subject : wanted) {
        try {
            schemes.get(subject.scheme_id);
        } catch (const tracking_error &refused) {
            throw tracking_error(subject.code + ": " + refused.what());  // the sentence names the loaded schemes
        }
    }
    return db.transaction("choosing the subjects and their schemes", [&](soci::session &session) {
        const auto ids = subject_ids(session);
        std::set<std::string> seen;
        for (const auto &subject : wanted) {
            if (subject.code == "phonics" || !ids.contains(subject.code))
                throw tracking_error("'" + subject.code + "' is not a subject Waymark tracks; choose from: " +
                                     listed(assessable_subjects(session)) + ".");
            if (!seen.insert(subject.code).second) throw tracking_error("Subject '" + subject.code + "' is listed twice.");
        }
        session << "DELETE FROM wm_school_subjects WHERE school_id = :s", soci::use(school.id, "s");
        for (const auto &subject : wanted) {
            const long long subject_id = ids.find(subject.code)->second;
            session << "INSERT INTO wm_school_subjects (school_id, subject_id, scheme_id) VALUES (:s, :subject, :scheme)",
                soci::use(school.id, "s"), soci::use(subject_id, "subject"), soci::use(subject.scheme_id, "scheme");
        }
        return tracked_subjects(session, school.id);
    });
}

}  // namespace waymark::services
