#include "reports/builders/progress_matrix.hpp"

#include <waymark/plugin.h>

#include "store/statutory.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace waymark::reports {
namespace {

constexpr std::size_t most_grade_headings = 8;

// Where a judgement is placed: a grade of the scheme, or an expectation band when the two sets are in
// different schemes (or one with too many grades for a readable matrix).
struct outcome_axis {
    bool by_band = false;
    std::vector<matrix_heading> headings;  // lowest first, without "No data"
    std::vector<std::string> codes;        // grade codes, when not by band
    bool ordered_last = true;              // false when the last heading ("No expectation") has no order
};

constexpr std::array<int, 4> band_order{WAYMARK_BAND_BELOW, WAYMARK_BAND_AT, WAYMARK_BAND_ABOVE, WAYMARK_BAND_NONE};
const std::array<band, 4> band_headings{{{"B", "Below expected", 0xF4A6A6},
                                         {"A", "At expected", 0x8FD18F},
                                         {"AB", "Above expected", 0x9EC5F0},
                                         {"N", "No expectation", 0xD9D9D9}}};

// One side of a matrix: the assessment's subject and each counted pupil's judgement in it.
struct side {
    const data_set *set;
    std::string subject;
    const plugins::scheme *scheme;
    std::string label;  // how headings and lists name this set: "Autumn 1", "Reading", "Reading, Autumn 1"
};

const services::assessment_subject &judged_subject(const services::assessment &which, const std::string &code,
                                                   const std::string &option, const assessment_cohort &cohort) {
    if (const auto *found = which.subject(code)) return *found;
    std::string judged;
    for (const auto &subject : which.subjects) judged += (judged.empty() ? "" : ", ") + subject.code;
    throw services::filter_error(option + " names " + cohort.subject_name(code) + ", which " + which.name +
                                   " does not judge; it judges " + judged + ".");
}

const services::grid_judgement *judgement_in(const services::grid_row *row, const std::string &subject) {
    if (row == nullptr) return nullptr;
    const auto found = row->judgements.find(subject);
    return found == row->judgements.end() ? nullptr : &found->second;
}

// One counted pupil's cell, and what their list line says of each set.
struct placed_pupil {
    const services::grid_row *later;
    std::size_t row, column;
    std::string earlier_text, later_text;
};

// A matrix before it becomes blocks: headings without "No data" (its index is their count).
struct matrix_layout {
    std::string subject_title;  // "Reading: " when both sets are one subject, else ""
    std::string earlier_label, later_label;
    std::vector<matrix_heading> rows, columns;
    std::vector<placed_pupil> pupils;
    std::array<int, 4> movement{};  // higher, same, lower, not comparable
    std::string not_comparable;     // what the fourth movement figure counts: "no data in one or both"
};

// Each set's pupils per outcome and with no data (the seed's "Primary Data"): the matrix's row and
// column totals. One outcome column when both sets share their headings, one per set otherwise.
table distribution(const std::string &subject_title, const matrix &m, const std::string &earlier_label,
                   const std::string &later_label, int total) {
    const auto totals = [&](bool of_rows) {
        std::vector<int> out(of_rows ? m.rows.size() : m.columns.size());
        for (std::size_t r = 0; r < m.rows.size(); ++r)
            for (std::size_t c = 0; c < m.columns.size(); ++c) out[of_rows ? r : c] += static_cast<int>(m.cells[r][c].count);
        return out;
    };
    const auto in_rows = totals(true), in_columns = totals(false);
    const auto count_cell = [&](int count) { return cell{count_and_percent(count, total), count, std::nullopt, "", 1}; };
    const auto outcome = [](const matrix_heading &h) { return cell{h.label, std::nullopt, h.heading_band, "", 1}; };
    const cell pupils{std::to_string(total), total, std::nullopt, "", 1};
    const cell counted{"Pupils counted", std::nullopt, std::nullopt, "", 1};
    table t;
    t.title = subject_title + "pupils at each outcome";
    const bool shared = std::equal(m.rows.begin(), m.rows.end(), m.columns.begin(), m.columns.end(),
                                   [](const auto &a, const auto &b) { return a.label == b.label; });
    if (shared) {
        t.columns = {{"Outcome", column_type::text, 1.0}, {earlier_label, column_type::integer, 1.0}, {later_label, column_type::integer, 1.0}};
        for (std::size_t i = 0; i < m.rows.size(); ++i) t.rows.push_back({outcome(m.rows[i]), count_cell(in_rows[i]), count_cell(in_columns[i])});
        t.footer_rows.push_back({counted, pupils, pupils});
        return t;
    }
    t.columns = {{earlier_label, column_type::text, 1.0}, {"Pupils", column_type::integer, 1.0},
                 {later_label, column_type::text, 1.0}, {"Pupils", column_type::integer, 1.0}};
    const cell blank = text_cell("");
    for (std::size_t i = 0; i < std::max(m.rows.size(), m.columns.size()); ++i) {
        const bool early = i < m.rows.size(), late = i < m.columns.size();
        t.rows.push_back({early ? outcome(m.rows[i]) : blank, early ? count_cell(in_rows[i]) : blank, late ? outcome(m.columns[i]) : blank,
                          late ? count_cell(in_columns[i]) : blank});
    }
    t.footer_rows.push_back({counted, pupils, blank, pupils});
    return t;
}

// The matrix, the movement line and the distribution, with each non-empty cell's pupils added to `lists`.
void add_matrix(document &doc, pupil_lists &lists, matrix_layout layout, std::size_t index) {
    const int total = static_cast<int>(layout.pupils.size());
    matrix m;
    m.title = layout.subject_title + layout.earlier_label + " (rows) against " + layout.later_label + " (columns)";
    m.row_title = layout.earlier_label;
    m.column_title = layout.later_label;
    m.rows = std::move(layout.rows);
    m.rows.push_back({"No data", std::nullopt, true});
    m.columns = std::move(layout.columns);
    m.columns.push_back({"No data", std::nullopt, true});
    std::vector<std::vector<pupil_list>> cells(m.rows.size(), std::vector<pupil_list>(m.columns.size()));
    for (auto &p : layout.pupils)
        cells[p.row][p.column].pupils.push_back({pupil_name(p.later->pupil), {p.later->pupil.class_name, std::move(p.earlier_text), std::move(p.later_text)}});
    m.cells.assign(m.rows.size(), std::vector<matrix_cell>(m.columns.size()));
    for (std::size_t r = 0; r < m.rows.size(); ++r) {
        for (std::size_t c = 0; c < m.columns.size(); ++c) {
            pupil_list &list = cells[r][c];
            matrix_cell &out = m.cells[r][c];
            out.count = static_cast<int64_t>(list.pupils.size());
            out.percent = percent(static_cast<int>(out.count), total);
            if (list.pupils.empty()) continue;
            list.id = "matrix" + std::to_string(index + 1) + "-" + std::to_string(r) + "-" + std::to_string(c);
            list.title = layout.subject_title + m.rows[r].label + " in " + layout.earlier_label + ", " + m.columns[c].label + " in " +
                         layout.later_label + ": " + count_and_percent(static_cast<int>(out.count), total);
            list.columns = {"Class", layout.earlier_label, layout.later_label};
            std::sort(list.pupils.begin(), list.pupils.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
            out.pupils = list.id;
            lists.lists.push_back(std::move(list));
        }
    }
    table shares = distribution(layout.subject_title, m, layout.earlier_label, layout.later_label, total);
    doc.blocks.emplace_back(std::move(m));
    // One line rather than a list, so a subject's matrix and distribution share a page.
    const auto &moved = layout.movement;
    doc.blocks.emplace_back(paragraph{"Higher in " + layout.later_label + " than in " + layout.earlier_label + ": " +
                                          count_and_percent(moved[0], total) + "  \u00b7  the same in both: " + count_and_percent(moved[1], total) +
                                          "  \u00b7  lower: " + count_and_percent(moved[2], total) + "  \u00b7  " + layout.not_comparable +
                                          ": " + count_and_percent(moved[3], total),
                                      false});
    doc.blocks.emplace_back(std::move(shares));
}

// The later set's pupils (the cohort of its assessment) and the document frame both builders share.
class later_side {
protected:
    explicit later_side(assessment_cohort cohort, const data_set &to) : cohort_(std::move(cohort)), to_(to) {
        for (const auto &part : cohort_.parts)
            for (const auto &pupil : part.pupils) later_.push_back(&pupil);
    }

    document frame(const std::string &title, const std::string &earlier_text) const {
        document doc = report_frame(cohort_, "progress_matrix", title,
                                    "Pupils included in data in " + to_.assessment.name +
                                        "'s year groups, by their outcome in the earlier data set (rows) and the later (columns)");
        doc.page_orientation = orientation::landscape;
        doc.filters.front() = "Later: " + assessment_text(to_.assessment);
        doc.filters.insert(doc.filters.begin(), "Earlier: " + earlier_text);
        doc.schemes.clear();
        return doc;
    }

    static void note_scheme(document &doc, const plugins::scheme &scheme) {
        const std::string &name = scheme.descriptor().name;
        if (std::find(doc.schemes.begin(), doc.schemes.end(), name) == doc.schemes.end()) doc.schemes.push_back(name);
    }

    assessment_cohort cohort_;
    const data_set &to_;
    std::vector<const services::grid_row *> later_;
    pupil_lists lists_;
};

class matrix_builder : later_side {
public:
    matrix_builder(soci::session &session, const services::scheme_library &schemes, assessment_cohort cohort,
                   const data_set &from, const data_set &to)
        : later_side(std::move(cohort), to), schemes_(schemes), from_(from) {
        services::pupil_selection counted;
        for (const auto *pupil : later_) counted.upns.push_back(pupil->pupil.upn);
        // An empty UPN list selects everyone, so nobody counted means nothing to load.
        if (!counted.upns.empty()) {
            earlier_ = services::load_class_grid(session, cohort_.scope.school, from.assessment, schemes, counted,
                                                 cohort_.scope.as_of).rows;
        }
        for (const auto &row : earlier_) earlier_of_[row.pupil.upn] = &row;
    }

    document build() {
        const auto pairs = subject_pairs();
        std::string title = "Progress matrix: ";
        if (pairs.size() == 1) {
            if (pairs[0].first == pairs[0].second) title += cohort_.subject_name(pairs[0].first) + ", ";
            title += label(pairs[0].first, pairs[0].second, true) + " against " + label(pairs[0].second, pairs[0].first, false);
        } else {
            title += from_.assessment.name + " against " + to_.assessment.name;
        }
        document doc = frame(title, assessment_text(from_.assessment));
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            if (i > 0) doc.blocks.emplace_back(page_break{});
            add_pair(doc, pairs[i].first, pairs[i].second, i);
        }
        add_appendix(doc, std::move(lists_), "Pupils in each cell");
        return doc;
    }

private:
    // The subjects compared, earlier first: both named, one named for both, or each subject both judge.
    std::vector<std::pair<std::string, std::string>> subject_pairs() const {
        std::string earlier = from_.subject.empty() ? to_.subject : from_.subject;
        std::string later = to_.subject.empty() ? from_.subject : to_.subject;
        if (!earlier.empty()) {
            judged_subject(from_.assessment, earlier, "--from", cohort_);
            judged_subject(to_.assessment, later, "--to", cohort_);
            return {{earlier, later}};
        }
        std::vector<std::pair<std::string, std::string>> pairs;
        for (const auto &subject : to_.assessment.subjects)
            if (from_.assessment.subject(subject.code)) pairs.emplace_back(subject.code, subject.code);
        if (pairs.empty())
            throw services::filter_error(from_.assessment.name + " and " + to_.assessment.name +
                                           " judge no subject in common; name the subjects, as in --from \"" +
                                           from_.assessment.name + ":reading\" --to \"" + to_.assessment.name + ":writing\".");
        return pairs;
    }

    // How a set is named: by its assessment when both sets are one subject, by its subject when both
    // are one assessment, by both otherwise.
    std::string label(const std::string &subject, const std::string &other_subject, bool earlier) const {
        const services::assessment &which = earlier ? from_.assessment : to_.assessment;
        const services::assessment &other = earlier ? to_.assessment : from_.assessment;
        std::string assessment_name = which.name;
        if (which.name == other.name && which.id != other.id) assessment_name += " (" + domain::format_academic_year(which.year) + ")";
        if (subject == other_subject) return assessment_name;
        if (which.id == other.id) return cohort_.subject_name(subject);
        return cohort_.subject_name(subject) + ", " + assessment_name;
    }

    outcome_axis axis_of(const plugins::scheme &earlier, const plugins::scheme &later, bool no_expectation_used) const {
        outcome_axis axis;
        if (&earlier == &later && later.grades().size() <= most_grade_headings) {
            for (const auto &grade : later.grades()) {
                axis.headings.push_back({grade.label, band{grade.code, grade.label, grade.colour_rgb}, false});
                axis.codes.push_back(grade.code);
            }
            return axis;
        }
        axis.by_band = true;
        for (std::size_t b = 0; b < band_headings.size(); ++b) {
            if (band_order[b] == WAYMARK_BAND_NONE && !no_expectation_used) continue;
            axis.headings.push_back({band_headings[b].label, band_headings[b], false});
        }
        axis.ordered_last = !no_expectation_used;
        return axis;
    }

    // The heading index of a judgement, or the "No data" index.
    std::size_t place(const outcome_axis &axis, const services::grid_judgement *judged) const {
        if (judged == nullptr) return axis.headings.size();
        if (!axis.by_band) {
            const auto found = std::find(axis.codes.begin(), axis.codes.end(), judged->code);
            return static_cast<std::size_t>(found - axis.codes.begin());
        }
        return static_cast<std::size_t>(std::find(band_order.begin(), band_order.end(), judged->band) - band_order.begin());
    }

    void add_pair(document &doc, const std::string &earlier_subject, const std::string &later_subject, std::size_t index) {
        const plugins::scheme &earlier_scheme = schemes_.get(from_.assessment.subject(earlier_subject)->scheme_id);
        const plugins::scheme &later_scheme = schemes_.get(to_.assessment.subject(later_subject)->scheme_id);
        note_scheme(doc, earlier_scheme);
        note_scheme(doc, later_scheme);
        matrix_layout layout;
        layout.earlier_label = label(earlier_subject, later_subject, true);
        layout.later_label = label(later_subject, earlier_subject, false);
        layout.subject_title = earlier_subject == later_subject ? cohort_.subject_name(later_subject) + ": " : "";

        struct judged_pair {
            const services::grid_row *later;
            const services::grid_judgement *from, *to;
        };
        std::vector<judged_pair> pupils;
        bool no_expectation = false;
        for (const auto *row : later_) {
            const auto early = earlier_of_.find(row->pupil.upn);
            judged_pair p{row, judgement_in(early == earlier_of_.end() ? nullptr : early->second, earlier_subject),
                          judgement_in(row, later_subject)};
            for (const auto *judged : {p.from, p.to})
                if (judged != nullptr && judged->band == WAYMARK_BAND_NONE) no_expectation = true;
            pupils.push_back(p);
        }
        const outcome_axis axis = axis_of(earlier_scheme, later_scheme, no_expectation);
        layout.rows = layout.columns = axis.headings;
        layout.not_comparable = axis.ordered_last ? "no data in one or both" : "no data or no expectation in one or both";
        const std::size_t last_ordered = axis.ordered_last ? axis.headings.size() : axis.headings.size() - 1;
        for (const auto &p : pupils) {
            const std::size_t r = place(axis, p.from), c = place(axis, p.to);
            layout.pupils.push_back({p.later, r, c, p.from ? p.from->label : "No data", p.to ? p.to->label : "No data"});
            if (r >= last_ordered || c >= last_ordered) ++layout.movement[3];
            else ++layout.movement[c > r ? 0 : c == r ? 1 : 2];
        }
        if (axis.by_band) {
            const std::string &subject_title = layout.subject_title;
            doc.blocks.emplace_back(paragraph{
                (subject_title.empty() ? "Pupils" : subject_title + "pupils") + " are placed by whether each judgement is below, at or above what " +
                    (&earlier_scheme == &later_scheme ? earlier_scheme.descriptor().name + " expects" : "its scheme expects") +
                    " of them at that point (" + layout.earlier_label + ": " + earlier_scheme.descriptor().name + "; " + layout.later_label +
                    ": " + later_scheme.descriptor().name + "), so that the two sets can be compared.",
                false});
        }
        add_matrix(doc, lists_, std::move(layout), index);
    }

    const services::scheme_library &schemes_;
    const data_set &from_;
    std::vector<services::grid_row> earlier_;
    std::map<std::string, const services::grid_row *> earlier_of_;
};

// A statutory outcome as a matrix row: its heading, and its place on the below / at / above scale the
// later set's bands use (nothing for outcomes with no place on it: absent, disapplied).
struct statutory_outcome {
    std::string code;     // as stored
    std::string heading;  // as the matrix shows it
    std::string label;    // in words, the heading's band label
    std::optional<std::size_t> band_index;
};

const std::vector<statutory_outcome> &ks1_outcomes() {
    // Lowest first, as the KS1 TA codes rank (domain.md 3.4); A and D last, unranked.
    static const std::vector<statutory_outcome> outcomes{
        {"EM", "EM", "Engagement model", 0}, {"BLW", "BLW", "Below the pre-key stage standards", 0},
        {"PK1", "PK1", "Pre-key stage 1", 0}, {"PK2", "PK2", "Pre-key stage 2", 0}, {"PK3", "PK3", "Pre-key stage 3", 0},
        {"PK4", "PK4", "Pre-key stage 4", 0}, {"HNM", "HNM", "Has not met the expected standard", 0},
        {"WTS", "WTS", "Working towards the expected standard", 0}, {"EXS", "EXS", "Working at the expected standard", 1},
        {"GDS", "GDS", "Working at greater depth", 2}, {"A", "A", "Absent", std::nullopt}, {"D", "D", "Disapplied", std::nullopt}};
    return outcomes;
}

const std::vector<std::string> ks1_subjects{"reading", "writing", "maths", "science"};
// The early learning goals behind a subject (EYFS profile 2021): Comprehension and Word Reading;
// Writing; Number and Numerical Patterns.
const std::map<std::string, std::vector<std::string>> eyfs_goals{
    {"reading", {"E08", "E09"}}, {"writing", {"E10"}}, {"maths", {"E11", "E12"}}};

class statutory_matrix_builder : later_side {
public:
    statutory_matrix_builder(soci::session &session, const services::scheme_library &schemes, assessment_cohort cohort,
                             const statutory_set &from, const data_set &to)
        : later_side(std::move(cohort), to), schemes_(schemes), from_(from) {
        std::set<std::string> counted;
        for (const auto *row : later_) counted.insert(row->pupil.upn);
        for (auto &result : store::load_statutory_results(session, cohort_.scope.school.id))
            if (counted.contains(result.upn)) results_[result.upn].push_back(std::move(result));
    }

