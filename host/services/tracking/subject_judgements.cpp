#include "services/tracking/subject_judgements.hpp"

#include "store/fetch_rows.hpp"

#include <algorithm>

namespace waymark::services {

namespace {

// Judgements of the subject matching `filter` (SQL over a and r, built only from numbers).
std::map<long long, std::vector<dated_judgement>> read_judgements(soci::session &session, long long subject_id,
                                                                  const std::string &filter) {
    std::vector<long long> pupil_column;
    std::vector<int> years;
    std::vector<std::string> terms, dates, codes, schemes;
    store::size_for_fetch(pupil_column, years, terms, dates, codes, schemes);
    soci::statement rows =
        (session.prepare << "SELECT r.pupil_id, a.academic_year, a.term, a.assessed_on, r.value, j.scheme_id "
                            "FROM wm_assessment_records r JOIN wm_assessments a ON a.id = r.assessment_id "
                            "JOIN wm_assessment_subjects j ON j.assessment_id = r.assessment_id AND j.subject_id = r.subject_id "
                            "WHERE r.subject_id = " + std::to_string(subject_id) + filter +
                                " AND r.cell_kind = 'judgement' AND r.cleared = 0 AND NOT EXISTS "
                                "(SELECT 1 FROM wm_assessment_records n WHERE n.supersedes_id = r.id) "
                                "ORDER BY r.pupil_id, a.assessed_on, a.id",
         soci::into(pupil_column), soci::into(years), soci::into(terms), soci::into(dates), soci::into(codes),
         soci::into(schemes));
    std::map<long long, std::vector<dated_judgement>> found;
    store::fetch_rows(rows, [&](std::size_t i) {
        found[pupil_column[i]].push_back(
            {years[i], domain::parse_term(terms[i]).value_or(domain::term::autumn), dates[i], codes[i], schemes[i]});
    }, pupil_column, years, terms, dates, codes, schemes);
    return found;
}

}  // namespace

std::map<long long, std::vector<dated_judgement>> subject_judgements(soci::session &session, const store::school &school,
                                                                     long long subject_id,
                                                                     const std::set<long long> &pupil_ids) {
    std::string filter = " AND a.school_id = " + std::to_string(school.id);
    std::string pupils;
    for (const long long id : pupil_ids) pupils += (pupils.empty() ? " AND r.pupil_id IN (" : ",") + std::to_string(id);
    if (!pupils.empty()) filter += pupils + ")";
    return read_judgements(session, subject_id, filter);
}

std::map<long long, std::vector<dated_judgement>> subject_judgements_everywhere(soci::session &session,
                                                                                long long subject_id) {
    return read_judgements(session, subject_id, "");
}

const dated_judgement *earliest_in(const std::vector<dated_judgement> &judgements, const std::string &scheme_id) {
    const auto found = std::find_if(judgements.begin(), judgements.end(),
                                    [&](const dated_judgement &j) { return j.scheme_id == scheme_id; });
    return found == judgements.end() ? nullptr : &*found;
}

const dated_judgement *latest_in(const std::vector<dated_judgement> &judgements, const std::string &scheme_id) {
    const auto found = std::find_if(judgements.rbegin(), judgements.rend(),
                                    [&](const dated_judgement &j) { return j.scheme_id == scheme_id; });
    return found == judgements.rend() ? nullptr : &*found;
}

int terms_until_summer(const dated_judgement &from, int academic_year) {
    return 3 * (academic_year - from.academic_year) + (2 - static_cast<int>(from.term));
}

}  // namespace waymark::services
