#include "services/targets/targets.hpp"

#include "store/fetch_rows.hpp"
#include "services/tracking/pupil_selection.hpp"
#include "services/targets/target_validation.hpp"
#include "services/tracking/tracking_records.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace waymark::services {
namespace {

constexpr std::size_t who_may_set_limit = 500;

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string where(const target_address &target) {
    return "the " + std::string(target_horizon_name(target.horizon)) + " " + target.subject + " target of pupil " +
           target.upn;
}

// The NC year a key stage ends in, for a pupil in `nc_year`: Reception, Year 2, 6, 9 or 11.
std::optional<int> key_stage_end(int nc_year) {
    switch (domain::key_stage_of(nc_year)) {
        case domain::key_stage::early_years: return 0;
        case domain::key_stage::ks1: return 2;
        case domain::key_stage::ks2: return 6;
        case domain::key_stage::ks3: return 9;
        case domain::key_stage::ks4: return 11;
        case domain::key_stage::none: return std::nullopt;
    }
    return std::nullopt;
}

// The scheme the school's latest assessment judges `subject` in, or nothing.
std::optional<std::string> subject_scheme(soci::session &session, const store::school &school, const std::string &subject) {
    std::string scheme;
    soci::indicator none = soci::i_ok;
    session << "SELECT s.scheme_id FROM wm_assessment_subjects s JOIN wm_assessments a ON a.id = s.assessment_id "
               "JOIN wm_subjects j ON j.id = s.subject_id WHERE a.school_id = :school AND j.code = :subject "
               "ORDER BY a.assessed_on DESC, a.id DESC",
        soci::into(scheme, none), soci::use(school.id, "school"), soci::use(subject, "subject");
    if (!session.got_data() || none == soci::i_null) return std::nullopt;
    return scheme;
}

// A change checked against the school: what its row will hold.
struct checked_target {
    long long pupil_id = 0;
    long long subject_id = 0;
    int academic_year = 0;
    std::string grade_code;
    std::string scheme_id;
};

checked_target check_change(soci::session &session, const store::school &school, const scheme_library &schemes,
                            const target_change &change, const selected_pupil &pupil) {
    const auto &target = change.target;
    const auto ids = subject_ids(session);
    const auto subject = ids.find(target.subject);
    if (subject == ids.end() || target.subject == "phonics")
        throw tracking_error("'" + target.subject + "' is not a subject with targets (" + where(target) + ").");
    int end_year = pupil.nc_year;
    if (target.horizon == target_horizon::end_of_key_stage) {
        const auto end = key_stage_end(pupil.nc_year);
        if (!end)
            throw tracking_error("Pupil " + target.upn + " is in no key stage (NC year " + std::to_string(pupil.nc_year) +
                                 "), so has no end-of-key-stage target.");
        end_year = *end;
    }
    std::string scheme_id = change.scheme_id;
    if (scheme_id.empty()) {
        const auto found = subject_scheme(session, school, target.subject);
        if (!found)
            throw tracking_error("No assessment at " + school.name + " judges " + target.subject +
                                 " yet, so the scheme of " + where(target) + " is unknown; name the scheme.");
        scheme_id = *found;
    }
    const plugins::scheme &scheme = schemes.get(scheme_id);
    const plugins::judgement_context context{end_year, WAYMARK_TERM_SUMMER, target.subject};
    checked_target out{pupil.id, subject->second, school.current_year.start_year + (end_year - pupil.nc_year), "", scheme_id};
    try {
        out.grade_code = scheme.grades()[scheme.parse(change.grade, context)].code;
    } catch (const plugins::plugin_error &refused) {
        throw tracking_error(std::string(refused.what()) + " (" + where(target) + ")");
    }
    return out;
}

// Target rows matching `filter` (SQL over t, p and s built only from numbers and checked text), by
// UPN, subject and horizon unless `ordered` is false.
std::vector<target_record> read_targets(soci::session &session, const std::string &filter, bool ordered = true) {
    std::vector<long long> ids, school_ids, pupil_ids, supersedes;
    std::vector<std::string> upns, subjects, horizons, codes, schemes, by, at;
    std::vector<int> years, cleared;
    store::size_for_fetch(ids, school_ids, pupil_ids, upns, subjects, horizons, years, codes, schemes, cleared, by, at, supersedes);
    soci::statement rows =
        (session.prepare << "SELECT t.id, t.school_id, t.pupil_id, p.upn, s.code, t.horizon, t.academic_year, t.grade_code, "
                            "t.scheme_id, t.cleared, t.set_by, t.set_at, COALESCE(t.supersedes_id, 0) FROM wm_targets t "
                            "JOIN wm_pupils p ON p.id = t.pupil_id JOIN wm_subjects s ON s.id = t.subject_id WHERE " +
                                filter + (ordered ? " ORDER BY p.upn, s.code, t.horizon, t.id" : ""),
         soci::into(ids), soci::into(school_ids), soci::into(pupil_ids), soci::into(upns), soci::into(subjects), soci::into(horizons),
         soci::into(years), soci::into(codes), soci::into(schemes), soci::into(cleared), soci::into(by), soci::into(at),
         soci::into(supersedes));
    std::vector<target_record> found;
    store::fetch_rows(rows, [&](std::size_t i) {
        target_record r;
        r.id = ids[i];
        r.school_id = school_ids[i];
        r.pupil_id = pupil_ids[i];
        r.target = {upns[i], subjects[i], parse_target_horizon(horizons[i]).value_or(target_horizon::end_of_key_stage)};
        r.academic_year = years[i];
        r.grade_code = codes[i];
        r.scheme_id = schemes[i];
        r.cleared = cleared[i] != 0;
        r.set_by = by[i];
        r.set_at = at[i];
        if (supersedes[i] != 0) r.supersedes = supersedes[i];
        found.push_back(std::move(r));
    }, ids, school_ids, pupil_ids, upns, subjects, horizons, years, codes, schemes, cleared, by, at, supersedes);
    return found;
}

// Rows no later row supersedes (as of `instant` when given), at the school.
std::string latest_filter(const std::string &instant) {
    const std::string before = instant.empty() ? "" : " AND n.set_at <= '" + instant + "'";
    return std::string(instant.empty() ? "1 = 1" : "t.set_at <= '" + instant + "'") +
           " AND NOT EXISTS (SELECT 1 FROM wm_targets n WHERE n.supersedes_id = t.id" + before + ")";
}

std::string latest_filter(const store::school &school, const std::string &instant) {
    return "t.school_id = " + std::to_string(school.id) + " AND " + latest_filter(instant);
}

std::string of_pupils(const std::set<long long> &ids) {
    std::string sql;
    for (const long long id : ids) sql += (sql.empty() ? " AND t.pupil_id IN (" : ",") + std::to_string(id);
    return sql.empty() ? " AND 1 = 0" : sql + ")";
}

// Targets are superseded within one pupil, subject, horizon and year.
using target_key = std::tuple<long long, std::string, target_horizon, int>;

target_key key_of(const target_record &r) { return {r.pupil_id, r.target.subject, r.target.horizon, r.academic_year}; }

std::string change_instant(const recorder &by) {
    const std::string at = by.at.empty() ? store::utc_timestamp_now() : by.at;
    if (as_of_instant(at) != at) throw tracking_error("'" + at + "' is not an instant; write it as YYYY-MM-DDTHH:MM:SSZ.");
    if (by.who.empty() || by.who.size() > 100) throw tracking_error("Name who makes the change (1 to 100 characters).");
    return at;
}

// Writes rows after each target's latest, in the caller's transaction; returns them with their ids.
std::vector<target_record> append(soci::session &session, const store::school &school, std::vector<target_record> rows,
                                  const std::string &at, store::dialect kind) {
    std::set<long long> pupils;
    for (const auto &r : rows) pupils.insert(r.pupil_id);
    std::map<target_key, target_record> latest;
    for (auto &found : read_targets(session, latest_filter(school, "") + of_pupils(pupils)))
        latest.emplace(key_of(found), std::move(found));
    const auto ids = subject_ids(session);
    std::set<target_key> seen;
    for (auto &r : rows) {
        if (!seen.insert(key_of(r)).second) throw tracking_error("The " + where(r.target).substr(4) + " is changed twice in one save.");
        const auto previous = latest.find(key_of(r));
        if (previous != latest.end()) {
            if (previous->second.set_at > at)
                throw tracking_error("The " + where(r.target).substr(4) + " was changed at " + previous->second.set_at +
                                     ", after " + at + "; changes are recorded in time order.");
            r.supersedes = previous->second.id;
        }
        const std::string horizon(target_horizon_name(r.target.horizon));
        const int cleared = r.cleared ? 1 : 0;
        const long long supersedes = r.supersedes.value_or(0);
        soci::indicator supersedes_set = r.supersedes ? soci::i_ok : soci::i_null;
        const long long subject_id = ids.at(r.target.subject);
        session << "INSERT INTO wm_targets (school_id, pupil_id, subject_id, horizon, academic_year, grade_code, scheme_id, "
                   "cleared, set_by, set_at, supersedes_id) VALUES (:school, :pupil, :subject, :horizon, :year, :code, "
                   ":scheme, :cleared, :by, :at, :supersedes)",
            soci::use(school.id, "school"), soci::use(r.pupil_id, "pupil"), soci::use(subject_id, "subject"),
            soci::use(horizon, "horizon"), soci::use(r.academic_year, "year"), soci::use(r.grade_code, "code"),
            soci::use(r.scheme_id, "scheme"), soci::use(cleared, "cleared"), soci::use(r.set_by, "by"),
            soci::use(at, "at"), soci::use(supersedes, supersedes_set, "supersedes");
        r.id = last_insert_id(session, kind);
        r.set_at = at;
    }
    return rows;
}

void refuse_outside_window(soci::session &session, const store::school &school, const std::string &at) {
    if (const auto refusal = outside_window(read_target_policy(session, school), school, at)) throw tracking_error(*refusal);
}

// Validates the changed pupils' targets when a validator was given.
void revalidate(soci::session &session, const store::school &school, const scheme_library &schemes,
                const plugins::validator *validator, const std::vector<target_record> &written, const std::string &at) {
    if (validator == nullptr || written.empty()) return;
    std::set<long long> pupils;
    for (const auto &r : written) pupils.insert(r.pupil_id);
    validate_targets(session, school, schemes, *validator, pupils, at);
}

std::string date_text(const std::optional<domain::date> &day) { return day ? domain::format_iso_date(*day) : ""; }

}  // namespace

