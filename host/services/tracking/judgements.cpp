#include "services/tracking/judgements.hpp"

#include "store/id_list.hpp"

#include "store/fetch_rows.hpp"
#include "store/multi_row_insert.hpp"

#include <algorithm>
#include <charconv>
#include <array>
#include <map>
#include <set>
#include <tuple>

namespace waymark::services {
namespace {

constexpr std::size_t longest_formative = 100;
constexpr std::size_t longest_phonics = 50;  // seed 000: "maximum of 50 characters"
constexpr std::size_t longest_test_score = 40;

bool is_free_text(cell_kind kind) { return kind == cell_kind::formative || kind == cell_kind::phonics; }

// Subject codes are inlined into SQL, so only the assessment's own subjects pass.
void check_subject(const assessment &which, const cell_address &cell) {
    if (!which.subject(cell.subject) && cell.subject != "phonics")
        throw tracking_error("Assessment '" + which.name + "' has no subject '" + cell.subject + "'.");
}

std::string where(const cell_address &cell) {
    return "'" + cell.subject + "' " + std::string(cell_kind_name(cell.kind)) + " of pupil " + cell.upn;
}

bool digits_within(std::string_view text, int highest) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc{} && end == text.data() + text.size() && value >= 0 && value <= highest;
}

// Instants are inlined into SQL, so only the exact stored shape passes.
void check_instant(const std::string &instant) {
    if (as_of_instant(instant) != instant)
        throw tracking_error("'" + instant + "' is not an instant; write it as YYYY-MM-DDTHH:MM:SSZ.");
}

// Records of the assessment matching `filter` (SQL over r, built only from numbers and checked text).
std::vector<current_cell> read_records(soci::session &session, const std::string &filter) {
    std::vector<long long> ids, pupil_ids, supersedes;
    std::vector<std::string> upns, subjects, kinds, values, texts, by, at;
    std::vector<int> colours, judged_years, cleared;
    store::size_for_fetch(ids, pupil_ids, upns, subjects, kinds, values, texts, colours, judged_years, cleared, by, at, supersedes);
    soci::statement rows =
        (session.prepare << "SELECT r.id, r.pupil_id, p.upn, s.code, r.cell_kind, r.value, r.text_value, "
                            "COALESCE(r.colour_rgb, -1), COALESCE(r.judged_year, -1), r.cleared, r.recorded_by, r.recorded_at, "
                            "COALESCE(r.supersedes_id, 0) FROM wm_assessment_records r "
                            "JOIN wm_pupils p ON p.id = r.pupil_id JOIN wm_subjects s ON s.id = r.subject_id WHERE " +
                                filter + " ORDER BY r.id",
         soci::into(ids), soci::into(pupil_ids), soci::into(upns), soci::into(subjects), soci::into(kinds), soci::into(values),
         soci::into(texts), soci::into(colours), soci::into(judged_years), soci::into(cleared), soci::into(by), soci::into(at),
         soci::into(supersedes));
    std::vector<current_cell> found;
    store::fetch_rows(rows, [&](std::size_t i) {
        current_cell cell{pupil_ids[i], {}};
        auto &r = cell.record;
        r.id = ids[i];
        r.cell = {upns[i], subjects[i], parse_cell_kind(kinds[i]).value_or(cell_kind::judgement)};
        r.value = is_free_text(r.cell.kind) ? texts[i] : values[i];
        if (colours[i] >= 0) r.colour = static_cast<uint32_t>(colours[i]);
        if (judged_years[i] >= 0) r.judged_year = judged_years[i];
        r.cleared = cleared[i] != 0;
        r.recorded_by = by[i];
        r.recorded_at = at[i];
        if (supersedes[i] != 0) r.supersedes = supersedes[i];
        found.push_back(std::move(cell));
    }, ids, pupil_ids, upns, subjects, kinds, values, texts, colours, judged_years, cleared, by, at, supersedes);
    return found;
}

using store::id_list;

// The ids of the latest record of each cell of the pupils in `pupils` (an id list; nothing = every
// pupil), as of `instant` ("" = now): the highest id, since a cell's records are appended in time
// order (append refuses a change older than the cell's latest).
std::string latest_ids(long long assessment_id, const std::string &instant,
                       const std::optional<std::string> &pupils = std::nullopt) {
    return "SELECT MAX(m.id) FROM wm_assessment_records m WHERE m.assessment_id = " + std::to_string(assessment_id) +
           (instant.empty() ? "" : " AND m.recorded_at <= '" + instant + "'") +
           (pupils ? " AND m.pupil_id IN (" + *pupils + ")" : "") + " GROUP BY m.pupil_id, m.subject_id, m.cell_kind";
}

// The records whose ids `id_query` selects (one column; 0 for none) and that match `and_also`. Two
// statements: as one, PostgreSQL joined the ids to the records by reading every record of every
// assessment (a merge join along the primary key, or a hash of the whole table), where by id it
// looks up only the ones it needs.
std::vector<current_cell> read_records_with_ids(soci::session &session, const std::string &id_query,
                                                const std::string &and_also = "") {
    std::vector<long long> found, ids;
    store::size_for_fetch(found);
    soci::statement selected = (session.prepare << id_query, soci::into(found));
    store::fetch_rows(selected, [&](std::size_t i) {
        if (found[i] != 0) ids.push_back(found[i]);
    }, found);
    if (ids.empty()) return {};
    return read_records(session, "r.id IN (" + id_list(ids) + ")" + and_also);
}

using cell_key = std::tuple<long long, std::string, cell_kind>;  // pupil id, subject, kind

// What a checked change becomes in the table.
struct new_record {
    long long pupil_id = 0;
    cell_record record;
};

// The stored form of a change's value, refused with a sentence when the column does not take it.
std::string stored_value(const assessment &which, const scheme_library &schemes, const cell_change &change, int nc_year) {
    const auto &cell = change.cell;
    const assessment_subject *subject = which.subject(cell.subject);
    const auto missing = [&](const std::string &what) {
        return tracking_error("Assessment '" + which.name + "' has no " + what + "; cannot record " + where(cell) + ".");
    };
    switch (cell.kind) {
        case cell_kind::judgement: {
            if (!subject) throw missing("subject '" + cell.subject + "'");
            const plugins::scheme &scheme = schemes.get(subject->scheme_id);
            const int judged = change.judged_year.value_or(nc_year);
            const plugins::judgement_context context{judged, static_cast<int32_t>(which.term) + 1, cell.subject};
            try {
                return scheme.grades()[scheme.parse(change.value, context)].code;
            } catch (const plugins::plugin_error &refused) {
                throw tracking_error(std::string(refused.what()) + " (" + where(cell) + ")");
            }
        }
        case cell_kind::test:
            if (!subject || !subject->test_score) throw missing("test score column for '" + cell.subject + "'");
            parse_test_score(change.value, *subject->test_score);
            if (change.value.size() > longest_test_score) throw tracking_error("Test score too long for " + where(cell) + ".");
            return change.value;
        case cell_kind::formative:
            if (!which.formative_title || !subject) throw missing("formative curriculum column for '" + cell.subject + "'");
            if (change.value.empty() || change.value.size() > longest_formative)
                throw tracking_error("Formative text for " + where(cell) + " must be 1 to " + std::to_string(longest_formative) +
                                     " characters.");
            return change.value;
        case cell_kind::phonics:
            if (!which.phonics || cell.subject != "phonics") throw missing("phonics column");
            if (change.value.empty() || change.value.size() > longest_phonics)
                throw tracking_error("Phonics text for pupil " + cell.upn + " must be 1 to " + std::to_string(longest_phonics) +
                                     " characters.");
            return change.value;
    }
    return change.value;
}

using latest_records = std::map<cell_key, cell_record>;
using subject_id_map = std::map<std::string, long long, std::less<>>;

// The newest record of cell (assessment, p.id, subject, kind) as a scalar subquery: the newest instant
// of the cell, then the highest id recorded at it, each one probe of the (assessment, pupil, subject,
// kind, instant, id) index. So a save costs the same however long its cells' history; MAX(id) alone
// would read the cell's whole history (that index orders a cell's records by instant first).
std::string newest_record_of_cell(long long assessment_id, long long subject_id, cell_kind kind) {
    const auto in_cell = [&](const std::string &alias) {
        return " FROM wm_assessment_records " + alias + " WHERE " + alias + ".assessment_id = " + std::to_string(assessment_id) +
               " AND " + alias + ".pupil_id = p.id AND " + alias + ".subject_id = " + std::to_string(subject_id) + " AND " + alias +
               ".cell_kind = '" + std::string(cell_kind_name(kind)) + "'";
    };
    return "(SELECT MAX(m.id)" + in_cell("m") + " AND m.recorded_at = (SELECT MAX(n.recorded_at)" + in_cell("n") + "))";
}

// The latest record (cleared or not) of every cell the records change: their ids by one pair of index
// probes per cell, the cells' pupils grouped by column (a flood-fill is one column of a class), then
// those records by id.
latest_records latest_of_cells(soci::session &session, const assessment &which, const std::vector<new_record> &records,
                               const subject_id_map &subjects) {
    std::map<std::pair<long long, cell_kind>, std::set<long long>> pupils_of_column;
    for (const auto &added : records)
        pupils_of_column[{subjects.at(added.record.cell.subject), added.record.cell.kind}].insert(added.pupil_id);
    latest_records latest;
    if (pupils_of_column.empty()) return latest;
    std::string newest;
    for (const auto &[column, pupils] : pupils_of_column)
        newest += (newest.empty() ? "" : " UNION ALL ") + std::string("SELECT COALESCE(") +
                  newest_record_of_cell(which.id, column.first, column.second) + ", 0) FROM wm_pupils p WHERE p.id IN (" +
                  id_list(pupils) + ")";
    for (auto &found : read_records_with_ids(session, newest))
        latest.insert_or_assign(cell_key{found.pupil_id, found.record.cell.subject, found.record.cell.kind}, std::move(found.record));
    return latest;
}

// The pupils of these records, whose new rows written_ids looks up.
std::set<long long> pupils_of(const std::vector<new_record> &records) {
    std::set<long long> ids;
    for (const auto &added : records) ids.insert(added.pupil_id);
    return ids;
}

// The ids of the records just written at `at`: the highest per cell, since a cell saved twice in one
// second keeps both records. An indexed lookup (assessment, instant), not the latest-record query.
std::map<cell_key, long long> written_ids(soci::session &session, const assessment &which, const std::vector<new_record> &records,
                                          const std::string &at, const std::map<std::string, long long, std::less<>> &codes) {
    std::map<long long, std::string> code_of;
    for (const auto &[code, id] : codes) code_of.emplace(id, code);
    std::vector<long long> ids, pupil_ids, subject_ids_found;
    std::vector<std::string> kinds;
    store::size_for_fetch(ids, pupil_ids, subject_ids_found, kinds);
    soci::statement rows = (session.prepare << "SELECT m.id, m.pupil_id, m.subject_id, m.cell_kind FROM wm_assessment_records m "
                                               "WHERE m.assessment_id = " + std::to_string(which.id) + " AND m.recorded_at = '" +
                                                   at + "' AND m.pupil_id IN (" + id_list(pupils_of(records)) + ")",
                            soci::into(ids), soci::into(pupil_ids), soci::into(subject_ids_found), soci::into(kinds));
    std::map<cell_key, long long> written;
    store::fetch_rows(rows, [&](std::size_t i) {
        const cell_key key{pupil_ids[i], code_of.at(subject_ids_found[i]), parse_cell_kind(kinds[i]).value_or(cell_kind::judgement)};
        long long &id = written[key];
        id = std::max(id, ids[i]);
    }, ids, pupil_ids, subject_ids_found, kinds);
    return written;
}

// Writes checked records after their cells' `latest`, all in the caller's transaction.
std::vector<cell_record> append(soci::session &session, const assessment &which, std::vector<new_record> records,
                                const latest_records &latest, const subject_id_map &ids, const recorder &by,
                                const after_judgements *then) {
    const std::string at = by.at.empty() ? store::utc_timestamp_now() : by.at;
    check_instant(at);
    if (by.who.empty() || by.who.size() > 100) throw tracking_error("Name who makes the change (1 to 100 characters).");
    if (records.empty()) return {};

    std::vector<long long> pupil_ids, subject_id_column, supersedes;
    std::vector<std::string> kinds, values, texts, by_column, at_column;
    std::vector<int> colours, judged_years, cleared;
    std::vector<soci::indicator> colour_set, judged_set, supersedes_set;
    std::set<cell_key> seen;
    for (auto &added : records) {
        auto &r = added.record;
        const cell_key key{added.pupil_id, r.cell.subject, r.cell.kind};
        if (!seen.insert(key).second) throw tracking_error("The " + where(r.cell) + " is changed twice in one save.");
        const auto previous = latest.find(key);
        if (previous != latest.end()) {
            if (previous->second.recorded_at > at)
                throw tracking_error("The " + where(r.cell) + " was changed at " + previous->second.recorded_at +
                                     ", after " + at + "; changes are recorded in time order.");
            r.supersedes = previous->second.id;
        }
        r.recorded_by = by.who;
        r.recorded_at = at;
        pupil_ids.push_back(added.pupil_id);
        subject_id_column.push_back(ids.at(r.cell.subject));
        kinds.emplace_back(cell_kind_name(r.cell.kind));
        values.push_back(is_free_text(r.cell.kind) ? "" : r.value);
        texts.push_back(is_free_text(r.cell.kind) ? r.value : "");
        colours.push_back(static_cast<int>(r.colour.value_or(0)));
        colour_set.push_back(r.colour ? soci::i_ok : soci::i_null);
        judged_years.push_back(r.judged_year.value_or(0));
        judged_set.push_back(r.judged_year ? soci::i_ok : soci::i_null);
        cleared.push_back(r.cleared ? 1 : 0);
        supersedes.push_back(r.supersedes.value_or(0));
        supersedes_set.push_back(r.supersedes ? soci::i_ok : soci::i_null);
        by_column.push_back(by.who);
        at_column.push_back(at);
    }
    std::vector<long long> assessment_column(records.size(), which.id);
    store::insert_rows(session,
                       "INSERT INTO wm_assessment_records (pupil_id, assessment_id, subject_id, cell_kind, value, text_value, "
                       "colour_rgb, judged_year, cleared, recorded_by, recorded_at, supersedes_id)",
                       "",
                       {{"pupil", std::move(pupil_ids), {}}, {"assessment", std::move(assessment_column), {}},
                        {"subject", std::move(subject_id_column), {}}, {"kind", std::move(kinds), {}},
                        {"value", std::move(values), {}}, {"text", std::move(texts), {}},
                        {"colour", std::move(colours), std::move(colour_set)},
                        {"judged", std::move(judged_years), std::move(judged_set)}, {"cleared", std::move(cleared), {}},
                        {"by", std::move(by_column), {}}, {"at", std::move(at_column), {}},
                        {"supersedes", std::move(supersedes), std::move(supersedes_set)}},
                       records.size());
    const auto written = written_ids(session, which, records, at, ids);
    std::vector<cell_record> result;
    std::set<long long> judged;  // the pupils whose targets the new judgements may have changed the flags of
    for (auto &added : records) {
        added.record.id = written.at(cell_key{added.pupil_id, added.record.cell.subject, added.record.cell.kind});
        if (added.record.cell.kind == cell_kind::judgement) judged.insert(added.pupil_id);
        result.push_back(std::move(added.record));
    }
    if (then != nullptr && !judged.empty()) then->judgements_recorded(session, which.id, judged, at);
    return result;
}

// Appends one change that follows from a cell's latest record (a clear or a colour).
cell_record append_one(soci::session &session, const assessment &which, long long pupil_id, cell_record record,
                       const recorder &by, const after_judgements *then) {
    const cell_key key{pupil_id, record.cell.subject, record.cell.kind};
    latest_records latest;
    latest.emplace(key, record);
    return append(session, which, {{pupil_id, std::move(record)}}, latest, subject_ids(session), by, then).front();
}

std::map<std::string, selected_pupil, std::less<>> pupils_by_upn(soci::session &session, const store::school &school,
                                                                  const assessment &which, std::vector<std::string> upns) {
    std::sort(upns.begin(), upns.end());
    upns.erase(std::unique(upns.begin(), upns.end()), upns.end());
    std::map<std::string, selected_pupil, std::less<>> found;
    for (auto &p : select_pupils(session, school, {{}, std::move(upns)}, which.year))
        found.emplace(p.upn, std::move(p));
    return found;
}

// The cell's latest record, which a clear or colour change follows from.
cell_record latest_of(soci::session &session, const assessment &which, long long pupil_id, const cell_address &cell) {
    check_subject(which, cell);
    const auto records = read_records_with_ids(session, latest_ids(which.id, "", std::to_string(pupil_id)),
                                               " AND s.code = '" + cell.subject + "' AND r.cell_kind = '" +
                                                   std::string(cell_kind_name(cell.kind)) + "'");
    if (records.empty() || records.front().record.cleared)
        throw tracking_error("The " + where(cell) + " is empty in assessment '" + which.name + "'.");
    return records.front().record;
}

// One change checked against its pupil and the assessment; throws tracking_error naming the cell.
new_record checked_one(const assessment &which, const scheme_library &schemes, const cell_change &change,
                       const selected_pupil &pupil) {
    if (change.judged_year && (change.cell.kind != cell_kind::judgement || *change.judged_year < 0 || *change.judged_year > 11))
        throw tracking_error("A judged-against year must be Reception (0) to Year 11 and goes with a judgement (" +
                             where(change.cell) + ").");
    if (change.colour && *change.colour > 0xFFFFFF) throw tracking_error("A colour is 0xRRGGBB (" + where(change.cell) + ").");
    cell_record r;
    r.cell = change.cell;
    if (change.value.empty()) {
        if (change.judged_year || change.colour)
            throw tracking_error("An emptied cell keeps no judged-against year or colour (" + where(change.cell) + ").");
        r.cleared = true;
        return {pupil.id, std::move(r)};
    }
    r.value = stored_value(which, schemes, change, pupil.nc_year);
    r.judged_year = change.judged_year;
    r.colour = change.colour;
    return {pupil.id, std::move(r)};
}

std::vector<new_record> checked(const assessment &which, const scheme_library &schemes, std::span<const cell_change> changes,
                                const std::map<std::string, selected_pupil, std::less<>> &pupils) {
    std::vector<new_record> records;
    for (const auto &change : changes) records.push_back(checked_one(which, schemes, change, pupils.at(change.cell.upn)));
    return records;
}

// A cell counts as unchanged when its latest record is the one the editor saw, or when the editor saw
// it empty and it is still empty (never recorded, or cleared).
bool changed_since(long long seen, const latest_records &latest, const cell_key &key) {
    const auto found = latest.find(key);
    if (found == latest.end()) return seen != 0;
    if (found->second.id == seen) return false;
    return !(seen == 0 && found->second.cleared);
}

void refuse_cells_changed_since_seen(std::span<const cell_change> changes, const std::vector<new_record> &records,
                                     const latest_records &latest) {
    std::vector<cell_record> changed;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        if (!changes[i].seen) continue;
        const cell_key key{records[i].pupil_id, records[i].record.cell.subject, records[i].record.cell.kind};
        if (!changed_since(*changes[i].seen, latest, key)) continue;
        const auto found = latest.find(key);
        if (found != latest.end()) {
            changed.push_back(found->second);
        } else {  // the record the editor saw is not the latest, yet the cell has none: a wrong id
            cell_record unknown;
            unknown.cell = records[i].record.cell;
            unknown.cleared = true;
            changed.push_back(std::move(unknown));
        }
    }
    if (!changed.empty()) throw cells_changed_meanwhile(std::move(changed));
}