    document build() {
        const auto subjects = later_subjects();
        const std::string source = source_name();
        std::string title = "Progress matrix: ";
        if (subjects.size() == 1) title += cohort_.subject_name(subjects[0]) + ", ";
        title += source + " against " + to_.assessment.name;
        document doc = frame(title, source + (from_.source == statutory_source::gld ? "" : " (statutory results)"));
        for (std::size_t i = 0; i < subjects.size(); ++i) {
            if (i > 0) doc.blocks.emplace_back(page_break{});
            add_subject(doc, subjects[i], i);
        }
        add_appendix(doc, std::move(lists_), "Pupils in each cell");
        return doc;
    }

private:
    std::string source_name() const {
        switch (from_.source) {
            case statutory_source::ks1: return "KS1 teacher assessment";
            case statutory_source::eyfs: return "EYFS profile";
            case statutory_source::gld: return "EYFS good level of development";
        }
        return "";
    }

    bool source_covers(const std::string &subject) const {
        if (from_.source == statutory_source::ks1) return std::find(ks1_subjects.begin(), ks1_subjects.end(), subject) != ks1_subjects.end();
        return eyfs_goals.contains(subject);
    }

    // The later subjects, each set against the same subject's statutory outcome (GLD against each).
    std::vector<std::string> later_subjects() const {
        std::string later = to_.subject.empty() ? from_.subject : to_.subject;
        if (!from_.subject.empty() && !to_.subject.empty() && from_.subject != to_.subject)
            throw services::filter_error("--from names " + cohort_.subject_name(from_.subject) + " and --to " + cohort_.subject_name(to_.subject) +
                                         "; a statutory data set is set against the same subject, so name one of them only.");
        if (!later.empty()) {
            judged_subject(to_.assessment, later, "--to", cohort_);
            if (!source_covers(later))
                throw services::filter_error("--to names " + cohort_.subject_name(later) + ", which the " + source_name() +
                                             " does not record; it records reading, writing and maths" +
                                             (from_.source == statutory_source::ks1 ? " and science." : "."));
            return {later};
        }
        std::vector<std::string> subjects;
        for (const auto &subject : to_.assessment.subjects)
            if (source_covers(subject.code)) subjects.push_back(subject.code);
        if (subjects.empty())
            throw services::filter_error(to_.assessment.name + " judges none of the subjects the " + source_name() +
                                         " records (reading, writing, maths); name another assessment in --to.");
        return subjects;
    }

