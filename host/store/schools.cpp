#include "store/schools.hpp"

namespace waymark::store {
namespace {

constexpr const char *school_columns =
    "SELECT id, la_number, establishment_number, urn, name, postcode, current_academic_year FROM wm_schools";

// Reads schools with one vector per column.
std::vector<school> fetch_schools(soci::session &session, const std::string &where, const std::string &la = {},
                                  const std::string &establishment = {}) {
    std::vector<long long> ids(64);
    std::vector<std::string> las(64), establishments(64), urns(64), names(64), postcodes(64);
    std::vector<int> years(64);
    auto query = (session.prepare << std::string(school_columns) + where, soci::into(ids), soci::into(las),
                  soci::into(establishments), soci::into(urns), soci::into(names), soci::into(postcodes),
                  soci::into(years));
    if (!la.empty()) query, soci::use(la, "la"), soci::use(establishment, "establishment");
    soci::statement statement(query);
    statement.execute();
    std::vector<school> found;
    while (statement.fetch()) {
        for (std::size_t i = 0; i < ids.size(); ++i) {
            found.push_back({ids[i], las[i], establishments[i], urns[i], names[i], postcodes[i], {years[i]}});
        }
        for (auto *column : {&las, &establishments, &urns, &names, &postcodes}) column->resize(64);
        ids.resize(64);
        years.resize(64);
    }
    return found;
}

}  // namespace

std::string laestab(const school &which) { return which.la_number + which.establishment_number; }

std::optional<school> find_school(soci::session &session, std::string_view la_number,
                                  std::string_view establishment_number) {
    auto found = fetch_schools(session, " WHERE la_number = :la AND establishment_number = :establishment",
                               std::string(la_number), std::string(establishment_number));
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::optional<school> find_school_by_id(soci::session &session, long long id) {
    auto found = fetch_schools(session, " WHERE id = " + std::to_string(id));
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<school> all_schools(soci::session &session) { return fetch_schools(session, " ORDER BY la_number, establishment_number"); }

school find_or_create_school(soci::session &session, const school &details) {
    if (auto existing = find_school(session, details.la_number, details.establishment_number)) {
        if (existing->name != details.name || existing->urn != details.urn || existing->postcode != details.postcode) {
            session << "UPDATE wm_schools SET name = :name, urn = :urn, postcode = :postcode WHERE id = :id",
                soci::use(details.name), soci::use(details.urn), soci::use(details.postcode), soci::use(existing->id);
            existing->name = details.name;
            existing->urn = details.urn;
            existing->postcode = details.postcode;
        }
        return *existing;
    }
    ensure_academic_year(session, details.current_year);
    session << "INSERT INTO wm_schools (la_number, establishment_number, urn, name, postcode, current_academic_year) "
               "VALUES (:la, :establishment, :urn, :name, :postcode, :year)",
        soci::use(details.la_number), soci::use(details.establishment_number), soci::use(details.urn),
        soci::use(details.name), soci::use(details.postcode), soci::use(details.current_year.start_year);
    return *find_school(session, details.la_number, details.establishment_number);
}

std::array<std::string, 6> custom_flag_names(soci::session &session, long long school_id) {
    std::vector<int> slots(6);
    std::vector<std::string> names(6);
    session << "SELECT slot, name FROM wm_custom_flag_names WHERE school_id = :school", soci::use(school_id),
        soci::into(slots), soci::into(names);
    std::array<std::string, 6> out;
    for (std::size_t i = 0; i < slots.size(); ++i) out[static_cast<std::size_t>(slots[i] - 1)] = names[i];
    return out;
}

void set_custom_flag_names(soci::session &session, long long school_id, const std::array<std::string, 6> &names) {
    session << "DELETE FROM wm_custom_flag_names WHERE school_id = :school", soci::use(school_id);
    std::vector<long long> schools;
    std::vector<int> slots;
    std::vector<std::string> named;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i].empty()) continue;
        schools.push_back(school_id);
        slots.push_back(static_cast<int>(i + 1));
        named.push_back(names[i]);
    }
    if (named.empty()) return;
    session << "INSERT INTO wm_custom_flag_names (school_id, slot, name) VALUES (:school, :slot, :name)",
        soci::use(schools), soci::use(slots), soci::use(named);
}

void ensure_academic_year(soci::session &session, domain::academic_year year) {
    const std::string name = domain::format_academic_year(year);
    const std::string first_day = domain::format_iso_date(year.first_day());
    const std::string last_day = domain::format_iso_date(year.last_day());
    session << "INSERT INTO wm_academic_years (start_year, name, first_day, last_day) "
               "SELECT :start_year, :name, :first_day, :last_day WHERE NOT EXISTS "
               "(SELECT 1 FROM wm_academic_years WHERE name = :same_name)",
        soci::use(year.start_year), soci::use(name), soci::use(first_day), soci::use(last_day), soci::use(name);
}

}  // namespace waymark::store