// Writes to one assessment's cells take turns, from before they read the cells' latest records until
// they commit. Otherwise, on a server database (read committed), two saves reading at once both follow
// the same latest record: the second is refused by the supersedes index as a server error, or, for a
// cell that was empty, both are kept as its first record and one teacher's judgement is silently
// hidden (the concurrent-editors test shows both). Updating the assessment's row makes the second
// wait for the first to commit, and its reads then see what the first wrote. SQLite's writers take
// turns already; there it only takes the file's write lock a statement sooner.
void take_turn_at(soci::session &session, const assessment &which) {
    session << "UPDATE wm_assessments SET name = name WHERE id = :id", soci::use(which.id, "id");
}

// Checks and appends changes of pupils already looked up, keeping each cell's colour override when the
// change names no colour.
std::vector<cell_record> record_checked(soci::session &session, const assessment &which, const scheme_library &schemes,
                                        std::span<const cell_change> changes,
                                        const std::map<std::string, selected_pupil, std::less<>> &pupils, const recorder &by,
                                        const after_judgements *then) {
    take_turn_at(session, which);
    auto records = checked(which, schemes, changes, pupils);
    const auto subjects = subject_ids(session);
    const auto latest = latest_of_cells(session, which, records, subjects);
    refuse_cells_changed_since_seen(changes, records, latest);
    // Emptying a cell that is empty already records nothing.
    std::erase_if(records, [&](const new_record &added) {
        if (!added.record.cleared) return false;
        const auto kept = latest.find(cell_key{added.pupil_id, added.record.cell.subject, added.record.cell.kind});
        return kept == latest.end() || kept->second.cleared;
    });
    for (auto &added : records) {
        if (added.record.colour || added.record.cleared) continue;
        const auto kept = latest.find(cell_key{added.pupil_id, added.record.cell.subject, added.record.cell.kind});
        if (kept != latest.end()) added.record.colour = kept->second.colour;
    }
    return append(session, which, std::move(records), latest, subjects, by, then);
}

}  // namespace