    // Rows: the source's outcomes (KS1's as recorded among this cohort, WTS, EXS and GDS always).
    std::vector<statutory_outcome> outcomes(const std::string &subject, const std::map<std::string, std::string> &recorded) const {
        if (from_.source == statutory_source::gld) return {{"N", "Not GLD", "Not a good level of development", 0}, {"Y", "GLD", "Good level of development", 1}};
        if (from_.source == statutory_source::eyfs) return {{"Emerging", "Emerging", "Emerging", 0}, {"Expected", "Expected", "Expected", 1}};
        std::set<std::string> shown{"EXS"};
        if (subject == "science") shown.insert("HNM");
        else shown.insert({"WTS", "GDS"});
        for (const auto &[upn, code] : recorded) shown.insert(code);
        std::vector<statutory_outcome> out;
        for (const auto &outcome : ks1_outcomes())
            if (shown.contains(outcome.code)) out.push_back(outcome);
        for (const auto &code : shown)  // a code stored before the scale knew it still gets a row
            if (std::none_of(out.begin(), out.end(), [&](const auto &o) { return o.code == code; })) out.push_back({code, code, code, std::nullopt});
        return out;
    }

    // Each counted pupil's outcome: their KS1 TA (the latest year's), Expected only when every goal of
    // the subject is (Emerging when any is; no data while one is missing), or their GLD.
    std::map<std::string, std::string> recorded_outcomes(const std::string &subject) const {
        std::map<std::string, std::string> out;
        for (const auto &[upn, results] : results_) {
            std::map<std::string, std::string> goals;
            int ks1_year = -1;
            for (const auto &result : results) {
                if (from_.source == statutory_source::ks1 && result.kind == domain::statutory_kind::ks1_ta && result.subject == subject &&
                    result.year.start_year > ks1_year) {
                    out[upn] = result.value;
                    ks1_year = result.year.start_year;
                } else if (from_.source == statutory_source::gld && result.kind == domain::statutory_kind::eyfsp_gld) {
                    out[upn] = result.value;
                } else if (from_.source == statutory_source::eyfs && result.kind == domain::statutory_kind::eyfsp_goal) {
                    goals[result.subject] = result.value;
                }
            }
            if (from_.source != statutory_source::eyfs) continue;
            bool emerging = false, complete = true;
            for (const auto &goal : eyfs_goals.at(subject)) {
                const auto found = goals.find(goal);
                if (found == goals.end()) complete = false;
                else if (found->second != "Expected") emerging = true;
            }
            if (emerging) out[upn] = "Emerging";
            else if (complete) out[upn] = "Expected";
        }
        return out;
    }

