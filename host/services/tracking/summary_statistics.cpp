#include "services/tracking/summary_statistics.hpp"

#include "store/fetch_rows.hpp"
#include "services/tracking/record_scope.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace waymark::services {
namespace {

constexpr std::size_t batch = 256;

double two_decimals(double value) { return std::round(value * 100.0) / 100.0; }

double percent_of(int part, int whole) { return whole == 0 ? 0.0 : two_decimals(100.0 * part / whole); }

// A subject's row is keyed by its code and the scheme it is judged in.
using subject_key = std::pair<std::string, std::string>;
using subject_rows = std::map<subject_key, subject_summary>;

// Evaluations of every grade of a scheme in one context, asked of the plugin once.
class evaluations {
public:
    evaluations(const scheme_library &schemes, domain::term term) : schemes_(schemes), term_(term) {}

    const plugins::scheme &scheme(const std::string &id) const { return schemes_.get(id); }

    // The evaluation of `code` for `subject` in NC year `year`, or nothing when the scheme lacks the code.
    std::optional<waymark_evaluation> of(const subject_key &subject, int year, const std::string &code) {
        if (subject.second.empty()) return std::nullopt;  // a subject the assessment no longer judges
        const plugins::scheme &judged = scheme(subject.second);
        const auto grade = judged.find_code(code);
        if (!grade) return std::nullopt;
        auto [found, fresh] = cache_.try_emplace({subject, year});
        if (fresh) {
            const plugins::judgement_context context{year, static_cast<int32_t>(term_) + WAYMARK_TERM_AUTUMN, subject.first};
            std::vector<uint32_t> grades(judged.grade_count());
            for (uint32_t i = 0; i < grades.size(); ++i) grades[i] = i;
            found->second.resize(grades.size());
            judged.evaluate(context, grades, found->second);
        }
        return found->second[*grade];
    }

private:
    const scheme_library &schemes_;
    domain::term term_;
    std::map<std::pair<subject_key, int>, std::vector<waymark_evaluation>> cache_;
};

subject_summary empty_row(const std::string &subject, const std::string &scheme_id, const evaluations &evaluated) {
    subject_summary row;
    row.subject = subject;
    row.scheme_id = scheme_id;
    for (const auto &grade : evaluated.scheme(scheme_id).grades()) row.grades.push_back({grade.code, grade.label, 0, 0});
    return row;
}

// A pupil's context year for a record alias: the year it was judged against, else the pupil's.
std::string context_year(const record_scope &scope, const std::string &alias) {
    return "COALESCE(" + alias + ".judged_year, " + scope.nc_year() + ")";
}

int count_pupils(soci::session &session, const record_scope &scope) {
    int count = 0;
    auto statement = (session.prepare << "SELECT CAST(COUNT(*) AS INTEGER) FROM " + scope.from() + " WHERE " + scope.where(),
                      soci::into(count));
    scope.bind(statement, {});
    soci::statement(statement).execute(true);
    return count;
}

// The scheme of a current judgement j (with its subject s) in SQL. When every assessment in scope
// judges each subject in one scheme (always so within one assessment) it is a CASE over the subject
// code and no join; otherwise the assessment's subject row is joined for it.
struct scheme_source {
    std::string join;
    std::string column;
};

scheme_source scheme_of_judgements(const std::map<std::string, std::set<std::string>> &schemes_by_subject) {
    const bool single = std::all_of(schemes_by_subject.begin(), schemes_by_subject.end(),
                                    [](const auto &subject) { return subject.second.size() == 1; });
    if (!single)
        return {" JOIN wm_assessment_subjects x ON x.assessment_id = j.assessment_id AND x.subject_id = j.subject_id", "x.scheme_id"};
    const auto quoted = [](const std::string &text) {
        std::string out = "'";
        for (const char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
        return out + "'";
    };
    std::string column = "CASE s.code";
    for (const auto &[code, schemes] : schemes_by_subject) column += " WHEN " + quoted(code) + " THEN " + quoted(*schemes.begin());
    return {"", column + " ELSE '' END"};
}

void count_judgements(soci::session &session, const record_scope &scope, const scheme_source &scheme, evaluations &evaluated,
                      subject_rows &rows) {
    std::vector<std::string> codes(batch), schemes(batch), values(batch);
    std::vector<int> years(batch), counts(batch);
    const std::string context = context_year(scope, "j");
    auto statement = (session.prepare << "SELECT s.code, " + scheme.column + ", CAST(" + context + " AS INTEGER), j.value, "
                                             "CAST(COUNT(*) AS INTEGER) FROM " + scope.from() + scope.join_records("judgement", "j") +
                                             scheme.join + " JOIN wm_subjects s ON s.id = j.subject_id WHERE " + scope.where() +
                                             " GROUP BY s.code, " + scheme.column + ", " + context + ", j.value",
                      soci::into(codes), soci::into(schemes), soci::into(years), soci::into(values), soci::into(counts));
    scope.bind(statement, {"j"});
    soci::statement fetched(statement);
    fetched.execute();
    while (fetched.fetch()) {
        for (std::size_t i = 0; i < codes.size(); ++i) {
            const subject_key key{codes[i], schemes[i]};
            const auto found = rows.find(key);
            if (found == rows.end()) continue;  // a subject taken out of the assessment keeps its records
            subject_summary &summary = found->second;
            const auto evaluation = evaluated.of(key, years[i], values[i]);
            if (!evaluation) {
                summary.unrecognised += counts[i];
                continue;
            }
            summary.judged += counts[i];
            const auto grade = std::find_if(summary.grades.begin(), summary.grades.end(),
                                            [&](const grade_count &g) { return g.code == values[i]; });
            grade->pupils += counts[i];
            if (evaluation->on_track != 0) summary.on_track += counts[i];
            summary.bands.at(static_cast<std::size_t>(std::clamp(evaluation->band, 0, 3))) += counts[i];
        }
        for (auto *column : {&codes, &schemes, &values}) column->resize(batch);
        years.resize(batch);
        counts.resize(batch);
    }
}

// One row per pupil with all three core judgements (their values, schemes and context years side by
// side), grouped again by those: a single pass over the records, which both planners handle well
// where three joins of the records table did not (PostgreSQL nested them into minutes).
int count_reading_writing_maths(soci::session &session, const record_scope &scope, const scheme_source &scheme,
                                evaluations &evaluated) {
    constexpr std::size_t core_count = 3;
    constexpr std::array<const char *, core_count> core{"reading", "writing", "maths"};
    std::array<std::vector<std::string>, core_count> values, schemes;
    std::array<std::vector<int>, core_count> years;
    std::vector<int> counts(batch);
    const std::string context = context_year(scope, "j");
    std::string pivot, columns;
    for (std::size_t s = 0; s < core_count; ++s) {
        const std::string when = std::string("MAX(CASE WHEN s.code = '") + core[s] + "' THEN ";
        const std::string n = std::to_string(s);
        pivot += when + "j.value END) AS v" + n + ", " + when + scheme.column + " END) AS s" + n + ", " + when + "CAST(" + context +
                 " AS INTEGER) END) AS y" + n + ", ";
        columns += (s == 0 ? "" : ", ") + ("v" + n + ", s" + n + ", y" + n);
        values[s].resize(batch);
        schemes[s].resize(batch);
        years[s].resize(batch);
    }
    auto statement = (session.prepare << "SELECT " + columns + ", CAST(COUNT(*) AS INTEGER) FROM (SELECT " + pivot +
                                             "p.id FROM " + scope.from() + scope.join_records("judgement", "j", {"reading", "writing", "maths"}) +
                                             scheme.join + " JOIN wm_subjects s ON s.id = j.subject_id WHERE " + scope.where() +
                                             " GROUP BY p.id, "
                                             "j.assessment_id HAVING COUNT(*) = 3) core GROUP BY " + columns,
                      soci::into(values[0]), soci::into(schemes[0]), soci::into(years[0]), soci::into(values[1]),
                      soci::into(schemes[1]), soci::into(years[1]), soci::into(values[2]), soci::into(schemes[2]),
                      soci::into(years[2]), soci::into(counts));
    scope.bind(statement, {"j"});
    soci::statement fetched(statement);
    int on_track = 0;
    fetched.execute();
    while (fetched.fetch()) {
        for (std::size_t i = 0; i < counts.size(); ++i) {
            bool all = true;
            for (std::size_t s = 0; s < core_count && all; ++s) {
                const auto evaluation = evaluated.of({core[s], schemes[s][i]}, years[s][i], values[s][i]);
                all = evaluation && evaluation->on_track != 0;
            }
            if (all) on_track += counts[i];
        }
        for (std::size_t s = 0; s < core_count; ++s) {
            values[s].resize(batch);
            schemes[s].resize(batch);
            years[s].resize(batch);
        }
        counts.resize(batch);
    }
    return on_track;
}

void average_test_scores(soci::session &session, const record_scope &scope, const assessment &which,
                         std::vector<test_score_summary> &scores) {
    std::vector<std::string> codes(batch), values(batch);
    std::vector<int> counts(batch);
    auto statement = (session.prepare << "SELECT s.code, t.value, CAST(COUNT(*) AS INTEGER) FROM " + scope.from() +
                                             scope.join_records("test", "t") + " JOIN wm_subjects s ON s.id = t.subject_id WHERE " +
                                             scope.where() + " GROUP BY s.code, t.value",
                      soci::into(codes), soci::into(values), soci::into(counts));
    scope.bind(statement, {"t"});
    soci::statement fetched(statement);
    std::map<std::string, double> totals;
    fetched.execute();
    while (fetched.fetch()) {
        for (std::size_t i = 0; i < codes.size(); ++i) {
            const assessment_subject *subject = which.subject(codes[i]);
            auto found = std::find_if(scores.begin(), scores.end(), [&](const auto &s) { return s.subject == codes[i]; });
            if (subject == nullptr || !subject->test_score || found == scores.end()) continue;
            // Distinct scores only: a school's scores are a few dozen values however many pupils sat the test.
            totals[codes[i]] += parse_test_score(values[i], *subject->test_score) * counts[i];
            found->pupils += counts[i];
        }
        for (auto *column : {&codes, &values}) column->resize(batch);
        counts.resize(batch);
    }
    for (auto &score : scores) {
        if (score.pupils > 0) score.average = two_decimals(totals[score.subject] / score.pupils);
    }
}

// Percentages of each row's pupils, and the pupils of a row who have no judgement in it.
void finish_row(subject_summary &row) {
    for (auto &grade : row.grades) grade.percent = percent_of(grade.pupils, row.pupils);
    row.on_track_percent = percent_of(row.on_track, row.pupils);
    row.no_judgement = row.pupils - row.judged - row.unrecognised;
}

}  // namespace

assessment_summary summarise(soci::session &session, const store::school &school, const assessment &which,
                             const scheme_library &schemes, pupil_filter filter, const std::string &instant) {
    if (!filter.academic_year) filter.academic_year = which.year;
    const record_scope scope(session, school, which, filter, instant);
    assessment_summary summary;
    summary.assessment = which.name;
    summary.filter = filter.describe();
    summary.as_of = instant;
    summary.pupils = count_pupils(session, scope);
    // Those of the assessment's year groups, as the authority summary and collection health count them.
    summary.excluded_pupils = count_pupils(session, record_scope(session, school, which, filter, instant, inclusion::excluded));

    evaluations evaluated(schemes, which.term);
    subject_rows rows;
    std::map<std::string, std::set<std::string>> schemes_by_subject;
    for (const auto &subject : which.subjects) {
        schemes_by_subject[subject.code].insert(subject.scheme_id);
        subject_summary &row = rows[{subject.code, subject.scheme_id}] = empty_row(subject.code, subject.scheme_id, evaluated);
        row.pupils = summary.pupils;
        if (subject.test_score) summary.test_scores.push_back({subject.code, std::string(test_score_kind_name(*subject.test_score)), 0, {}});
    }
    const scheme_source scheme = scheme_of_judgements(schemes_by_subject);
    count_judgements(session, scope, scheme, evaluated, rows);
    for (const auto &subject : which.subjects) {
        subject_summary &row = rows.at({subject.code, subject.scheme_id});
        finish_row(row);
        summary.subjects.push_back(std::move(row));
    }
    summary.reading_writing_maths_on_track = count_reading_writing_maths(session, scope, scheme, evaluated);
    summary.reading_writing_maths_percent = percent_of(summary.reading_writing_maths_on_track, summary.pupils);
    if (!summary.test_scores.empty()) average_test_scores(session, scope, which, summary.test_scores);
    return summary;
}

authority_summary summarise_authority(soci::session &session, const scheme_library &schemes, domain::academic_year year,
                                      domain::term term, const std::string &instant) {
    const record_scope scope(year, term, instant);
    authority_summary summary;
    summary.year = year;
    summary.term = term;
    summary.as_of = instant;

    // The pupils of each assessment in scope, included or not, in one pass over the pupils.
    std::map<long long, int> included;
    {
        const record_scope everyone(year, term, instant, inclusion::all);
        std::vector<long long> ids;
        std::vector<int> flags, counts;
        store::size_for_fetch(ids, flags, counts);
        auto query = (session.prepare << "SELECT " + everyone.assessment_id() + ", p.include_in_data, CAST(COUNT(*) AS INTEGER) "
                                         "FROM " + everyone.from() + " WHERE " + everyone.where() + " GROUP BY " +
                                             everyone.assessment_id() + ", p.include_in_data",
                      soci::into(ids), soci::into(flags), soci::into(counts));
        everyone.bind(query, {});
        soci::statement rows(query);
        store::fetch_rows(rows, [&](std::size_t i) {
            if (flags[i] != 0) {
                included[ids[i]] += counts[i];
                summary.pupils += counts[i];
            } else {
                summary.excluded_pupils += counts[i];
            }
        }, ids, flags, counts);
    }

    // A row per subject and scheme, over the pupils of the assessments judging it so.
    evaluations evaluated(schemes, term);
    subject_rows rows;
    std::map<std::string, std::set<std::string>> schemes_by_subject;
    std::set<long long> schools;
    {
        std::vector<long long> ids, school_ids;
        std::vector<std::string> codes, scheme_ids;
        store::size_for_fetch(ids, school_ids, codes, scheme_ids);
        soci::statement subjects = (session.prepare << "SELECT x.assessment_id, a.school_id, s.code, x.scheme_id FROM "
                                                       "wm_assessment_subjects x JOIN wm_assessments a ON a.id = x.assessment_id "
                                                       "JOIN wm_subjects s ON s.id = x.subject_id WHERE x.assessment_id IN (" +
                                                           scope.assessments() + ")",
                                    soci::into(ids), soci::into(school_ids), soci::into(codes), soci::into(scheme_ids));
        store::fetch_rows(subjects, [&](std::size_t i) {
            schools.insert(school_ids[i]);
            schemes_by_subject[codes[i]].insert(scheme_ids[i]);
            auto [row, fresh] = rows.try_emplace({codes[i], scheme_ids[i]});
            if (fresh) row->second = empty_row(codes[i], scheme_ids[i], evaluated);
            row->second.pupils += included[ids[i]];
        }, ids, school_ids, codes, scheme_ids);
    }
    summary.schools = static_cast<int>(schools.size());
    if (schools.empty()) return summary;  // no school has an assessment that term
    const scheme_source scheme = scheme_of_judgements(schemes_by_subject);
    count_judgements(session, scope, scheme, evaluated, rows);
    const auto ids = subject_ids(session);
    std::vector<subject_summary> ordered;
    for (auto &[key, row] : rows) {
        finish_row(row);
        ordered.push_back(std::move(row));
    }
    std::stable_sort(ordered.begin(), ordered.end(), [&](const subject_summary &a, const subject_summary &b) {
        return ids.at(a.subject) < ids.at(b.subject);
    });
    summary.subjects = std::move(ordered);
    summary.reading_writing_maths_on_track = count_reading_writing_maths(session, scope, scheme, evaluated);
    summary.reading_writing_maths_percent = percent_of(summary.reading_writing_maths_on_track, summary.pupils);
    return summary;
}

}  // namespace waymark::services