std::string_view cell_kind_name(cell_kind kind) {
    static constexpr std::array<std::string_view, 4> names{"judgement", "formative", "test", "phonics"};
    return names.at(static_cast<std::size_t>(kind));
}

std::optional<cell_kind> parse_cell_kind(std::string_view name) {
    for (const auto kind : {cell_kind::judgement, cell_kind::formative, cell_kind::test, cell_kind::phonics})
        if (cell_kind_name(kind) == name) return kind;
    return std::nullopt;
}

cells_changed_meanwhile::cells_changed_meanwhile(std::vector<cell_record> changed)
    : tracking_error(std::to_string(changed.size()) + (changed.size() == 1 ? " cell was" : " cells were") +
                     " changed by someone else since you read " + (changed.size() == 1 ? "it" : "them") +
                     ", starting with the " + where(changed.front().cell) + "; nothing was saved. Look at their " +
                     (changed.size() == 1 ? "change" : "changes") + " and save again."),
      changed_(std::move(changed)) {}

std::vector<cell_record> record_changes(store::database &db, const store::school &school, const assessment &which,
                                        const scheme_library &schemes, std::span<const cell_change> changes,
                                        const recorder &by, const after_judgements *then) {
    return db.transaction("recording assessment '" + which.name + "'", [&](soci::session &session) {
        std::vector<std::string> upns;
        for (const auto &change : changes) upns.push_back(change.cell.upn);
        return record_checked(session, which, schemes, changes, pupils_by_upn(session, school, which, std::move(upns)), by,
                              then);
    });
}