    void add_subject(document &doc, const std::string &subject, std::size_t index) {
        const plugins::scheme &later_scheme = schemes_.get(to_.assessment.subject(subject)->scheme_id);
        note_scheme(doc, later_scheme);
        const auto recorded = recorded_outcomes(subject);
        const auto rows = outcomes(subject, recorded);
        matrix_layout layout;
        layout.subject_title = cohort_.subject_name(subject) + ": ";
        layout.earlier_label = from_.source == statutory_source::ks1 ? "KS1" : from_.source == statutory_source::eyfs ? "EYFS" : "GLD";
        layout.later_label = to_.assessment.name;
        for (const auto &outcome : rows) {
            const band *scale = outcome.band_index ? &band_headings[*outcome.band_index] : &band_headings.back();
            layout.rows.push_back({outcome.heading, band{outcome.heading, outcome.label, scale->colour_rgb}, false});
        }
        bool no_expectation = false;
        for (const auto *row : later_)
            if (const auto *judged = judgement_in(row, subject); judged && judged->band == WAYMARK_BAND_NONE) no_expectation = true;
        for (std::size_t b = 0; b < band_headings.size(); ++b)
            if (band_order[b] != WAYMARK_BAND_NONE || no_expectation) layout.columns.push_back({band_headings[b].label, band_headings[b], false});
        layout.not_comparable = "no data, or an outcome with no place on that scale, in one or both";
        for (const auto *row : later_) {
            const auto found = recorded.find(row->pupil.upn);
            std::size_t r = rows.size();
            if (found != recorded.end())
                r = static_cast<std::size_t>(std::find_if(rows.begin(), rows.end(), [&](const auto &o) { return o.code == found->second; }) - rows.begin());
            const auto *judged = judgement_in(row, subject);
            const std::size_t c = judged == nullptr ? layout.columns.size()
                                                    : static_cast<std::size_t>(std::find(band_order.begin(), band_order.end(), judged->band) -
                                                                               band_order.begin());
            layout.pupils.push_back({row, r, c, r < rows.size() ? layout.rows[r].label : "No data", judged ? judged->label : "No data"});
            const auto earlier_band = r < rows.size() ? rows[r].band_index : std::nullopt;
            if (!earlier_band || c >= 3) ++layout.movement[3];
            else ++layout.movement[c > *earlier_band ? 0 : c == *earlier_band ? 1 : 2];
        }
        doc.blocks.emplace_back(paragraph{placement_note(subject, later_scheme), false});
        add_matrix(doc, lists_, std::move(layout), index);
    }

