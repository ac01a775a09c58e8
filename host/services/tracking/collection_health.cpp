#include "services/tracking/collection_health.hpp"

#include "store/fetch_rows.hpp"
#include "services/tracking/record_scope.hpp"

#include <algorithm>
#include <map>

namespace waymark::services {
namespace {

// Included (or excluded) pupils on roll in the assessment's year groups, per class name.
std::map<std::string, int> class_sizes(soci::session &session, const record_scope &scope) {
    std::map<std::string, int> sizes;
    std::vector<std::string> classes;
    std::vector<int> counts;
    store::size_for_fetch(classes, counts);
    auto query = (session.prepare << "SELECT CAST(COALESCE(c.name, '') AS VARCHAR(60)), CAST(COUNT(*) AS INTEGER) FROM " +
                                         scope.from() + " LEFT JOIN wm_classes c ON c.id = p.class_id WHERE " + scope.where() +
                                         " GROUP BY c.name",
                  soci::into(classes), soci::into(counts));
    scope.bind(query, {});
    soci::statement rows(query);
    store::fetch_rows(rows, [&](std::size_t i) { sizes[classes[i]] += counts[i]; }, classes, counts);
    return sizes;
}

int total(const std::map<std::string, int> &sizes) {
    int sum = 0;
    for (const auto &[name, count] : sizes) sum += count;
    return sum;
}

}  // namespace

collection_health check_collection(soci::session &session, const store::school &school, const assessment &which) {
    const record_scope scope(session, school, which, {}, "");
    collection_health health;
    health.assessment = which.name;
    health.assessment_id = which.id;
    const auto sizes = class_sizes(session, scope);
    health.pupils = total(sizes);
    health.excluded_pupils = total(class_sizes(session, record_scope(session, school, which, {}, "", inclusion::excluded)));
    health.expected = health.pupils * static_cast<int>(which.subjects.size());

    // Every (pupil, subject of the assessment) pair without a current judgement.
    std::vector<std::string> classes, subjects, upns, surnames, forenames;
    store::size_for_fetch(classes, subjects, upns, surnames, forenames);
    auto query = (session.prepare << "SELECT CAST(COALESCE(c.name, '') AS VARCHAR(60)), s.code, p.upn, p.surname, p.forename "
                                     "FROM " + scope.from() + " JOIN wm_assessment_subjects x ON x.assessment_id = " +
                                         scope.assessment_id() + " JOIN wm_subjects s ON s.id = x.subject_id" +
                                         scope.join_records("judgement", "j", {}, " AND j.subject_id = x.subject_id", true) +
                                         " LEFT JOIN wm_classes c ON c.id = p.class_id WHERE " + scope.where() +
                                         " AND j.pupil_id IS NULL ORDER BY c.name, s.id, p.surname, p.forename, p.upn",
                  soci::into(classes), soci::into(subjects), soci::into(upns), soci::into(surnames), soci::into(forenames));
    scope.bind(query, {"j"});
    soci::statement rows(query);
    std::vector<collection_gap> gaps;
    store::fetch_rows(rows, [&](std::size_t i) {
        if (gaps.empty() || gaps.back().class_name != classes[i] || gaps.back().subject != subjects[i])
            gaps.push_back({classes[i], subjects[i], sizes.at(classes[i]), {}});
        gaps.back().missing.push_back({upns[i], surnames[i], forenames[i]});
        ++health.missing;
    }, classes, subjects, upns, surnames, forenames);
    // The database orders NULL classes (no class) differently; the named classes come in name order either way.
    std::stable_sort(gaps.begin(), gaps.end(), [](const auto &a, const auto &b) { return a.class_name < b.class_name; });
    health.gaps = std::move(gaps);
    return health;
}

std::vector<collection_health> check_collection(soci::session &session, const store::school &school,
                                                domain::academic_year year, domain::term term) {
    std::vector<collection_health> all;
    for (const auto &which : list_assessments(session, school.id))
        if (which.year == year && which.term == term) all.push_back(check_collection(session, school, which));
    return all;
}

}  // namespace waymark::services