cell_record clear_cell(store::database &db, const store::school &school, const assessment &which, const cell_address &cell,
                       const recorder &by, const after_judgements *then) {
    return db.transaction("clearing a cell of assessment '" + which.name + "'", [&](soci::session &session) {
        const auto pupil = pupils_by_upn(session, school, which, {cell.upn}).at(cell.upn);
        take_turn_at(session, which);
        cell_record r = latest_of(session, which, pupil.id, cell);
        r.value.clear();
        r.cleared = true;
        r.colour.reset();
        r.judged_year.reset();
        return append_one(session, which, pupil.id, std::move(r), by, then);
    });
}

cell_record set_cell_colour(store::database &db, const store::school &school, const assessment &which,
                            const cell_address &cell, std::optional<uint32_t> colour, const recorder &by,
                            const after_judgements *then) {
    if (colour && *colour > 0xFFFFFF) throw tracking_error("A colour is 0xRRGGBB (" + where(cell) + ").");
    return db.transaction("colouring a cell of assessment '" + which.name + "'", [&](soci::session &session) {
        const auto pupil = pupils_by_upn(session, school, which, {cell.upn}).at(cell.upn);
        take_turn_at(session, which);
        cell_record r = latest_of(session, which, pupil.id, cell);
        r.colour = colour;
        return append_one(session, which, pupil.id, std::move(r), by, then);
    });
}