    std::string placement_note(const std::string &subject, const plugins::scheme &later_scheme) const {
        std::string rows;
        switch (from_.source) {
            case statutory_source::ks1:
                rows = "Rows are each pupil's KS1 teacher assessment in " + cohort_.subject_name(subject) +
                       " as recorded; higher, the same and lower count below the expected standard as below, EXS as at and GDS as above";
                break;
            case statutory_source::eyfs: {
                std::string goals;
                for (const auto &goal : eyfs_goals.at(subject)) goals += (goals.empty() ? "" : " and ") + goal;
                rows = "Rows are each pupil's EYFS profile in " + goals + " (Expected when every one of them is expected, Emerging "
                       "when any is emerging); higher, the same and lower count Emerging as below and Expected as at";
                break;
            }
            case statutory_source::gld:
                rows = "Rows are whether each pupil reached a good level of development at the end of Reception; higher, the same "
                       "and lower count no GLD as below and GLD as at";
                break;
        }
        std::string note = rows + ". Columns place each " + to_.assessment.name + " judgement below, at or above what " +
                           later_scheme.descriptor().name + " expects of the pupil then.";
        if (!cohort_.scope.as_of.empty()) note += " Statutory results keep no history, so they are shown as recorded now.";
        return note;
    }

    const services::scheme_library &schemes_;
    const statutory_set &from_;
    std::map<std::string, std::vector<domain::statutory_result>> results_;
};

}  // namespace

