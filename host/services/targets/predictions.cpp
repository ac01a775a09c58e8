#include "services/targets/predictions.hpp"

#include "store/fetch_rows.hpp"
#include "services/tracking/pupil_selection.hpp"
#include "services/tracking/subject_judgements.hpp"
#include "services/tracking/tracking_records.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace waymark::services {
namespace {

constexpr int ks1_year = 2;
constexpr int ks2_year = 6;

// Pupil id -> date of birth, of the school's pupils or (school_id 0) every school's, left ones too.
std::map<long long, domain::date> birth_dates(soci::session &session, long long school_id) {
    std::vector<long long> ids;
    std::vector<std::string> births;
    store::size_for_fetch(ids, births);
    soci::statement rows = (session.prepare << "SELECT id, date_of_birth FROM wm_pupils" +
                                                   (school_id != 0 ? " WHERE school_id = " + std::to_string(school_id) : ""),
                            soci::into(ids), soci::into(births));
    std::map<long long, domain::date> found;
    store::fetch_rows(rows, [&](std::size_t i) {
        if (const auto day = domain::parse_iso_date(births[i])) found.emplace(ids[i], *day);
    }, ids, births);
    return found;
}

// The pupil's last Summer judgement in `nc_year` (by age), if any.
const dated_judgement *summer_of(const std::vector<dated_judgement> &judgements, const domain::date &born, int nc_year) {
    const dated_judgement *found = nullptr;
    for (const auto &j : judgements)
        if (j.term == domain::term::summer && domain::nc_year(born, {j.academic_year}) == nc_year) found = &j;
    return found;
}

std::optional<double> points_of(const plugins::scheme &scheme, const std::string &code) {
    const auto grade = scheme.find_code(code);
    return grade ? scheme.grades()[*grade].points : std::nullopt;
}

// The lowest points the scheme counts as the expected standard ("at") and the higher ("above") at
// the end of Year 6.
std::pair<double, double> ks2_standards(const plugins::scheme &scheme, const std::string &subject) {
    const plugins::judgement_context end{ks2_year, WAYMARK_TERM_SUMMER, subject};
    std::optional<double> expected, higher;
    for (uint32_t i = 0; i < scheme.grade_count(); ++i) {
        const auto &points = scheme.grades()[i].points;
        if (!points) continue;
        const int32_t band = scheme.evaluate(end, i).band;
        if (band == WAYMARK_BAND_AT && (!expected || *points < *expected)) expected = points;
        if (band == WAYMARK_BAND_ABOVE && (!higher || *points < *higher)) higher = points;
    }
    if (!expected) throw tracking_error("The " + scheme.descriptor().name + " scheme sets no expected standard at the end "
                                        "of Year 6, so it cannot be predicted.");
    return {*expected, higher.value_or(*expected)};
}

// The scheme's grade nearest `points` (a tie to the lower).
std::string nearest_code(const plugins::scheme &scheme, double points) {
    std::string best;
    double distance = 0.0;
    for (const auto &grade : scheme.grades()) {
        if (!grade.points) continue;
        const double d = std::fabs(*grade.points - points);
        if (best.empty() || d < distance) {
            best = grade.code;
            distance = d;
        }
    }
    return best;
}

}  // namespace

std::string_view history_scope_name(history_scope scope) { return scope == history_scope::school ? "school" : "authority"; }

std::optional<history_scope> parse_history_scope(std::string_view name) {
    if (name == "school") return history_scope::school;
    if (name == "authority" || name == "all") return history_scope::authority;
    return std::nullopt;
}