std::vector<cell_record> cell_history(soci::session &session, const store::school &school, const assessment &which,
                                      const cell_address &cell) {
    check_subject(which, cell);
    const auto pupil = pupils_by_upn(session, school, which, {cell.upn}).at(cell.upn);
    std::vector<cell_record> history;
    for (auto &found : read_records(session, "r.assessment_id = " + std::to_string(which.id) + " AND r.pupil_id = " +
                                                 std::to_string(pupil.id) + " AND s.code = '" + cell.subject +
                                                 "' AND r.cell_kind = '" + std::string(cell_kind_name(cell.kind)) + "'"))
        history.push_back(std::move(found.record));
    return history;
}

std::vector<change_problem> find_problems(soci::session &session, const store::school &school, const assessment &which,
                                          const scheme_library &schemes, std::span<const cell_change> changes) {
    std::map<std::string, selected_pupil, std::less<>> on_roll;
    for (auto &p : select_pupils(session, school, {}, which.year)) on_roll.emplace(p.upn, std::move(p));
    std::vector<change_problem> problems;
    std::set<std::tuple<std::string, std::string, cell_kind>> seen;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const auto &cell = changes[i].cell;
        const auto pupil = on_roll.find(cell.upn);
        if (pupil == on_roll.end()) {
            problems.push_back({i, "No pupil on roll at " + school.name + " has UPN " + cell.upn + "; check the UPN."});
            continue;
        }
        if (!seen.insert({cell.upn, cell.subject, cell.kind}).second) {
            problems.push_back({i, "The " + where(cell) + " is given twice; keep one."});
            continue;
        }
        try {
            checked_one(which, schemes, changes[i], pupil->second);
        } catch (const tracking_error &problem) {
            problems.push_back({i, problem.what()});
        }
    }
    return problems;
}

