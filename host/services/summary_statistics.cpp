#include "services/summary_statistics.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace waymark::services {
namespace {

constexpr std::size_t batch = 256;

double two_decimals(double value) { return std::round(value * 100.0) / 100.0; }

double percent_of(int part, int whole) { return whole == 0 ? 0.0 : two_decimals(100.0 * part / whole); }

void check_instant(const std::string &instant) {
    const bool shaped = instant.size() == 20 && instant[10] == 'T' && instant[13] == ':' && instant[16] == ':' &&
                        instant[19] == 'Z' && domain::parse_iso_date(std::string_view(instant).substr(0, 10));
    if (!shaped) throw filter_error("--as-of takes an instant such as 2026-02-10T16:00:00Z, not \"" + instant + "\".");
}

// The records of one kind of cell of the assessment that are current as of :t<suffix> (not
// superseded then and not cleared): a derived table r(pupil_id, subject_id, value, judged_year).
// `subject_code` narrows it to one of our fixed subject codes.
std::string current_records(const char *kind, const std::string &suffix, const char *subject_code = nullptr) {
    std::string sql = "(SELECT r.pupil_id, r.subject_id, r.value, r.judged_year FROM wm_assessment_records r "
                      "WHERE r.assessment_id = :a" + suffix + " AND r.cell_kind = '" + kind + "' AND r.cleared = 0 "
                      "AND r.recorded_at <= :t" + suffix + " AND NOT EXISTS (SELECT 1 FROM wm_assessment_records n "
                      "WHERE n.supersedes_id = r.id AND n.recorded_at <= :u" + suffix + ")";
    if (subject_code != nullptr) sql += std::string(" AND r.subject_id = (SELECT id FROM wm_subjects WHERE code = '") + subject_code + "')";
    return sql + ")";
}

// The parameters of every statement here: the pupil condition, the assessment, the instant.
class statistics_query {
public:
    statistics_query(soci::session &session, const store::school &school, const assessment &which, const pupil_filter &filter,
                     const std::string &instant)
        : condition_(session, school, filter), assessment_id_(which.id), instant_(instant.empty() ? "9999-12-31T23:59:59Z" : instant) {}

    const pupil_condition &condition() const { return condition_; }
    // The filtered, included pupils in the assessment's year groups.
    std::string pupils_where() const {
        return condition_.where() + " AND " + condition_.nc_year_sql() +
               " IN (SELECT g.nc_year FROM wm_assessment_year_groups g WHERE g.assessment_id = :ay)";
    }
    // The context year of a record r of pupil p: the year it was judged against, else the pupil's.
    std::string context_year() const { return "COALESCE(" + std::string("r.judged_year, ") + condition_.nc_year_sql() + ")"; }

    // Binds the condition, the year groups' assessment and current_records(..., suffix) for each suffix.
    void bind(soci::details::prepare_temp_type &query, std::initializer_list<const char *> suffixes) {
        condition_.bind(query);
        query, soci::use(assessment_id_, "ay");
        for (const char *suffix : suffixes) {
            query, soci::use(assessment_id_, std::string("a") + suffix);
            query, soci::use(instant_, std::string("t") + suffix);
            query, soci::use(instant_, std::string("u") + suffix);
        }
    }

private:
    pupil_condition condition_;
    long long assessment_id_;
    std::string instant_;
};

// Evaluations of every grade of a subject's scheme in one context, asked of the plugin once.
class evaluations {
public:
    evaluations(const assessment &which, const scheme_library &schemes) : which_(which), schemes_(schemes) {}

    const plugins::scheme &scheme(const std::string &subject) const { return schemes_.get(which_.subject(subject)->scheme_id); }