std::vector<prediction_record> make_predictions(store::database &db, const store::school &school,
                                                const scheme_library &schemes, const plugins::predictor &predictor,
                                                const std::string &subject, history_scope scope,
                                                const std::optional<std::string> &upn, const recorder &by) {
    const std::string at = by.at.empty() ? store::utc_timestamp_now() : by.at;
    if (as_of_instant(at) != at) throw tracking_error("'" + at + "' is not an instant; write it as YYYY-MM-DDTHH:MM:SSZ.");
    return db.transaction("making predictions", [&](soci::session &session) {
        const auto ids = subject_ids(session);
        const auto subject_id = ids.find(subject);
        if (subject_id == ids.end() || subject == "phonics") throw tracking_error("'" + subject + "' is not a subject to predict.");
        pupil_selection which;
        if (upn) which.upns = {*upn};
        std::vector<selected_pupil> pupils = select_pupils(session, school, which, school.current_year);
        std::erase_if(pupils, [](const selected_pupil &p) { return domain::key_stage_of(p.nc_year) != domain::key_stage::ks2; });

        const long long history_school = scope == history_scope::school ? school.id : 0;
        const auto born = birth_dates(session, history_school);
        const auto history_judgements = scope == history_scope::school
                                            ? subject_judgements(session, school, subject_id->second, {})
                                            : subject_judgements_everywhere(session, subject_id->second);
        // Scheme id -> earlier pupils' KS1 and KS2 points in it.
        std::map<std::string, plugins::outcome_history> history;
        for (const auto &[pupil, judgements] : history_judgements) {
            const auto birth = born.find(pupil);
            if (birth == born.end()) continue;
            const dated_judgement *ks1 = summer_of(judgements, birth->second, ks1_year);
            const dated_judgement *ks2 = summer_of(judgements, birth->second, ks2_year);
            if (ks1 == nullptr || ks2 == nullptr || ks1->scheme_id != ks2->scheme_id) continue;
            const plugins::scheme &scheme = schemes.get(ks1->scheme_id);
            const auto prior = points_of(scheme, ks1->grade_code), outcome = points_of(scheme, ks2->grade_code);
            if (!prior || !outcome) continue;
            history[ks1->scheme_id].prior.push_back(*prior);
            history[ks1->scheme_id].outcome.push_back(*outcome);
        }

        const auto own = subject_judgements(session, school, subject_id->second, {});
        const auto own_born = birth_dates(session, school.id);
        std::vector<prediction_record> made;
        for (const auto &pupil : pupils) {
            const auto judgements = own.find(pupil.id);
            if (judgements == own.end()) continue;
            const dated_judgement *ks1 = summer_of(judgements->second, own_born.at(pupil.id), ks1_year);
            if (ks1 == nullptr) continue;
            const plugins::scheme &scheme = schemes.get(ks1->scheme_id);
            const auto prior = points_of(scheme, ks1->grade_code);
            if (!prior) continue;
            const auto [expected, higher] = ks2_standards(scheme, subject);
            const auto result = predictor.predict(*prior, history[ks1->scheme_id], expected, higher);
            prediction_record r;
            r.upn = pupil.upn;
            r.subject = subject;
            r.academic_year = school.current_year.start_year + (ks2_year - pupil.nc_year);
            r.scheme_id = ks1->scheme_id;
            r.predictor_id = predictor.plugin().descriptor().id;
            r.sufficient = result.sufficient;
            r.based_on = static_cast<int>(result.based_on);
            r.scope = scope;
            r.note = result.note.substr(0, 1000);
            r.made_at = at;
            if (result.sufficient) {
                r.likely_grade = nearest_code(scheme, result.likely_points);
                r.percent_expected = static_cast<int>(std::lround(result.probability_expected * 100.0));
                r.percent_higher = static_cast<int>(std::lround(result.probability_higher * 100.0));
            }
            const int sufficient = r.sufficient ? 1 : 0;
            const int percent_expected = r.percent_expected.value_or(0), percent_higher = r.percent_higher.value_or(0);
            soci::indicator percent_set = r.sufficient ? soci::i_ok : soci::i_null;
            soci::indicator higher_set = percent_set;
            const std::string scope_name(history_scope_name(scope));
            session << "INSERT INTO wm_predictions (school_id, pupil_id, subject_id, academic_year, scheme_id, predictor_id, "
                       "sufficient, likely_code, percent_expected, percent_higher, based_on, history_scope, note, made_at) "
                       "VALUES (:school, :pupil, :subject, :year, :scheme, :predictor, :sufficient, :likely, :expected, "
                       ":higher, :based, :scope, :note, :at)",
                soci::use(school.id, "school"), soci::use(pupil.id, "pupil"), soci::use(subject_id->second, "subject"),
                soci::use(r.academic_year, "year"), soci::use(r.scheme_id, "scheme"), soci::use(r.predictor_id, "predictor"),
                soci::use(sufficient, "sufficient"), soci::use(r.likely_grade, "likely"),
                soci::use(percent_expected, percent_set, "expected"), soci::use(percent_higher, higher_set, "higher"),
                soci::use(r.based_on, "based"), soci::use(scope_name, "scope"), soci::use(r.note, "note"), soci::use(at, "at");
            made.push_back(std::move(r));
        }
        return made;
    });
}

