#include "store/statutory.hpp"

#include "store/id_list.hpp"

#include "store/multi_row_insert.hpp"
#include "store/pupils.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

namespace waymark::store {
namespace {

using domain::statutory_kind;
using domain::statutory_result;

constexpr int default_phonics_threshold = 32;
constexpr std::size_t fetch_batch = 4096;

struct phonics_entry {
    std::optional<int> mark;
    std::string outcome;
};

struct key_stage_entry {
    int year = 0;
    std::string ta_code;              // "" = not in this batch
    std::optional<int> scaled_score;  // nullopt = not in this batch
};

template <class Key, class Value>
std::map<Key, Value> id_map(soci::session &session, const std::string &sql) {
    std::vector<Key> keys(256);
    std::vector<Value> values(256);
    soci::statement statement = (session.prepare << sql, soci::into(keys), soci::into(values));
    statement.execute();
    std::map<Key, Value> out;
    while (statement.fetch()) {
        for (std::size_t i = 0; i < keys.size(); ++i) out.emplace(keys[i], values[i]);
        keys.resize(256);
        values.resize(256);
    }
    return out;
}

std::string describe(std::size_t index, const statutory_result &result) {
    std::string text = "Statutory result " + std::to_string(index + 1) + " (" +
                       std::string(domain::statutory_kind_name(result.kind)) + " for UPN " + result.upn;
    if (!result.subject.empty()) text += ", " + result.subject;
    return text + ")";
}

int key_stage_of(statutory_kind kind) {
    return kind == statutory_kind::ks1_ta || kind == statutory_kind::ks1_scaled ? 1 : 2;
}

soci::indicator present(bool yes) { return yes ? soci::i_ok : soci::i_null; }

void write_eyfsp(soci::session &session, const std::map<std::pair<long long, std::string>, statutory_result> &goals) {
    if (goals.empty()) return;
    std::vector<long long> pupils;
    std::vector<std::string> codes, outcomes;
    std::vector<int> years;
    for (const auto &[key, result] : goals) {
        pupils.push_back(key.first);
        codes.push_back(key.second);
        years.push_back(result.year.start_year);
        outcomes.push_back(result.value);
    }
    insert_rows(session, "INSERT INTO wm_eyfsp_results (pupil_id, goal, academic_year, outcome)",
           "ON CONFLICT (pupil_id, goal) DO UPDATE SET academic_year = excluded.academic_year, outcome = excluded.outcome",
           {{"pupil", std::move(pupils), {}}, {"goal", std::move(codes), {}}, {"year", std::move(years), {}},
            {"outcome", std::move(outcomes), {}}},
           goals.size());
}

void write_phonics(soci::session &session, const std::map<std::pair<long long, int>, phonics_entry> &checks) {
    if (checks.empty()) return;
    std::vector<long long> pupils;
    std::vector<int> years, marks;
    std::vector<soci::indicator> has_mark;
    std::vector<std::string> outcomes;
    for (const auto &[key, entry] : checks) {
        pupils.push_back(key.first);
        years.push_back(key.second);
        marks.push_back(entry.mark.value_or(0));
        has_mark.push_back(present(entry.mark.has_value()));
        outcomes.push_back(entry.outcome);
    }
    insert_rows(session, "INSERT INTO wm_phonics_results (pupil_id, academic_year, mark, outcome)",
           "ON CONFLICT (pupil_id, academic_year) DO UPDATE SET "
           "mark = COALESCE(excluded.mark, wm_phonics_results.mark), outcome = excluded.outcome",
           {{"pupil", std::move(pupils), {}}, {"year", std::move(years), {}}, {"mark", std::move(marks), std::move(has_mark)},
            {"outcome", std::move(outcomes), {}}},
           checks.size());
}

void write_key_stages(soci::session &session,
                      const std::map<std::tuple<long long, int, long long>, key_stage_entry> &results) {
    if (results.empty()) return;
    std::vector<long long> pupils, subjects;
    std::vector<int> stages, years, scores;
    std::vector<std::string> codes;
    std::vector<soci::indicator> has_code, has_score;
    for (const auto &[key, entry] : results) {
        pupils.push_back(std::get<0>(key));
        stages.push_back(std::get<1>(key));
        subjects.push_back(std::get<2>(key));
        years.push_back(entry.year);
        codes.push_back(entry.ta_code);
        has_code.push_back(present(!entry.ta_code.empty()));
        scores.push_back(entry.scaled_score.value_or(0));
        has_score.push_back(present(entry.scaled_score.has_value()));
    }
    insert_rows(session, "INSERT INTO wm_key_stage_results (pupil_id, key_stage, subject_id, academic_year, ta_code, scaled_score)",
           "ON CONFLICT (pupil_id, key_stage, subject_id) DO UPDATE SET academic_year = excluded.academic_year, "
           "ta_code = COALESCE(excluded.ta_code, wm_key_stage_results.ta_code), "
           "scaled_score = COALESCE(excluded.scaled_score, wm_key_stage_results.scaled_score)",
           {{"pupil", std::move(pupils), {}}, {"stage", std::move(stages), {}}, {"subject", std::move(subjects), {}},
            {"year", std::move(years), {}}, {"ta", std::move(codes), std::move(has_code)},
            {"score", std::move(scores), std::move(has_score)}},
           results.size());
}

}  // namespace

void set_phonics_threshold(soci::session &session, domain::academic_year year, int threshold) {
    session << "INSERT INTO wm_phonics_thresholds (academic_year, threshold) VALUES (:year, :threshold) "
               "ON CONFLICT (academic_year) DO UPDATE SET threshold = excluded.threshold",
        soci::use(year.start_year), soci::use(threshold);
}

int phonics_threshold(soci::session &session, domain::academic_year year) {
    int threshold = default_phonics_threshold;
    session << "SELECT threshold FROM wm_phonics_thresholds WHERE academic_year = :year", soci::into(threshold),
        soci::use(year.start_year);
    return threshold;
}

void write_statutory_results(soci::session &session, long long school_id,
                             std::span<const domain::statutory_result> results) {
    if (results.empty()) return;
    const auto pupil_ids = pupil_ids_by_upn(session, school_id);
    const auto subject_ids = id_map<std::string, long long>(session, "SELECT code, id FROM wm_subjects");
    const auto thresholds = id_map<int, int>(session, "SELECT academic_year, threshold FROM wm_phonics_thresholds");

    std::map<std::pair<long long, std::string>, statutory_result> goals;
    std::map<std::pair<long long, int>, phonics_entry> phonics;
    std::map<std::tuple<long long, int, long long>, key_stage_entry> key_stages;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const auto &result = results[i];
        if (const auto problem = domain::statutory_problem(result)) {
            throw statutory_refused(describe(i, result) + ": " + *problem + " Nothing was saved.");
        }
        const auto pupil = pupil_ids.find(result.upn);
        if (pupil == pupil_ids.end()) {
            throw statutory_refused(describe(i, result) +
                                    ": the school has no pupil with this UPN; add the pupil first. Nothing was saved.");
        }
        switch (result.kind) {
            case statutory_kind::eyfsp_goal: goals[{pupil->second, result.subject}] = result; break;
            case statutory_kind::eyfsp_gld: break;  // derived from the goals
            case statutory_kind::phonics_mark:
                phonics[{pupil->second, result.year.start_year}].mark = std::stoi(result.value);
                break;
            case statutory_kind::phonics_outcome:
                phonics[{pupil->second, result.year.start_year}].outcome = result.value;
                break;
            default: {
                const auto subject = subject_ids.find(result.subject);
                if (subject == subject_ids.end()) {
                    throw statutory_refused(describe(i, result) + ": the database has no subject '" + result.subject +
                                            "'. Nothing was saved.");
                }
                auto &entry = key_stages[{pupil->second, key_stage_of(result.kind), subject->second}];
                entry.year = result.year.start_year;
                const bool is_ta = result.kind == statutory_kind::ks1_ta || result.kind == statutory_kind::ks2_ta;
                if (is_ta) {
                    entry.ta_code = result.value;
                } else {
                    entry.scaled_score = std::stoi(result.value);
                }
            }
        }
    }
    for (auto &[key, entry] : phonics) {
        if (!entry.outcome.empty() || !entry.mark) continue;
        const auto threshold = thresholds.find(key.second);
        const int pass = threshold == thresholds.end() ? default_phonics_threshold : threshold->second;
        entry.outcome = *entry.mark >= pass ? "Wa" : "Wt";
    }
    write_eyfsp(session, goals);
    write_phonics(session, phonics);
    write_key_stages(session, key_stages);
}