    // The evaluation of `code` for `subject` in NC year `year`, or nothing when the scheme lacks the code.
    std::optional<waymark_evaluation> of(const std::string &subject, int year, const std::string &code) {
        const plugins::scheme &judged = scheme(subject);
        const auto grade = judged.find_code(code);
        if (!grade) return std::nullopt;
        auto [found, fresh] = cache_.try_emplace({subject, year});
        if (fresh) {
            const plugins::judgement_context context{year, static_cast<int32_t>(which_.term) + WAYMARK_TERM_AUTUMN, subject};
            std::vector<uint32_t> grades(judged.grade_count());
            for (uint32_t i = 0; i < grades.size(); ++i) grades[i] = i;
            found->second.resize(grades.size());
            judged.evaluate(context, grades, found->second);
        }
        return found->second[*grade];
    }

private:
    const assessment &which_;
    const scheme_library &schemes_;
    std::map<std::pair<std::string, int>, std::vector<waymark_evaluation>> cache_;
};

int count_pupils(soci::session &session, statistics_query &query) {
    int count = 0;
    auto statement = (session.prepare << "SELECT CAST(COUNT(*) AS INTEGER) FROM wm_pupils p WHERE " + query.pupils_where(),
                      soci::into(count));
    query.bind(statement, {});
    soci::statement(statement).execute(true);
    return count;
}

void count_judgements(soci::session &session, statistics_query &query, evaluations &evaluated,
                      std::map<std::string, subject_summary> &subjects) {
    std::vector<std::string> codes(batch), values(batch);
    std::vector<int> years(batch), counts(batch);
    const std::string context = query.context_year();
    auto statement = (session.prepare << "SELECT s.code, CAST(" + context + " AS INTEGER), r.value, CAST(COUNT(*) AS INTEGER) FROM " +
                                             current_records("judgement", "j") + " r JOIN wm_pupils p ON p.id = r.pupil_id "
                                             "JOIN wm_subjects s ON s.id = r.subject_id WHERE " + query.pupils_where() +
                                             " GROUP BY s.code, " + context + ", r.value",
                      soci::into(codes), soci::into(years), soci::into(values), soci::into(counts));
    query.bind(statement, {"j"});
    soci::statement rows(statement);
    rows.execute();
    while (rows.fetch()) {
        for (std::size_t i = 0; i < codes.size(); ++i) {
            const auto found = subjects.find(codes[i]);
            if (found == subjects.end()) continue;  // a subject taken out of the assessment keeps its records
            subject_summary &summary = found->second;
            const auto evaluation = evaluated.of(codes[i], years[i], values[i]);
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
        for (auto *column : {&codes, &values}) column->resize(batch);
        years.resize(batch);
        counts.resize(batch);
    }
}

int count_reading_writing_maths(soci::session &session, statistics_query &query, evaluations &evaluated) {
    std::array<std::vector<std::string>, 3> values{std::vector<std::string>(batch), std::vector<std::string>(batch),
                                                   std::vector<std::string>(batch)};
    std::array<std::vector<int>, 3> years{std::vector<int>(batch), std::vector<int>(batch), std::vector<int>(batch)};
    std::vector<int> counts(batch);
    constexpr std::array<const char *, 3> core{"reading", "writing", "maths"};
    constexpr std::array<const char *, 3> alias{"rd", "wr", "ma"};
    std::string select, from, group;
    for (std::size_t s = 0; s < core.size(); ++s) {
        const std::string a = alias[s];
        const std::string year = "COALESCE(" + a + ".judged_year, " + query.condition().nc_year_sql() + ")";
        select += a + ".value, CAST(" + year + " AS INTEGER), ";
        from += " JOIN " + current_records("judgement", a, core[s]) + " " + a + " ON " + a + ".pupil_id = p.id";
        group += (s == 0 ? "" : ", ") + a + ".value, " + year;
    }
    auto statement = (session.prepare << "SELECT " + select + "CAST(COUNT(*) AS INTEGER) FROM wm_pupils p" + from + " WHERE " +
                                             query.pupils_where() + " GROUP BY " + group,
                      soci::into(values[0]), soci::into(years[0]), soci::into(values[1]), soci::into(years[1]),
                      soci::into(values[2]), soci::into(years[2]), soci::into(counts));
    query.bind(statement, {"rd", "wr", "ma"});
    soci::statement rows(statement);
    int on_track = 0;
    rows.execute();
    while (rows.fetch()) {
        for (std::size_t i = 0; i < counts.size(); ++i) {
            bool all = true;
            for (std::size_t s = 0; s < core.size() && all; ++s) {
                const auto evaluation = evaluated.of(core[s], years[s][i], values[s][i]);
                all = evaluation && evaluation->on_track != 0;
            }
            if (all) on_track += counts[i];
        }
        for (std::size_t s = 0; s < core.size(); ++s) {
            values[s].resize(batch);
            years[s].resize(batch);
        }
        counts.resize(batch);
    }
    return on_track;
}

void average_test_scores(soci::session &session, statistics_query &query, const assessment &which,
                         std::vector<test_score_summary> &scores) {
    std::vector<std::string> codes(batch), values(batch);
    std::vector<int> counts(batch);
    auto statement = (session.prepare << "SELECT s.code, r.value, CAST(COUNT(*) AS INTEGER) FROM " +
                                             current_records("test", "s") + " r JOIN wm_pupils p ON p.id = r.pupil_id "
                                             "JOIN wm_subjects s ON s.id = r.subject_id WHERE " + query.pupils_where() +
                                             " GROUP BY s.code, r.value",
                      soci::into(codes), soci::into(values), soci::into(counts));
    query.bind(statement, {"s"});
    soci::statement rows(statement);
    std::map<std::string, double> totals;
    rows.execute();
    while (rows.fetch()) {
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

}  // namespace

assessment_summary summarise(soci::session &session, const store::school &school, const assessment &which,
                             const scheme_library &schemes, pupil_filter filter, const std::string &instant) {
    if (!instant.empty()) check_instant(instant);
    if (!filter.academic_year) filter.academic_year = which.year;
    assessment_summary summary;
    summary.assessment = which.name;
    summary.filter = filter.describe();
    summary.as_of = instant;
    statistics_query query(session, school, which, filter, instant);
    summary.pupils = count_pupils(session, query);
    summary.excluded_pupils = excluded_pupils(session, school, filter);

    evaluations evaluated(which, schemes);
    std::map<std::string, subject_summary> by_code;
    for (const auto &subject : which.subjects) {
        subject_summary &row = by_code[subject.code];
        row.subject = subject.code;
        row.scheme_id = subject.scheme_id;
        for (const auto &grade : evaluated.scheme(subject.code).grades()) row.grades.push_back({grade.code, grade.label, 0, 0});
        if (subject.test_score) summary.test_scores.push_back({subject.code, std::string(test_score_kind_name(*subject.test_score)), 0, {}});
    }
    count_judgements(session, query, evaluated, by_code);
    for (const auto &subject : which.subjects) {
        subject_summary &row = by_code.at(subject.code);
        for (auto &grade : row.grades) grade.percent = percent_of(grade.pupils, summary.pupils);
        row.on_track_percent = percent_of(row.on_track, summary.pupils);
        row.no_judgement = summary.pupils - row.judged - row.unrecognised;
        summary.subjects.push_back(std::move(row));
    }
    summary.reading_writing_maths_on_track = count_reading_writing_maths(session, query, evaluated);
    summary.reading_writing_maths_percent = percent_of(summary.reading_writing_maths_on_track, summary.pupils);
    if (!summary.test_scores.empty()) average_test_scores(session, query, which, summary.test_scores);
    return summary;
}

}  // namespace waymark::services
