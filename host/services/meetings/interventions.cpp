#include "services/meetings/interventions.hpp"

#include "store/fetch_rows.hpp"

#include <charconv>

namespace waymark::services {
namespace {

constexpr std::size_t description_limit = 200;

// The columns and joins of every read; a child's records at any school whose UPN (or former UPN) is a
// pupil of `:s`, so the school that recorded them need not be the one asking.
const std::string intervention_select =
    "SELECT i.id, q.upn, q.forename, q.surname, sc.la_number, sc.establishment_number, i.academic_year, "
    "COALESCE(a.name, ''), COALESCE(sub.code, ''), i.description, COALESCE(i.started_on, ''), COALESCE(i.ended_on, ''), "
    "COALESCE(i.cost_pence, -1), i.recorded_by, i.recorded_at "
    "FROM wm_interventions i JOIN wm_pupils q ON q.id = i.pupil_id JOIN wm_schools sc ON sc.id = q.school_id "
    "LEFT JOIN wm_assessments a ON a.id = i.assessment_id LEFT JOIN wm_subjects sub ON sub.id = i.subject_id "
    "WHERE EXISTS (SELECT 1 FROM wm_pupils here WHERE here.school_id = :s AND (here.upn = q.upn OR here.former_upn = q.upn))";

// One intervention by id, every one of the child whose UPN or former UPN is given, or (neither given)
// every one of every child the school has or had.
struct intervention_key {
    std::optional<long long> id;
    std::string upn;
    std::string former_upn;
};

std::vector<intervention> read_interventions(soci::session &session, const store::school &school, const intervention_key &key) {
    std::vector<long long> ids, costs;
    std::vector<std::string> upns, forenames, surnames, las, establishments, assessments, subjects, descriptions, starts,
        ends, by, at;
    std::vector<int> years;
    store::size_for_fetch(ids, costs, upns, forenames, surnames, las, establishments, assessments, subjects, descriptions, starts,
                   ends, by, at, years);
    auto query =
        (session.prepare << intervention_select + (key.id ? " AND i.id = :n" : key.upn.empty() ? "" : " AND (q.upn = :u OR q.upn = :f)") +
                                " ORDER BY i.academic_year, COALESCE(i.started_on, ''), i.id",
         soci::into(ids), soci::into(upns), soci::into(forenames), soci::into(surnames), soci::into(las),
         soci::into(establishments), soci::into(years), soci::into(assessments), soci::into(subjects),
         soci::into(descriptions), soci::into(starts), soci::into(ends), soci::into(costs), soci::into(by), soci::into(at),
         soci::use(school.id, "s"));
    if (key.id) query, soci::use(*key.id, "n");
    else if (!key.upn.empty()) query, soci::use(key.upn, "u"), soci::use(key.former_upn, "f");
    soci::statement rows(query);
    std::vector<intervention> found;
    store::fetch_rows(rows, [&](std::size_t i) {
        found.push_back({ids[i], upns[i], forenames[i] + " " + surnames[i], las[i] + establishments[i], {years[i]},
                         assessments[i], subjects[i], descriptions[i], domain::parse_iso_date(starts[i]),
                         domain::parse_iso_date(ends[i]), costs[i] < 0 ? std::nullopt : std::optional<long long>(costs[i]),
                         by[i], at[i]});
    }, ids, upns, forenames, surnames, las, establishments, years, assessments, subjects, descriptions, starts, ends, costs,
       by, at);
    return found;
}

// The stored form of a spec, checked: assessment and subject as ids of this school and database.
struct checked_spec {
    long long assessment_id = 0;
    long long subject_id = 0;
    std::string started_on;
    std::string ended_on;
};

checked_spec check(soci::session &session, const store::school &school, const intervention_spec &spec) {
    checked_text("intervention's description", spec.description, description_limit, true);
    if (spec.started_on && spec.ended_on && *spec.ended_on < *spec.started_on)
        throw tracking_error("An intervention cannot end (" + domain::format_iso_date(*spec.ended_on) + ") before it starts (" +
                             domain::format_iso_date(*spec.started_on) + ").");
    if (spec.cost_pence && *spec.cost_pence < 0) throw tracking_error("An intervention's cost cannot be negative.");
    const auto subjects = subject_ids(session);
    const auto subject = subjects.find(spec.subject);
    if (subject == subjects.end()) {
        std::string codes;
        for (const auto &[code, id] : subjects) codes += (codes.empty() ? "" : ", ") + code;
        throw tracking_error("The intervention's subject \"" + spec.subject + "\" is not one Waymark knows; use one of: " +
                             codes + ".");
    }
    return {assessment_in_year(session, school, spec.assessment, spec.year).id, subject->second,
            spec.started_on ? domain::format_iso_date(*spec.started_on) : "",
            spec.ended_on ? domain::format_iso_date(*spec.ended_on) : ""};
}

void write_spec(soci::session &session, long long id, const intervention_spec &spec, const checked_spec &stored) {
    soci::indicator has_start = spec.started_on ? soci::i_ok : soci::i_null;
    soci::indicator has_end = spec.ended_on ? soci::i_ok : soci::i_null;
    soci::indicator has_cost = spec.cost_pence ? soci::i_ok : soci::i_null;
    const long long cost = spec.cost_pence.value_or(0);
    session << "UPDATE wm_interventions SET academic_year = :y, assessment_id = :a, subject_id = :j, description = :d, "
               "started_on = :f, ended_on = :t, cost_pence = :c WHERE id = :id",
        soci::use(spec.year.start_year, "y"), soci::use(stored.assessment_id, "a"), soci::use(stored.subject_id, "j"),
        soci::use(spec.description, "d"), soci::use(stored.started_on, has_start, "f"),
        soci::use(stored.ended_on, has_end, "t"), soci::use(cost, has_cost, "c"), soci::use(id, "id");
}

}  // namespace

std::optional<long long> parse_pounds(std::string_view text) {
    const std::size_t point = text.find('.');
    const std::string_view whole = text.substr(0, point);
    const std::string_view pennies = point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
    if (whole.empty() || pennies.size() > 2 || (point != std::string_view::npos && pennies.empty())) return std::nullopt;
    long long pounds = 0;
    int pence = 0;
    const auto whole_read = std::from_chars(whole.data(), whole.data() + whole.size(), pounds);
    if (whole_read.ec != std::errc{} || whole_read.ptr != whole.data() + whole.size() || pounds < 0 || pounds > 1'000'000'000)
        return std::nullopt;
    if (!pennies.empty()) {
        const auto pence_read = std::from_chars(pennies.data(), pennies.data() + pennies.size(), pence);
        if (pence_read.ec != std::errc{} || pence_read.ptr != pennies.data() + pennies.size() || pennies.front() == '-')
            return std::nullopt;
        if (pennies.size() == 1) pence *= 10;
    }
    return pounds * 100 + pence;
}

std::string format_pounds(long long pence) {
    const std::string cents = std::to_string(pence % 100);
    return std::to_string(pence / 100) + "." + (cents.size() == 1 ? "0" : "") + cents;
}

intervention add_intervention(store::database &db, const store::school &school, const std::string &upn,
                              const intervention_spec &spec, const std::string &by) {
    return db.transaction("recording an intervention", [&](soci::session &session) {
        const school_pupil pupil = find_school_pupil(session, school, upn, false);
        const checked_spec stored = check(session, school, spec);
        const std::string at = store::utc_timestamp_now();
        session << "INSERT INTO wm_interventions (pupil_id, academic_year, description, recorded_by, recorded_at) "
                   "VALUES (:p, :y, :d, :b, :a)",
            soci::use(pupil.id, "p"), soci::use(spec.year.start_year, "y"), soci::use(spec.description, "d"),
            soci::use(by, "b"), soci::use(at, "a");
        const long long id = last_insert_id(session, db.kind());
        write_spec(session, id, spec, stored);
        return find_intervention(session, school, id);
    });
}

std::vector<intervention> pupil_interventions(soci::session &session, const store::school &school, const std::string &upn) {
    find_school_pupil(session, school, upn, true);
    std::string former;
    session << "SELECT former_upn FROM wm_pupils WHERE school_id = :s AND upn = :u", soci::into(former),
        soci::use(school.id, "s"), soci::use(upn, "u");
    return read_interventions(session, school, {std::nullopt, upn, former});
}

std::vector<intervention> school_interventions(soci::session &session, const store::school &school) {
    return read_interventions(session, school, {});
}

intervention find_intervention(soci::session &session, const store::school &school, long long id) {
    return found_or(read_interventions(session, school, {id, "", ""}),
                    "There is no intervention " + std::to_string(id) + " for a pupil of " + school.name +
                    "; waymark interventions list UPN shows a pupil's with their ids.");
}

intervention update_intervention(store::database &db, const store::school &school, long long id,
                                 const intervention_spec &spec) {
    return db.transaction("changing an intervention", [&](soci::session &session) {
        find_intervention(session, school, id);
        write_spec(session, id, spec, check(session, school, spec));
        return find_intervention(session, school, id);
    });
}

intervention end_intervention(store::database &db, const store::school &school, long long id, domain::date on) {
    return db.transaction("ending an intervention", [&](soci::session &session) {
        const intervention current = find_intervention(session, school, id);
        if (current.started_on && on < *current.started_on)
            throw tracking_error("Intervention " + std::to_string(id) + " started on " +
                                 domain::format_iso_date(*current.started_on) + "; it cannot end before that, on " +
                                 domain::format_iso_date(on) + ".");
        const std::string day = domain::format_iso_date(on);
        session << "UPDATE wm_interventions SET ended_on = :e WHERE id = :id", soci::use(day, "e"), soci::use(id, "id");
        return find_intervention(session, school, id);
    });
}

void delete_intervention(store::database &db, const store::school &school, long long id) {
    db.transaction("deleting an intervention", [&](soci::session &session) {
        find_intervention(session, school, id);
        session << "DELETE FROM wm_interventions WHERE id = :id", soci::use(id, "id");
    });
}

}  // namespace waymark::services