namespace {

// One query over the three tables, each row already in statutory_result's shape and led by the
// pupil's school, for one school (`one_school`, bound as :s1..:s6) or all of them, GLD derived or
// left out (all schools only, which bind nothing). The first SELECT
// names every width: sqliteodbc sizes a UNION's columns from it (a bare r.goal would cut every subject
// to three characters).
// `pupils` ("" = every pupil) narrows to an id list; without `goals` the first SELECT still names the
// widths but reads no goal.
struct statutory_scope {
    bool one_school = false;
    derived_gld gld = derived_gld::included;
    std::string pupils;
    bool goals = true;
};

std::string statutory_query(const statutory_scope &scope) {
    const bool one_school = scope.one_school;
    const derived_gld gld = scope.gld;
    const std::string pupils = scope.pupils.empty() ? std::string() : " AND p.id IN (" + scope.pupils + ")";
    const auto only = [&](int n) { return (one_school ? " AND p.school_id = :s" + std::to_string(n) : std::string()) + pupils + " "; };
    return "SELECT p.school_id, p.upn, CAST('eyfsp_goal' AS VARCHAR(20)), CAST(r.goal AS VARCHAR(20)), "
           "CAST(r.outcome AS VARCHAR(20)), r.academic_year FROM wm_eyfsp_results r "
           "JOIN wm_pupils p ON p.id = r.pupil_id WHERE " + std::string(scope.goals ? "1 = 1" : "1 = 0") + only(1) +
           (gld == derived_gld::left_out ? std::string() :
           // GLD: Expected in every one of the twelve goals E01-E12. Grouped after the school filter, so a
           // school's read costs its own goals, not the authority's.
           "UNION ALL SELECT p.school_id, p.upn, 'eyfsp_gld', '', "
           "CASE WHEN SUM(CASE WHEN r.goal <= 'E12' AND r.outcome = 'Expected' THEN 1 ELSE 0 END) = 12 "
           "THEN 'Y' ELSE 'N' END, r.academic_year FROM wm_eyfsp_results r "
           "JOIN wm_pupils p ON p.id = r.pupil_id WHERE 1 = 1" + only(2) +
           "GROUP BY p.school_id, p.upn, r.academic_year ") +
           "UNION ALL SELECT p.school_id, p.upn, 'phonics_mark', '', CAST(r.mark AS VARCHAR(4)), r.academic_year "
           "FROM wm_phonics_results r JOIN wm_pupils p ON p.id = r.pupil_id WHERE r.mark IS NOT NULL" + only(3) +
           "UNION ALL SELECT p.school_id, p.upn, 'phonics_outcome', '', r.outcome, r.academic_year "
           "FROM wm_phonics_results r JOIN wm_pupils p ON p.id = r.pupil_id WHERE 1 = 1" + only(4) +
           "UNION ALL SELECT p.school_id, p.upn, CASE WHEN r.key_stage = 1 THEN 'ks1_ta' ELSE 'ks2_ta' END, s.code, "
           "r.ta_code, r.academic_year FROM wm_key_stage_results r JOIN wm_pupils p ON p.id = r.pupil_id "
           "JOIN wm_subjects s ON s.id = r.subject_id WHERE r.ta_code IS NOT NULL" + only(5) +
           "UNION ALL SELECT p.school_id, p.upn, CASE WHEN r.key_stage = 1 THEN 'ks1_scaled' ELSE 'ks2_scaled' END, "
           "s.code, CAST(r.scaled_score AS VARCHAR(4)), r.academic_year FROM wm_key_stage_results r "
           "JOIN wm_pupils p ON p.id = r.pupil_id JOIN wm_subjects s ON s.id = r.subject_id "
           "WHERE r.scaled_score IS NOT NULL" + only(6);
}

using results_by_school = std::map<long long, std::vector<domain::statutory_result>>;

results_by_school fetch_statutory_results(soci::session &session, const long long *school_id, derived_gld gld,
                                          const std::string &pupils = "", bool goals = true) {
    const std::string sql = statutory_query({school_id != nullptr, gld, pupils, goals});
    std::vector<long long> schools(fetch_batch);
    std::vector<std::string> upns(fetch_batch), kinds(fetch_batch), subjects(fetch_batch), values(fetch_batch);
    std::vector<int> years(fetch_batch);
    soci::statement statement(session);
    statement.exchange(soci::into(schools));
    statement.exchange(soci::into(upns));
    statement.exchange(soci::into(kinds));
    statement.exchange(soci::into(subjects));
    statement.exchange(soci::into(values));
    statement.exchange(soci::into(years));
    if (school_id != nullptr) {
        for (const char *name : {"s1", "s2", "s3", "s4", "s5", "s6"}) statement.exchange(soci::use(*school_id, name));
    }
    statement.alloc();
    statement.prepare(sql);
    statement.define_and_bind();
    statement.execute();
    results_by_school out;
    while (statement.fetch()) {
        for (std::size_t i = 0; i < upns.size(); ++i) {
            out[schools[i]].push_back(
                {upns[i], *domain::parse_statutory_kind(kinds[i]), subjects[i], values[i], {years[i]}});
        }
        for (auto *column : {&upns, &kinds, &subjects, &values}) column->resize(fetch_batch);
        schools.resize(fetch_batch);
        years.resize(fetch_batch);
    }
    for (auto &[school, results] : out) {
        std::sort(results.begin(), results.end(), [](const auto &a, const auto &b) {
            return std::tie(a.upn, a.kind, a.subject) < std::tie(b.upn, b.kind, b.subject);
        });
    }
    return out;
}

}  // namespace

std::vector<domain::statutory_result> load_statutory_results(soci::session &session, long long school_id) {
    auto all = fetch_statutory_results(session, &school_id, derived_gld::included);
    return all.empty() ? std::vector<domain::statutory_result>{} : std::move(all.begin()->second);
}

std::vector<domain::statutory_result> load_statutory_outcomes(soci::session &session, long long school_id,
                                                              std::span<const long long> pupil_ids) {
    if (pupil_ids.empty()) return {};
    auto all = fetch_statutory_results(session, &school_id, derived_gld::included, id_list(pupil_ids), false);
    return all.empty() ? std::vector<domain::statutory_result>{} : std::move(all.begin()->second);
}

std::map<long long, std::vector<domain::statutory_result>> load_all_statutory_results(soci::session &session,
                                                                                      derived_gld gld) {
    return fetch_statutory_results(session, nullptr, gld);
}

}  // namespace waymark::store