std::string_view target_horizon_name(target_horizon horizon) {
    return horizon == target_horizon::end_of_year ? "end_of_year" : "end_of_key_stage";
}

std::optional<target_horizon> parse_target_horizon(std::string_view name) {
    const std::string text = lower(name);
    if (text == "end_of_year" || text == "year") return target_horizon::end_of_year;
    if (text == "end_of_key_stage" || text == "key_stage" || text == "ks") return target_horizon::end_of_key_stage;
    return std::nullopt;
}

std::string_view trajectory_rounding_name(trajectory_rounding rounding) {
    return rounding == trajectory_rounding::nearest ? "nearest" : "pair";
}

std::optional<trajectory_rounding> parse_trajectory_rounding(std::string_view name) {
    const std::string text = lower(name);
    if (text == "nearest") return trajectory_rounding::nearest;
    if (text == "pair") return trajectory_rounding::pair;
    return std::nullopt;
}

std::vector<double> parse_term_weights(std::string_view text) {
    std::vector<double> weights;
    const auto refuse = [&] {
        return tracking_error("Term weights '" + std::string(text) +
                              "' must be three numbers of zero or more for Autumn, Spring and Summer, e.g. 3,2,2.");
    };
    if (text.empty()) return weights;
    std::size_t at = 0;
    while (at <= text.size()) {
        const std::size_t comma = std::min(text.find(',', at), text.size());
        std::string_view part = text.substr(at, comma - at);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
        double value = 0.0;
        const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
        if (part.empty() || error != std::errc{} || end != part.data() + part.size() || !std::isfinite(value) || value < 0)
            throw refuse();
        weights.push_back(value);
        at = comma + 1;
    }
    if (weights.size() != 3 || std::all_of(weights.begin(), weights.end(), [](double w) { return w == 0.0; })) throw refuse();
    return weights;
}

