#include "services/tracking/record_scope.hpp"

#include "services/tracking/judgements.hpp"

namespace waymark::services {
namespace {

void check_instant(const std::string &instant) {
    if (instant.empty()) return;
    if (as_of_instant(instant) != instant) throw filter_error("--as-of takes an instant such as 2026-02-10T16:00:00Z, not \"" + instant + "\".");
}

const char *included_value(inclusion which) { return which == inclusion::excluded ? "0" : "1"; }

}  // namespace

// Years, terms and ids here are our own integers and enum names, so they are written into the SQL
// as literals; only the filter's values and the instant are bound.
record_scope::record_scope(soci::session &session, const store::school &school, const assessment &which, pupil_filter filter,
                           const std::string &instant, inclusion which_pupils)
    : instant_(instant) {
    check_instant(instant);
    if (!filter.academic_year) filter.academic_year = which.year;
    condition_.emplace(session, school, filter, which_pupils);
    const std::string id = std::to_string(which.id);
    from_ = "wm_pupils p";
    nc_year_ = condition_->nc_year_sql();
    where_ = condition_->where() + " AND " + nc_year_ + " IN (SELECT g.nc_year FROM wm_assessment_year_groups g WHERE g.assessment_id = " + id + ")";
    assessment_id_ = id;
    assessments_ = id;
}

record_scope::record_scope(domain::academic_year year, domain::term term, const std::string &instant, inclusion which_pupils)
    : instant_(instant) {
    check_instant(instant);
    const std::string period =
        "SELECT a.id FROM wm_assessments a WHERE a.academic_year = " + std::to_string(year.start_year) + " AND a.term = '" +
        std::string(domain::term_name(term)) + "' AND NOT EXISTS (SELECT 1 FROM wm_assessments b WHERE b.school_id = "
        "a.school_id AND b.academic_year = a.academic_year AND b.term = a.term AND (b.assessed_on > a.assessed_on OR "
        "(b.assessed_on = a.assessed_on AND b.id > a.id)))";
    from_ = "wm_pupils p JOIN wm_schools ps ON ps.id = p.school_id JOIN wm_assessments pa ON pa.school_id = p.school_id "
            "AND pa.id IN (" + period + ")";
    // As pupil_condition's NC year, with each school's own current year (the year override's base).
    const std::string cohort =
        "(CAST(SUBSTR(p.date_of_birth, 1, 4) AS INTEGER) - CASE WHEN SUBSTR(p.date_of_birth, 6, 2) < '09' THEN 1 ELSE 0 END)";
    nc_year_ = "COALESCE(p.year_override + " + std::to_string(year.start_year) + " - ps.current_academic_year, " +
               std::to_string(year.start_year - 5) + " - " + cohort + ")";
    where_ = "p.archived = 0";
    if (which_pupils != inclusion::all) where_ += std::string(" AND p.include_in_data = ") + included_value(which_pupils);
    where_ += " AND " + nc_year_ + " IN (SELECT g.nc_year FROM wm_assessment_year_groups g WHERE g.assessment_id = pa.id)";
    assessment_id_ = "pa.id";
    assessments_ = period;
}

std::string record_scope::join_records(const char *kind, const std::string &alias, std::initializer_list<const char *> subject_codes,
                                      const std::string &on, bool left) const {
    std::string subjects;
    for (const char *code : subject_codes) subjects += (subjects.empty() ? "'" : ", '") + std::string(code) + "'";
    if (!subjects.empty()) subjects = " AND r.subject_id IN (SELECT id FROM wm_subjects WHERE code IN (" + subjects + "))";
    // Current: not cleared and superseded by nothing; as of an instant, recorded by then and
    // superseded by nothing recorded by then. Without one every record so far counts, and the
    // supersedes index alone answers the NOT EXISTS.
    const std::string by_then = instant_.empty() ? "" : " AND r.recorded_at <= :t" + alias;
    const std::string superseded_by_then = instant_.empty() ? "" : " AND n.recorded_at <= :u" + alias;
    return std::string(left ? " LEFT" : "") + " JOIN (SELECT r.pupil_id, r.assessment_id, r.subject_id, r.value, r.judged_year "
           "FROM wm_assessment_records r WHERE r.assessment_id IN (" + assessments_ + ")" + subjects + " AND r.cell_kind = '" +
           kind + "' AND r.cleared = 0" + by_then + " AND NOT EXISTS (SELECT 1 FROM wm_assessment_records n WHERE "
           "n.supersedes_id = r.id" + superseded_by_then + ")) " + alias + " ON " + alias + ".pupil_id = p.id AND " + alias +
           ".assessment_id = " + assessment_id_ + on;
}

void record_scope::bind(soci::details::prepare_temp_type &query, std::initializer_list<std::string> aliases) const {
    if (condition_) condition_->bind(query);
    if (instant_.empty()) return;
    for (const auto &alias : aliases) {
        query, soci::use(instant_, "t" + alias);
        query, soci::use(instant_, "u" + alias);
    }
}

}  // namespace waymark::services