std::vector<prediction_record> list_predictions(soci::session &session, const store::school &school,
                                                const std::optional<std::string> &upn,
                                                const std::optional<std::string> &subject) {
    std::string filter = "w.school_id = " + std::to_string(school.id) +
                         " AND w.id = (SELECT MAX(l.id) FROM wm_predictions l WHERE l.pupil_id = w.pupil_id AND "
                         "l.subject_id = w.subject_id)";
    if (upn) filter += " AND w.pupil_id = " + std::to_string(find_school_pupil(session, school, *upn, true).id);
    if (subject) {
        const auto ids = subject_ids(session);
        const auto found = ids.find(*subject);
        if (found == ids.end()) throw tracking_error("'" + *subject + "' is not a subject.");
        filter += " AND w.subject_id = " + std::to_string(found->second);
    }
    std::vector<std::string> upns, subjects, schemes, predictors, likely, scopes, notes, made;
    std::vector<int> years, sufficient, expected, higher, based;
    store::size_for_fetch(upns, subjects, years, schemes, predictors, sufficient, likely, expected, higher, based, scopes, notes, made);
    soci::statement rows =
        (session.prepare << "SELECT p.upn, s.code, w.academic_year, w.scheme_id, w.predictor_id, w.sufficient, w.likely_code, "
                            "COALESCE(w.percent_expected, -1), COALESCE(w.percent_higher, -1), w.based_on, w.history_scope, "
                            "w.note, w.made_at FROM wm_predictions w JOIN wm_pupils p ON p.id = w.pupil_id "
                            "JOIN wm_subjects s ON s.id = w.subject_id WHERE " + filter + " ORDER BY p.upn, s.code",
         soci::into(upns), soci::into(subjects), soci::into(years), soci::into(schemes), soci::into(predictors),
         soci::into(sufficient), soci::into(likely), soci::into(expected), soci::into(higher), soci::into(based),
         soci::into(scopes), soci::into(notes), soci::into(made));
    std::vector<prediction_record> found;
    store::fetch_rows(rows, [&](std::size_t i) {
        prediction_record r;
        r.upn = upns[i];
        r.subject = subjects[i];
        r.academic_year = years[i];
        r.scheme_id = schemes[i];
        r.predictor_id = predictors[i];
        r.sufficient = sufficient[i] != 0;
        r.likely_grade = likely[i];
        if (expected[i] >= 0) r.percent_expected = expected[i];
        if (higher[i] >= 0) r.percent_higher = higher[i];
        r.based_on = based[i];
        r.scope = parse_history_scope(scopes[i]).value_or(history_scope::school);
        r.note = notes[i];
        r.made_at = made[i];
        found.push_back(std::move(r));
    }, upns, subjects, years, schemes, predictors, sufficient, likely, expected, higher, based, scopes, notes, made);
    return found;
}

}  // namespace waymark::services