std::string format_term_weights(std::span<const double> weights) {
    std::ostringstream out;
    for (std::size_t i = 0; i < weights.size(); ++i) out << (i == 0 ? "" : ",") << weights[i];
    return out.str();
}

target_policy read_target_policy(soci::session &session, const store::school &school) {
    target_policy policy;
    std::string who, from, to, rounding, weights;
    soci::indicator found = soci::i_ok;
    session << "SELECT who_may_set, COALESCE(window_from, ''), COALESCE(window_to, ''), rate_points, rate_terms, rounding, "
               "term_weights, changed_by, changed_at FROM wm_target_policies WHERE school_id = :school",
        soci::into(who, found), soci::into(from), soci::into(to), soci::into(policy.rate_points), soci::into(policy.rate_terms),
        soci::into(rounding), soci::into(weights), soci::into(policy.changed_by), soci::into(policy.changed_at),
        soci::use(school.id, "school");
    if (!session.got_data()) return target_policy{};
    policy.who_may_set = who;
    policy.window_from = domain::parse_iso_date(from);
    policy.window_to = domain::parse_iso_date(to);
    policy.rounding = parse_trajectory_rounding(rounding).value_or(trajectory_rounding::nearest);
    policy.term_weights = parse_term_weights(weights);
    return policy;
}

