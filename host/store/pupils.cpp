#include "store/pupils.hpp"

#include "store/id_list.hpp"

#include "store/pupil_rows.hpp"

#include <algorithm>
#include <set>

namespace waymark::store {
namespace {

constexpr std::size_t fetch_batch = 2000;

// Rows per INSERT statement. psqlODBC runs a vector-bound statement once per row, a round trip each,
// so an INSERT carries this many VALUES tuples (about 30 parameters each, far below PostgreSQL's
// 65,535); store_bench measures the difference.
constexpr std::size_t rows_per_insert = 64;

// Inserts pupils whose count is a multiple of `per_statement`: tuple j of each execution takes pupils
// j, j + per_statement, j + 2 * per_statement ..., so every column is still one bound vector.
void insert_in_tuples(soci::session &session, long long school_id, std::span<const domain::pupil> pupils,
                      std::size_t per_statement, const pupil_rows::class_ids &classes) {
    const std::size_t executions = pupils.size() / per_statement;
    std::vector<pupil_rows> tuples(per_statement);
    for (auto &tuple : tuples) tuple.reserve(executions);
    for (std::size_t i = 0; i < pupils.size(); ++i) tuples[i % per_statement].append(0, pupils[i], classes);
    std::vector<std::vector<long long>> schools(per_statement, std::vector<long long>(executions, school_id));
    std::string sql = "INSERT INTO wm_pupils (school_id, " + pupil_rows::insert_columns() + ") VALUES ";
    for (std::size_t j = 0; j < per_statement; ++j) {
        const std::string suffix = "_" + std::to_string(j);
        sql += (j == 0 ? "(:school" : ", (:school") + suffix + ", " + pupil_rows::insert_values(suffix) + ")";
    }
    auto query = (session.prepare << sql);
    for (std::size_t j = 0; j < per_statement; ++j) {
        const std::string suffix = "_" + std::to_string(j);
        query, soci::use(schools[j], "school" + suffix);
        tuples[j].use_all(query, pupil_rows::with_row_id::no, suffix);
    }
    soci::statement(query).execute(true);
}

template <class Each>
pupil_rows::class_ids classes_of(soci::session &session, long long school_id, std::size_t count, Each &&name_of) {
    std::vector<std::string> names;
    names.reserve(count);
    for (std::size_t i = 0; i < count; ++i) names.push_back(name_of(i));
    return ensure_classes(session, school_id, names);
}

}  // namespace

std::map<std::string, long long, std::less<>> class_ids(soci::session &session, long long school_id) {
    std::vector<long long> ids(256);
    std::vector<std::string> names(256);
    soci::statement read = (session.prepare << "SELECT id, name FROM wm_classes WHERE school_id = :school",
                            soci::use(school_id), soci::into(ids), soci::into(names));
    read.execute();
    std::map<std::string, long long, std::less<>> found;
    while (read.fetch()) {
        for (std::size_t i = 0; i < ids.size(); ++i) found.emplace(names[i], ids[i]);
        ids.resize(256);
        names.resize(256);
    }
    return found;
}

std::map<std::string, long long, std::less<>> ensure_classes(soci::session &session, long long school_id,
                                                             std::span<const std::string> class_names) {
    auto known = class_ids(session, school_id);
    std::set<std::string> missing;
    for (const auto &name : class_names) {
        if (!name.empty() && !known.contains(name)) missing.insert(name);
    }
    if (missing.empty()) return known;
    std::vector<std::string> names(missing.begin(), missing.end());
    std::vector<long long> schools(names.size(), school_id);
    session << "INSERT INTO wm_classes (school_id, name) VALUES (:school, :name)", soci::use(schools),
        soci::use(names);
    return class_ids(session, school_id);
}

namespace {

// Pupils by school, each school's ordered by surname, forename, UPN; `school_id` null reads every school.
// `batch` rows are fetched at a time, each into buffers SOCI and the driver allocate for a whole batch:
// a grid's 30 pupils by id take a batch of 30, not one sized for a school.
std::map<long long, std::vector<stored_pupil>> read_pupils(soci::session &session, const long long *school_id,
                                                           which_pupils which, const std::string &only_ids = "",
                                                           std::size_t batch = fetch_batch) {
    pupil_rows rows;
    rows.resize(batch);
    std::vector<long long> schools(batch);
    auto query = (session.prepare << "SELECT p.school_id, " + pupil_rows::select_list() +
                                         " FROM wm_pupils p LEFT JOIN wm_classes c ON c.id = p.class_id WHERE " +
                                         (school_id != nullptr ? "p.school_id = :school" : "1 = 1") +
                                         (which == which_pupils::on_roll ? " AND p.archived = 0" : "") +
                                         (only_ids.empty() ? "" : " AND p.id IN (" + only_ids + ")") +
                                         " ORDER BY p.school_id, p.surname, p.forename, p.upn",
                  soci::into(schools));
    if (school_id != nullptr) query, soci::use(*school_id, "school");
    rows.into_all(query);
    soci::statement statement(query);
    statement.execute();
    std::map<long long, std::vector<stored_pupil>> pupils;
    while (statement.fetch()) {
        for (std::size_t i = 0; i < rows.size(); ++i) pupils[schools[i]].push_back({rows.row_id(i), rows.pupil(i)});
        rows.resize(batch);
        schools.resize(batch);
    }
    return pupils;
}

}  // namespace

std::vector<stored_pupil> load_pupils_by_id(soci::session &session, long long school_id, std::span<const long long> pupil_ids) {
    if (pupil_ids.empty()) return {};
    auto pupils = read_pupils(session, &school_id, which_pupils::all, id_list(pupil_ids), std::min(fetch_batch, pupil_ids.size()));
    return pupils.empty() ? std::vector<stored_pupil>{} : std::move(pupils.begin()->second);
}

std::vector<stored_pupil> load_pupils(soci::session &session, long long school_id, which_pupils which) {
    auto pupils = read_pupils(session, &school_id, which);
    return pupils.empty() ? std::vector<stored_pupil>{} : std::move(pupils.begin()->second);
}

std::map<long long, std::vector<stored_pupil>> load_all_pupils(soci::session &session, which_pupils which) {
    return read_pupils(session, nullptr, which);
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
    const auto classes = classes_of(session, school_id, pupils.size(), [&](std::size_t i) { return pupils[i].class_name; });
    const std::size_t whole = pupils.size() - pupils.size() % rows_per_insert;
    if (whole > 0) insert_in_tuples(session, school_id, pupils.first(whole), rows_per_insert, classes);
    if (whole < pupils.size()) insert_in_tuples(session, school_id, pupils.subspan(whole), pupils.size() - whole, classes);
}

void update_pupils(soci::session &session, long long school_id, std::span<const stored_pupil> pupils) {
    if (pupils.empty()) return;
    const auto classes = classes_of(session, school_id, pupils.size(), [&](std::size_t i) { return pupils[i].pupil.class_name; });
    pupil_rows rows;
    rows.reserve(pupils.size());
    for (const auto &stored : pupils) rows.append(stored.id, stored.pupil, classes);
    std::vector<long long> schools(pupils.size(), school_id);
    auto query = (session.prepare << "UPDATE wm_pupils SET " + pupil_rows::update_assignments() +
                                         " WHERE id = :row_id AND school_id = :school",
                  soci::use(schools, "school"));
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