std::size_t fill_column(store::database &db, const store::school &school, const assessment &which,
                        const scheme_library &schemes, const pupil_selection &pupils, const cell_change &column,
                        const recorder &by, const after_judgements *then) {
    return db.transaction("filling a column of assessment '" + which.name + "'", [&](soci::session &session) {
        std::map<std::string, selected_pupil, std::less<>> chosen;
        std::vector<cell_change> changes;
        for (auto &pupil : select_pupils(session, school, pupils, which.year)) {
            cell_change change = column;
            change.cell.upn = pupil.upn;
            changes.push_back(std::move(change));
            chosen.emplace(pupil.upn, std::move(pupil));
        }
        return record_checked(session, which, schemes, changes, chosen, by, then).size();
    });
}

std::vector<current_cell> current_cells(soci::session &session, const assessment &which, std::span<const long long> pupil_ids,
                                        const std::string &instant) {
    if (!instant.empty()) check_instant(instant);
    const auto pupils = pupil_ids.empty() ? std::nullopt : std::optional<std::string>(id_list(pupil_ids));
    return read_records_with_ids(session, latest_ids(which.id, instant, pupils), " AND r.cleared = 0");
}

std::optional<std::string> as_of_instant(std::string_view text) {
    if (text.size() == 10 && domain::parse_iso_date(text)) return std::string(text) + "T23:59:59Z";
    // YYYY-MM-DDTHH:MM:SSZ
    if (text.size() != 20 || !domain::parse_iso_date(text.substr(0, 10)) || text[10] != 'T' || text[13] != ':' ||
        text[16] != ':' || text[19] != 'Z' || !digits_within(text.substr(11, 2), 23) ||
        !digits_within(text.substr(14, 2), 59) || !digits_within(text.substr(17, 2), 59))
        return std::nullopt;
    return std::string(text);
}

}  // namespace waymark::services