target_policy save_target_policy(store::database &db, const store::school &school, target_policy policy, const recorder &by) {
    checked_text("who may set targets", policy.who_may_set, who_may_set_limit, false);
    if (policy.window_from && policy.window_to && *policy.window_to < *policy.window_from)
        throw tracking_error("The target window ends (" + date_text(policy.window_to) + ") before it starts (" +
                             date_text(policy.window_from) + "); give the earlier date first.");
    if (policy.rate_points < 0 || policy.rate_terms < 0 || (policy.rate_points > 0) != (policy.rate_terms > 0))
        throw tracking_error("The minimum rate of progress needs both its points and its terms (e.g. 12 points over 12 "
                             "terms), or neither.");
    parse_term_weights(format_term_weights(policy.term_weights));
    const std::string at = change_instant(by);
    return db.transaction("saving the target policy", [&](soci::session &session) {
        const std::string from = date_text(policy.window_from), to = date_text(policy.window_to);
        soci::indicator from_set = policy.window_from ? soci::i_ok : soci::i_null;
        soci::indicator to_set = policy.window_to ? soci::i_ok : soci::i_null;
        const std::string rounding(trajectory_rounding_name(policy.rounding));
        const std::string weights = format_term_weights(policy.term_weights);
        session << "DELETE FROM wm_target_policies WHERE school_id = :school", soci::use(school.id, "school");
        session << "INSERT INTO wm_target_policies (school_id, who_may_set, window_from, window_to, rate_points, rate_terms, "
                   "rounding, term_weights, changed_by, changed_at) VALUES (:school, :who, :from, :to, :points, :terms, "
                   ":rounding, :weights, :by, :at)",
            soci::use(school.id, "school"), soci::use(policy.who_may_set, "who"), soci::use(from, from_set, "from"),
            soci::use(to, to_set, "to"), soci::use(policy.rate_points, "points"), soci::use(policy.rate_terms, "terms"),
            soci::use(rounding, "rounding"), soci::use(weights, "weights"), soci::use(by.who, "by"), soci::use(at, "at");
        policy.changed_by = by.who;
        policy.changed_at = at;
        return policy;
    });
}

std::optional<std::string> outside_window(const target_policy &policy, const store::school &school, const std::string &instant) {
    const std::string day = instant.substr(0, 10);
    const bool too_early = policy.window_from && day < date_text(policy.window_from);
    const bool too_late = policy.window_to && day > date_text(policy.window_to);
    if (!too_early && !too_late) return std::nullopt;
    std::string window;
    if (policy.window_from && policy.window_to) {
        window = "from " + date_text(policy.window_from) + " to " + date_text(policy.window_to);
    } else if (policy.window_from) {
        window = "from " + date_text(policy.window_from);
    } else {
        window = "until " + date_text(policy.window_to);
    }
    return "Targets at " + school.name + " may be set or changed only " + window + "; " + day +
           " is outside that window (waymark targets policy shows it).";
}

std::optional<std::string> target_problem(soci::session &session, const store::school &school,
                                          const scheme_library &schemes, const target_change &change) {
    try {
        const auto pupils = select_pupils(session, school, {{}, {change.target.upn}}, school.current_year);
        check_change(session, school, schemes, change, pupils.front());
    } catch (const tracking_error &problem) {
        return problem.what();
    }
    return std::nullopt;
}

std::vector<target_record> set_targets(store::database &db, const store::school &school, const scheme_library &schemes,
                                       std::span<const target_change> changes, const recorder &by,
                                       const plugins::validator *validator) {
    const std::string at = change_instant(by);
    return db.transaction("setting targets", [&](soci::session &session) {
        refuse_outside_window(session, school, at);
        std::vector<std::string> upns;
        for (const auto &change : changes) upns.push_back(change.target.upn);
        std::sort(upns.begin(), upns.end());
        upns.erase(std::unique(upns.begin(), upns.end()), upns.end());
        std::map<std::string, selected_pupil, std::less<>> pupils;
        if (!upns.empty())
            for (auto &p : select_pupils(session, school, {{}, upns}, school.current_year))
                pupils.emplace(p.upn, std::move(p));
        std::vector<target_record> rows;
        for (const auto &change : changes) {
            const checked_target checked = check_change(session, school, schemes, change, pupils.at(change.target.upn));
            target_record r;
            r.pupil_id = checked.pupil_id;
            r.target = change.target;
            r.academic_year = checked.academic_year;
            r.grade_code = checked.grade_code;
            r.scheme_id = checked.scheme_id;
            r.set_by = by.who;
            rows.push_back(std::move(r));
        }
        auto written = append(session, school, std::move(rows), at, db.kind());
        revalidate(session, school, schemes, validator, written, at);
        return written;
    });
}