std::pair<std::string, std::string> split_data_set(const std::string &text, const std::vector<std::string> &subjects) {
    const auto colon = text.rfind(':');
    if (colon != std::string::npos) {
        std::string subject = text.substr(colon + 1);
        if (std::find(subjects.begin(), subjects.end(), subject) != subjects.end()) return {text.substr(0, colon), subject};
    }
    return {text, ""};
}

std::optional<statutory_set> parse_statutory_set(const std::string &text) {
    const auto colon = text.find(':');
    std::string source = text.substr(0, colon), subject = colon == std::string::npos ? "" : text.substr(colon + 1);
    const auto lower = [](std::string value) {
        for (char &c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return value;
    };
    source = lower(source);
    subject = lower(subject);
    if (source == "gld") source = "eyfs", subject = "gld";
    if (source != "ks1" && source != "eyfs") return std::nullopt;
    if (source == "eyfs" && subject == "gld") return statutory_set{statutory_source::gld, ""};
    const bool ks1 = source == "ks1";
    if (!subject.empty() && (ks1 ? std::find(ks1_subjects.begin(), ks1_subjects.end(), subject) == ks1_subjects.end()
                                 : !eyfs_goals.contains(subject)))
        throw services::filter_error("--from " + text + " names no statutory data set: " +
                                     (ks1 ? "KS1 teacher assessment is recorded in ks1:reading, ks1:writing, ks1:maths and ks1:science."
                                          : "the EYFS profile gives eyfs:reading, eyfs:writing, eyfs:maths and eyfs:gld."));
    return statutory_set{ks1 ? statutory_source::ks1 : statutory_source::eyfs, subject};
}

document build_progress_matrix(soci::session &session, const services::scheme_library &schemes, report_scope scope,
                               const data_set &from, const data_set &to) {
    if (from.assessment.assessed_on > to.assessment.assessed_on)
        throw services::filter_error("--from is the earlier data set, but " + from.assessment.name + " (" +
                                       domain::format_iso_date(from.assessment.assessed_on) + ") is dated after " + to.assessment.name +
                                       " (" + domain::format_iso_date(to.assessment.assessed_on) + "); swap --from and --to.");
    scope.assessment = to.assessment;
    auto cohort = load_assessment_cohort(session, schemes, std::move(scope));
    return matrix_builder(session, schemes, std::move(cohort), from, to).build();
}

}  // namespace waymark::reports

namespace waymark::reports {

document build_statutory_matrix(soci::session &session, const services::scheme_library &schemes, report_scope scope,
                                const statutory_set &from, const data_set &to) {
    scope.assessment = to.assessment;
    auto cohort = load_assessment_cohort(session, schemes, std::move(scope));
    return statutory_matrix_builder(session, schemes, std::move(cohort), from, to).build();
}

}  // namespace waymark::reports
