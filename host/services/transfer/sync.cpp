#include "services/transfer/sync.hpp"

#include "domain/calendar.hpp"
#include "services/statutory/statutory_entry.hpp"
#include "sims/sims_connector.hpp"
#include "store/statutory.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <functional>
#include <tuple>
#include <unordered_set>
#include <ostream>
#include <unordered_map>

namespace waymark::services {
namespace {

using domain::pupil;

std::string yes_no(bool value) { return value ? "yes" : "no"; }
std::string day_text(const std::optional<domain::date> &day) { return day ? domain::format_iso_date(*day) : ""; }

// The fields the MIS owns, in the order a data manager reads them: how each is shown and copied.
// Fields are compared directly first; text is made only for the few that differ.
struct synced_field {
    std::string_view name;
    std::function<std::string(const pupil &)> text;
    std::function<void(pupil &to, const pupil &from)> copy;
    std::function<bool(const pupil &, const pupil &)> same;
};

template <typename T> std::function<void(pupil &, const pupil &)> copier(T pupil::*member) {
    return [member](pupil &to, const pupil &from) { to.*member = from.*member; };
}

template <typename T> std::function<bool(const pupil &, const pupil &)> comparer(T pupil::*member) {
    return [member](const pupil &a, const pupil &b) { return a.*member == b.*member; };
}

const std::vector<synced_field> &synced_fields() {
    static const std::vector<synced_field> fields{
        {"surname", [](const pupil &p) { return p.surname; }, copier(&pupil::surname), comparer(&pupil::surname)},
        {"forename", [](const pupil &p) { return p.forename; }, copier(&pupil::forename), comparer(&pupil::forename)},
        {"date of birth", [](const pupil &p) { return domain::format_iso_date(p.date_of_birth); }, copier(&pupil::date_of_birth), comparer(&pupil::date_of_birth)},
        {"gender", [](const pupil &p) { return std::string(1, p.gender); }, copier(&pupil::gender), comparer(&pupil::gender)},
        {"former UPN", [](const pupil &p) { return p.former_upn; }, copier(&pupil::former_upn), comparer(&pupil::former_upn)},
        {"class", [](const pupil &p) { return p.class_name; }, copier(&pupil::class_name), comparer(&pupil::class_name)},
        {"year override", [](const pupil &p) { return p.year_override ? std::to_string(*p.year_override) : ""; }, copier(&pupil::year_override), comparer(&pupil::year_override)},
        {"FSM", [](const pupil &p) { return yes_no(p.fsm); }, copier(&pupil::fsm), comparer(&pupil::fsm)},
        {"Ever 6 FSM", [](const pupil &p) { return yes_no(p.ever6_fsm); }, copier(&pupil::ever6_fsm), comparer(&pupil::ever6_fsm)},
        {"SEN", [](const pupil &p) { return std::string(1, p.sen); }, copier(&pupil::sen), comparer(&pupil::sen)},
        {"EAL", [](const pupil &p) { return yes_no(p.eal); }, copier(&pupil::eal), comparer(&pupil::eal)},
        {"first language", [](const pupil &p) { return p.first_language; }, copier(&pupil::first_language), comparer(&pupil::first_language)},
        {"ethnicity", [](const pupil &p) { return p.ethnicity; }, copier(&pupil::ethnicity), comparer(&pupil::ethnicity)},
        {"looked after", [](const pupil &p) { return yes_no(p.looked_after); }, copier(&pupil::looked_after), comparer(&pupil::looked_after)},
        {"postcode", [](const pupil &p) { return p.postcode; }, copier(&pupil::postcode), comparer(&pupil::postcode)},
        {"date joined", [](const pupil &p) { return day_text(p.date_joined); }, copier(&pupil::date_joined), comparer(&pupil::date_joined)},
        {"date left", [](const pupil &p) { return day_text(p.date_left); }, copier(&pupil::date_left), comparer(&pupil::date_left)},
        {"LA reference", [](const pupil &p) { return p.la_reference; }, copier(&pupil::la_reference), comparer(&pupil::la_reference)},
        {"archived", [](const pupil &p) { return yes_no(p.archived); }, copier(&pupil::archived), comparer(&pupil::archived)},
    };
    return fields;
}

std::string display_name(const pupil &p) { return p.forename + " " + p.surname + " (" + p.upn + ")"; }

}  // namespace

bool sync_plan::empty() const {
    return std::all_of(schools.begin(), schools.end(), [](const school_plan &s) { return s.empty(); });
}

std::map<std::string, int> sync_plan::changes_per_field() const {
    std::map<std::string, int> counts;
    for (const auto &school : schools)
        for (const auto &change : school.changes)
            for (const auto &field : change.fields) ++counts[field.field];
    return counts;
}

school_plan plan_school(const std::vector<pupil> &mis, const std::vector<store::stored_pupil> &waymark, domain::date as_of) {
    school_plan plan;
    std::unordered_map<std::string_view, const store::stored_pupil *> known;
    known.reserve(waymark.size());
    for (const auto &stored : waymark) known.emplace(stored.pupil.upn, &stored);
    std::unordered_map<std::string_view, bool> seen;
    seen.reserve(mis.size());
    const auto compare = [](const store::stored_pupil &current, const pupil &wanted) {
        pupil_change change;  // copies the stored record only when something differs
        for (const auto &field : synced_fields()) {
            if (field.same(current.pupil, wanted)) continue;
            if (change.fields.empty()) change.updated = current;
            field.copy(change.updated.pupil, wanted);
            change.fields.push_back({std::string(field.name), field.text(current.pupil), field.text(wanted)});
        }
        return change;
    };
    for (const auto &from_mis : mis) {
        seen.emplace(from_mis.upn, true);
        const auto it = known.find(from_mis.upn);
        if (it == known.end()) {
            // A pupil who left before Waymark knew them has no history here to keep.
            if (!from_mis.archived) plan.adds.push_back(from_mis);
            continue;
        }
        const store::stored_pupil &current = *it->second;
        if (current.pupil.archived && from_mis.archived) {
            ++plan.unchanged;  // left in both: the archive is history, not something to correct
            continue;
        }
        auto change = compare(current, from_mis);
        if (change.fields.empty()) ++plan.unchanged;
        else if (from_mis.archived) plan.leavers.push_back(std::move(change));
        else plan.changes.push_back(std::move(change));
    }
    for (const auto &stored : waymark) {
        if (stored.pupil.archived || seen.contains(stored.pupil.upn)) continue;
        pupil gone = stored.pupil;
        gone.archived = true;
        if (!gone.date_left) gone.date_left = as_of;
        plan.leavers.push_back(compare(stored, gone));
    }
    return plan;
}

std::vector<domain::statutory_result> plan_results(std::vector<domain::statutory_result> mis,
                                                   std::vector<domain::statutory_result> stored,
                                                   const std::vector<std::string> &known_upns) {
    const std::unordered_set<std::string_view> known(known_upns.begin(), known_upns.end());
    std::erase_if(mis, [&](const domain::statutory_result &r) {
        return r.kind == domain::statutory_kind::eyfsp_gld || !known.contains(r.upn);
    });
    const auto order = [](const domain::statutory_result &a, const domain::statutory_result &b) {
        return std::tie(a.upn, a.kind, a.subject, a.year.start_year, a.value) <
               std::tie(b.upn, b.kind, b.subject, b.year.start_year, b.value);
    };
    std::sort(mis.begin(), mis.end(), order);
    std::sort(stored.begin(), stored.end(), order);
    std::vector<domain::statutory_result> missing;
    std::set_difference(std::make_move_iterator(mis.begin()), std::make_move_iterator(mis.end()), stored.begin(),
                        stored.end(), std::back_inserter(missing), order);
    return missing;
}

namespace {

struct read_mis {
    std::vector<connectors::mis_school> schools;
    std::map<int, std::vector<pupil>> pupils;
    std::map<int, std::vector<domain::statutory_result>> results;
};

read_mis read_from(soci::session &session, const mis_source &mis) {
    connectors::sims_connector connector(session, mis.mis_schema);
    read_mis read;
    read.schools = connector.schools();
    read.pupils = connector.pupils(read.schools, mis.as_of);
    if (mis.statutory_results) read.results = connector.statutory_results();
    return read;
}

// A submitted year group's results stay as submitted: the MIS's differing ones are counted, not written.
void leave_locked_alone(school_plan &school, const std::vector<store::stored_pupil> &waymark,
                        domain::academic_year current_year, std::span<const submission> in_force) {
    std::unordered_map<std::string_view, const pupil *> by_upn;
    for (const auto &p : waymark) by_upn.emplace(p.pupil.upn, &p.pupil);
    for (const auto &p : school.adds) by_upn.emplace(p.upn, &p);
    const auto before = school.results.size();
    std::erase_if(school.results, [&](const domain::statutory_result &result) {
        const auto found = by_upn.find(result.upn);
        return found != by_upn.end() && locking_submission(result, *found->second, current_year, in_force) != nullptr;
    });
    school.locked_results = static_cast<int>(before - school.results.size());
}

sync_plan plan_with(soci::session &session, const mis_source &mis) {
    auto read = read_from(session, mis);
    // Every school's stored results in one query: an authority's sync would otherwise send one a school.
    auto stored_results = mis.statutory_results ? store::load_all_statutory_results(session, store::derived_gld::left_out)
                                                : std::map<long long, std::vector<domain::statutory_result>>{};
    auto stored_pupils = store::load_all_pupils(session, store::which_pupils::all);
    const auto locks = mis.statutory_results ? submissions_in_force(session) : std::map<long long, std::vector<submission>>{};
    sync_plan plan;
    for (const auto &mis_school : read.schools) {
        store::school wanted{0, mis_school.la_code, mis_school.estab_no, "", mis_school.name, mis_school.postcode,
                             domain::academic_year_of(mis.as_of)};
        const auto stored = store::find_school(session, wanted.la_number, wanted.establishment_number);
        std::vector<store::stored_pupil> waymark;
        if (stored) waymark = std::move(stored_pupils[stored->id]);
        const auto pupils = read.pupils.find(mis_school.establishment_id);
        school_plan school = plan_school(pupils == read.pupils.end() ? std::vector<pupil>{} : pupils->second, waymark, mis.as_of);
        if (stored) {
            wanted.id = stored->id;
            wanted.urn = stored->urn;
            wanted.current_year = stored->current_year;
        }
        std::vector<std::string> known_upns;
        for (const auto &p : waymark) known_upns.push_back(p.pupil.upn);
        for (const auto &p : school.adds) known_upns.push_back(p.upn);
        if (mis.statutory_results)
            school.results = plan_results(std::move(read.results[mis_school.establishment_id]),
                                          stored ? std::move(stored_results[stored->id])
                                                 : std::vector<domain::statutory_result>{},
                                          known_upns);
        if (stored && locks.contains(stored->id)) leave_locked_alone(school, waymark, stored->current_year, locks.at(stored->id));
        school.school_is_new = !stored;
        school.school_changed = !stored || stored->name != wanted.name || stored->postcode != wanted.postcode;
        school.school = std::move(wanted);
        plan.schools.push_back(std::move(school));
    }
    return plan;
}

void apply(soci::session &session, sync_plan &plan) {
    for (auto &school : plan.schools) {
        if (school.school_changed) school.school = store::find_or_create_school(session, school.school);
        if (!school.adds.empty()) store::insert_pupils(session, school.school.id, school.adds);
        std::vector<store::stored_pupil> rewritten;
        rewritten.reserve(school.changes.size() + school.leavers.size());
        for (const auto *group : {&school.changes, &school.leavers})
            for (const auto &change : *group) rewritten.push_back(change.updated);
        if (!rewritten.empty()) store::update_pupils(session, school.school.id, rewritten);
        if (!school.results.empty()) store::write_statutory_results(session, school.school.id, school.results);
    }
}

}  // namespace

sync_plan plan_sync(store::database &db, const mis_source &mis) { return plan_with(db.session(), mis); }

sync_plan run_sync(store::database &db, const mis_source &mis) {
    return db.transaction("importing pupils from the MIS", [&](soci::session &session) {
        sync_plan plan = plan_with(session, mis);
        apply(session, plan);
        return plan;
    });
}

void print_plan(const sync_plan &plan, std::ostream &out, plan_detail detail) {
    for (const auto &school : plan.schools) {
        out << school.school.name << " (" << school.school.la_number << '/' << school.school.establishment_number << ")"
            << (school.school_is_new ? ", new to Waymark" : school.school_changed ? ", renamed or moved" : "") << ": " << school.adds.size() << " to add, "
            << school.leavers.size() << " leavers to archive, " << school.changes.size() << " changed, "
            << school.unchanged << " unchanged, " << school.results.size() << " statutory results to record"
            << (school.locked_results > 0 ? ", " + std::to_string(school.locked_results) + " left as submitted (locked)" : "")
            << "\n";
        // A local authority's run lists counts per school only.
        if (detail == plan_detail::counts || plan.schools.size() > 1) continue;
        for (const auto &p : school.adds) out << "  add      " << display_name(p) << ", class " << p.class_name << '\n';
        for (const auto &change : school.leavers) {
            const auto &p = change.updated.pupil;
            out << "  archive  " << display_name(p) << ", left " << day_text(p.date_left) << '\n';
        }
        for (const auto &change : school.changes) {
            out << "  change   " << display_name(change.updated.pupil) << ':';
            const char *separator = " ";
            for (const auto &field : change.fields) {
                out << separator << field.field << " '" << field.before << "' -> '" << field.after << '\'';
                separator = ", ";
            }
            out << '\n';
        }
    }
    const auto per_field = plan.changes_per_field();
    if (!per_field.empty()) {
        out << "Changes by field:";
        const char *separator = " ";
        for (const auto &[field, count] : per_field) {
            out << separator << field << ' ' << count;
            separator = ", ";
        }
        out << '\n';
    }
    if (plan.empty()) out << "Waymark already matches the MIS: nothing to change.\n";
}

void print_plan_json(const sync_plan &plan, std::ostream &out) {
    Poco::JSON::Object document;
    Poco::JSON::Array schools;
    int adds = 0, leavers = 0, changes = 0;
    for (const auto &school : plan.schools) {
        Poco::JSON::Object entry;
        entry.set("la", school.school.la_number);
        entry.set("estab", school.school.establishment_number);
        entry.set("name", school.school.name);
        entry.set("new", school.school_is_new);
        entry.set("unchanged", school.unchanged);
        entry.set("statutory_results", static_cast<int>(school.results.size()));
        entry.set("statutory_results_locked", school.locked_results);
        Poco::JSON::Array added, archived, changed;
        for (const auto &p : school.adds) added.add(p.upn);
        for (const auto &change : school.leavers) archived.add(change.updated.pupil.upn);
        for (const auto &change : school.changes) {
            Poco::JSON::Object pupil_entry;
            pupil_entry.set("upn", change.updated.pupil.upn);
            Poco::JSON::Array fields;
            for (const auto &field : change.fields) {
                Poco::JSON::Object f;
                f.set("field", field.field);
                f.set("before", field.before);
                f.set("after", field.after);
                fields.add(f);
            }
            pupil_entry.set("fields", fields);
            changed.add(pupil_entry);
        }
        entry.set("add", added);
        entry.set("archive", archived);
        entry.set("change", changed);
        schools.add(entry);
        adds += static_cast<int>(school.adds.size());
        leavers += static_cast<int>(school.leavers.size());
        changes += static_cast<int>(school.changes.size());
    }
    Poco::JSON::Object totals;
    totals.set("add", adds);
    totals.set("archive", leavers);
    totals.set("change", changes);
    Poco::JSON::Object per_field;
    for (const auto &[field, count] : plan.changes_per_field()) per_field.set(field, count);
    totals.set("by_field", per_field);
    document.set("schools", schools);
    document.set("totals", totals);
    document.set("nothing_to_change", plan.empty());
    document.stringify(out, 2);
    out << '\n';
}

}  // namespace waymark::services