target_record clear_target(store::database &db, const store::school &school, const scheme_library &schemes,
                           const target_address &target, const recorder &by, const plugins::validator *validator) {
    const std::string at = change_instant(by);
    return db.transaction("clearing a target", [&](soci::session &session) {
        refuse_outside_window(session, school, at);
        const auto pupil = find_school_pupil(session, school, target.upn, false);
        const std::string horizon(target_horizon_name(target.horizon));
        auto latest = read_targets(session, latest_filter(school, "") + " AND t.pupil_id = " + std::to_string(pupil.id) +
                                                " AND t.horizon = '" + horizon + "'");
        std::erase_if(latest, [&](const target_record &r) { return r.target.subject != target.subject || r.cleared; });
        if (latest.empty()) throw tracking_error("Pupil " + target.upn + " has no " + horizon + " " + target.subject + " target to clear.");
        // The latest year's target is the one in force; an older year's is history.
        target_record r = *std::max_element(latest.begin(), latest.end(),
                                            [](const auto &a, const auto &b) { return a.academic_year < b.academic_year; });
        r.cleared = true;
        r.grade_code.clear();
        r.set_by = by.who;
        r.supersedes.reset();
        auto written = append(session, school, {std::move(r)}, at, db.kind());
        revalidate(session, school, schemes, validator, written, at);
        return written.front();
    });
}

std::vector<target_record> list_targets(soci::session &session, const store::school &school, const target_query &query) {
    if (!query.as_of.empty() && as_of_instant(query.as_of) != query.as_of)
        throw tracking_error("'" + query.as_of + "' is not an instant; write it as YYYY-MM-DDTHH:MM:SSZ.");
    std::string filter = query.history ? "t.school_id = " + std::to_string(school.id) : latest_filter(school, query.as_of);
    if (!query.history) filter += " AND t.cleared = 0";
    if (query.upn) filter += " AND t.pupil_id = " + std::to_string(find_school_pupil(session, school, *query.upn, true).id);
    if (query.subject) {
        const auto ids = subject_ids(session);
        const auto subject = ids.find(*query.subject);
        if (subject == ids.end()) throw tracking_error("'" + *query.subject + "' is not a subject.");
        filter += " AND t.subject_id = " + std::to_string(subject->second);
    }
    return read_targets(session, filter);
}

std::vector<target_record> targets_in_force_everywhere(soci::session &session) {
    return read_targets(session, "t.cleared = 0 AND " + latest_filter(""), false);  // unordered: an authority has 300,000
}

namespace {

// "Leaders" -> "leader", " read only " -> "read_only".
std::string who_word(std::string_view text) {
    std::string word;
    for (const char c : text) {
        if (c == ' ' || c == '\t') {
            if (!word.empty() && word.back() != '_') word += '_';
        } else {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    while (!word.empty() && word.back() == '_') word.pop_back();
    if (word.size() > 1 && word.back() == 's' && word != "read_only") word.pop_back();
    return word;
}

}  // namespace

std::optional<std::string> outside_who_may_set(const target_policy &policy, const store::school &school,
                                               std::string_view role, std::string_view username) {
    if (policy.who_may_set.find_first_not_of(" \t") == std::string::npos) return std::nullopt;
    std::string list = policy.who_may_set;
    for (std::size_t at = 0; (at = list.find(" and ", at)) != std::string::npos;) list.replace(at, 5, ",");
    std::stringstream parts(list);
    for (std::string part; std::getline(parts, part, ',');) {
        const std::string word = who_word(part);
        if (word == role || word == who_word(username)) return std::nullopt;
    }
    return "At " + school.name + " targets may be set by " + policy.who_may_set + " (the target policy); you are signed in as " +
           std::string(username) + ", a " + std::string(role) +
           ". An administrator can change who may set them with `waymark targets policy --who-may-set`.";
}

}  // namespace waymark::services
