// The pupils a statistic over assessment records covers and their records as they stood at an
// instant, as SQL pieces over `wm_pupils p`: one school's assessment under a pupil filter, or every
// school's assessment of a term (an authority's view, each pupil's assessment joined as `pa`). The
// statistics (summary_statistics, collection_health) write their GROUP BY around these, so counting
// stays in the database however many schools it holds.
#pragma once

#include "services/tracking/assessments.hpp"
#include "services/pupils/pupil_filter.hpp"

#include <initializer_list>
#include <optional>
#include <string>

namespace waymark::services {

class record_scope {
public:
    // The pupils on roll at the school that `filter` chooses (its academic year defaulting to the
    // assessment's), in the assessment's year groups. `instant` 'YYYY-MM-DDTHH:MM:SSZ' or "" (now);
    // a malformed one is a filter_error.
    record_scope(soci::session &session, const store::school &school, const assessment &which, pupil_filter filter,
                 const std::string &instant, inclusion which_pupils = inclusion::included);
    // Every school's latest assessment of `term` in `year` (by date, then the latest made) and the
    // pupils on roll there in its year groups.
    record_scope(domain::academic_year year, domain::term term, const std::string &instant,
                 inclusion which_pupils = inclusion::included);

    // What follows FROM: the pupils, and across schools their assessment `pa` and school `ps`.
    const std::string &from() const { return from_; }
    // The condition on those rows (after WHERE).
    const std::string &where() const { return where_; }
    // A pupil's NC year in the assessment's academic year (no parameters).
    const std::string &nc_year() const { return nc_year_; }
    // " JOIN (records of `kind` current at the instant) alias ON alias.pupil_id = p.id ...": of these
    // subjects only when some are named, with `on` added to the join condition, a LEFT JOIN when
    // `left`. The derived table has the columns pupil_id, assessment_id, subject_id, value, judged_year.
    std::string join_records(const char *kind, const std::string &alias, std::initializer_list<const char *> subject_codes = {},
                             const std::string &on = "", bool left = false) const;
    // An SQL expression for the assessment a pupil's row belongs to.
    const std::string &assessment_id() const { return assessment_id_; }
    // The ids of the assessments in scope, as the inside of an SQL IN (...) list.
    const std::string &assessments() const { return assessments_; }

    // Binds the pupil filter's values and (given an instant) the instant of each records alias joined.
    void bind(soci::details::prepare_temp_type &query, std::initializer_list<std::string> aliases) const;

private:
    std::optional<pupil_condition> condition_;
    std::string from_;
    std::string where_;
    std::string nc_year_;
    std::string assessment_id_;
    std::string assessments_;
    std::string instant_;
};

}  // namespace waymark::services
