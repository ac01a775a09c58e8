#include "store/pupils.hpp"

#include "store/pupil_rows.hpp"

#include <set>

namespace waymark::store {
namespace {

constexpr std::size_t fetch_batch = 2000;

// The class a row names, looked up inside the same statement so there is no query per pupil.
constexpr const char *class_of_row =
    "(SELECT c.id FROM wm_classes c WHERE c.school_id = :class_school AND c.name = :class_name)";

void ensure_classes_of(soci::session &session, long long school_id, std::span<const domain::pupil> pupils) {
    std::vector<std::string> names;
    names.reserve(pupils.size());
    for (const auto &pupil : pupils) names.push_back(pupil.class_name);
    ensure_classes(session, school_id, names);
}

}  // namespace

void ensure_classes(soci::session &session, long long school_id, std::span<const std::string> class_names) {
    std::set<std::string> wanted(class_names.begin(), class_names.end());
    wanted.erase("");
    std::vector<std::string> existing(256);
    soci::statement read = (session.prepare << "SELECT name FROM wm_classes WHERE school_id = :school",
                            soci::use(school_id), soci::into(existing));
    read.execute();
    while (read.fetch()) {
        for (const auto &name : existing) wanted.erase(name);
        existing.resize(256);
    }
    if (wanted.empty()) return;
    std::vector<std::string> names(wanted.begin(), wanted.end());
    std::vector<long long> schools(names.size(), school_id);
    session << "INSERT INTO wm_classes (school_id, name) VALUES (:school, :name)", soci::use(schools),
        soci::use(names);
}

std::vector<stored_pupil> load_pupils(soci::session &session, long long school_id, which_pupils which) {
    pupil_rows rows;
    rows.resize(fetch_batch);
    auto query = (session.prepare << "SELECT " + pupil_rows::select_list() +
                                         " FROM wm_pupils p LEFT JOIN wm_classes c ON c.id = p.class_id"
                                         " WHERE p.school_id = :school" +
                                         (which == which_pupils::on_roll ? " AND p.archived = 0" : "") +
                                         " ORDER BY p.surname, p.forename, p.upn",
                  soci::use(school_id));
    rows.into_all(query);
    soci::statement statement(query);
    statement.execute();
    std::vector<stored_pupil> pupils;
    while (statement.fetch()) {
        for (std::size_t i = 0; i < rows.size(); ++i) pupils.push_back({rows.row_id(i), rows.pupil(i)});
        rows.resize(fetch_batch);
    }
    return pupils;
}

std::unordered_map<std::string, long long> pupil_ids_by_upn(soci::session &session, long long school_id) {
    std::vector<long long> ids(fetch_batch);
    std::vector<std::string> upns(fetch_batch);
    soci::statement statement = (session.prepare << "SELECT id, upn FROM wm_pupils WHERE school_id = :school",
                                 soci::use(school_id), soci::into(ids), soci::into(upns));
    statement.execute();
    std::unordered_map<std::string, long long> found;
    while (statement.fetch()) {
        for (std::size_t i = 0; i < ids.size(); ++i) found.emplace(upns[i], ids[i]);
        ids.resize(fetch_batch);
        upns.resize(fetch_batch);
    }
    return found;
}

void insert_pupils(soci::session &session, long long school_id, std::span<const domain::pupil> pupils) {
    if (pupils.empty()) return;
    ensure_classes_of(session, school_id, pupils);
    pupil_rows rows;
    rows.reserve(pupils.size());
    for (const auto &pupil : pupils) rows.append(0, pupil);
    std::vector<long long> schools(pupils.size(), school_id);
    std::vector<long long> class_schools(pupils.size(), school_id);
    auto query = (session.prepare << "INSERT INTO wm_pupils (school_id, class_id, " + pupil_rows::insert_columns() +
                                         ") VALUES (:school, " + class_of_row + ", " + pupil_rows::insert_values() + ")",
                  soci::use(schools, "school"), soci::use(class_schools, "class_school"));
    rows.use_all(query, pupil_rows::with_row_id::no);
    soci::statement(query).execute(true);
}

void update_pupils(soci::session &session, long long school_id, std::span<const stored_pupil> pupils) {
    if (pupils.empty()) return;
    std::vector<domain::pupil> plain;
    plain.reserve(pupils.size());
    for (const auto &stored : pupils) plain.push_back(stored.pupil);
    ensure_classes_of(session, school_id, plain);
    pupil_rows rows;
    rows.reserve(pupils.size());
    for (const auto &stored : pupils) rows.append(stored.id, stored.pupil);
    std::vector<long long> schools(pupils.size(), school_id);
    std::vector<long long> class_schools(pupils.size(), school_id);
    auto query = (session.prepare << "UPDATE wm_pupils SET class_id = " + std::string(class_of_row) + ", " +
                                         pupil_rows::update_assignments() + " WHERE id = :row_id AND school_id = :school",
                  soci::use(schools, "school"), soci::use(class_schools, "class_school"));
    rows.use_all(query, pupil_rows::with_row_id::yes);
    soci::statement(query).execute(true);
}

std::size_t archive_pupils(soci::session &session, long long school_id, std::span<const long long> pupil_ids,
                           domain::date left_on) {
    // Row counts of batched statements are not reliable through ODBC drivers, so count from the roll.
    std::vector<long long> on_roll(fetch_batch);
    std::set<long long> wanted(pupil_ids.begin(), pupil_ids.end());
    std::vector<long long> ids;
    soci::statement roll = (session.prepare << "SELECT id FROM wm_pupils WHERE school_id = :school AND archived = 0",
                            soci::use(school_id), soci::into(on_roll));
    roll.execute();
    while (roll.fetch()) {
        for (const long long id : on_roll) {
            if (wanted.contains(id)) ids.push_back(id);
        }
        on_roll.resize(fetch_batch);
    }
    if (ids.empty()) return 0;
    std::vector<long long> schools(ids.size(), school_id);
    std::vector<std::string> left(ids.size(), domain::format_iso_date(left_on));
    soci::statement statement =
        (session.prepare << "UPDATE wm_pupils SET archived = 1, date_left = COALESCE(date_left, :left_on) "
                            "WHERE id = :id AND school_id = :school",
         soci::use(left, "left_on"), soci::use(ids, "id"), soci::use(schools, "school"));
    statement.execute(true);
    return ids.size();
}

}  // namespace waymark::store
