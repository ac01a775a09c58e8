#include "reports/builders/progress_matrix.hpp"

#include <waymark/plugin.h>

#include <algorithm>
#include <array>

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

class matrix_builder {
public:
    matrix_builder(soci::session &session, const services::scheme_library &schemes, assessment_cohort cohort,
                   const data_set &from, const data_set &to)
        : schemes_(schemes), cohort_(std::move(cohort)), from_(from), to_(to) {
        for (const auto &part : cohort_.parts)
            for (const auto &pupil : part.pupils) later_.push_back(&pupil);
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
        document doc = report_frame(cohort_, "progress_matrix", title,
                                    "Pupils included in data in " + to_.assessment.name +
                                        "'s year groups, by their outcome in the earlier data set (rows) and the later (columns)");
        doc.page_orientation = orientation::landscape;
        doc.filters.front() = "Later: " + assessment_text(to_.assessment);
        doc.filters.insert(doc.filters.begin(), "Earlier: " + assessment_text(from_.assessment));
        doc.schemes.clear();
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

    static const services::grid_judgement *judgement_in(const services::grid_row *row, const std::string &subject) {
        if (row == nullptr) return nullptr;
        const auto found = row->judgements.find(subject);
        return found == row->judgements.end() ? nullptr : &found->second;
    }

    void add_pair(document &doc, const std::string &earlier_subject, const std::string &later_subject, std::size_t index) {
        const plugins::scheme &earlier_scheme = schemes_.get(from_.assessment.subject(earlier_subject)->scheme_id);
        const plugins::scheme &later_scheme = schemes_.get(to_.assessment.subject(later_subject)->scheme_id);
        for (const auto *scheme : {&earlier_scheme, &later_scheme}) {
            const std::string &name = scheme->descriptor().name;
            if (std::find(doc.schemes.begin(), doc.schemes.end(), name) == doc.schemes.end()) doc.schemes.push_back(name);
        }
        const std::string earlier_label = label(earlier_subject, later_subject, true);
        const std::string later_label = label(later_subject, earlier_subject, false);
        const std::string subject_title = earlier_subject == later_subject ? cohort_.subject_name(later_subject) + ": " : "";

        struct placed {
            const services::grid_row *later;
            const services::grid_judgement *from, *to;
        };
        std::vector<placed> pupils;
        bool no_expectation = false;
        for (const auto *row : later_) {
            const auto early = earlier_of_.find(row->pupil.upn);
            placed p{row, judgement_in(early == earlier_of_.end() ? nullptr : early->second, earlier_subject),
                     judgement_in(row, later_subject)};
            for (const auto *judged : {p.from, p.to})
                if (judged != nullptr && judged->band == WAYMARK_BAND_NONE) no_expectation = true;
            pupils.push_back(p);
        }
        const outcome_axis axis = axis_of(earlier_scheme, later_scheme, no_expectation);
        const std::size_t size = axis.headings.size() + 1;
        const int total = static_cast<int>(pupils.size());

        matrix m;
        m.title = subject_title + earlier_label + " (rows) against " + later_label + " (columns)";
        m.row_title = earlier_label;
        m.column_title = later_label;
        m.rows = axis.headings;
        m.rows.push_back({"No data", std::nullopt, true});
        m.columns = m.rows;
        std::vector<std::vector<pupil_list>> cells(size, std::vector<pupil_list>(size));
        std::array<int, 4> movement{};  // higher, same, lower, not comparable
        const std::size_t last_ordered = axis.ordered_last ? axis.headings.size() : axis.headings.size() - 1;
        for (const auto &p : pupils) {
            const std::size_t r = place(axis, p.from), c = place(axis, p.to);
            cells[r][c].pupils.push_back({pupil_name(p.later->pupil),
                                          {p.later->pupil.class_name, p.from ? p.from->label : "No data", p.to ? p.to->label : "No data"}});
            if (r >= last_ordered || c >= last_ordered) ++movement[3];
            else ++movement[c > r ? 0 : c == r ? 1 : 2];
        }
        m.cells.assign(size, std::vector<matrix_cell>(size));
        for (std::size_t r = 0; r < size; ++r) {
            for (std::size_t c = 0; c < size; ++c) {
                pupil_list &list = cells[r][c];
                matrix_cell &out = m.cells[r][c];
                out.count = static_cast<int64_t>(list.pupils.size());
                out.percent = percent(static_cast<int>(out.count), total);
                if (list.pupils.empty()) continue;
                list.id = "matrix" + std::to_string(index + 1) + "-" + std::to_string(r) + "-" + std::to_string(c);
                list.title = subject_title + m.rows[r].label + " in " + earlier_label + ", " + m.columns[c].label + " in " + later_label +
                             ": " + count_and_percent(static_cast<int>(out.count), total);
                list.columns = {"Class", earlier_label, later_label};
                std::sort(list.pupils.begin(), list.pupils.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
                out.pupils = list.id;
                lists_.lists.push_back(std::move(list));
            }
        }
        if (axis.by_band) {
            doc.blocks.emplace_back(paragraph{
                (subject_title.empty() ? "Pupils" : subject_title + "pupils") + " are placed by whether each judgement is below, at or above what " +
                    (&earlier_scheme == &later_scheme ? earlier_scheme.descriptor().name + " expects" : "its scheme expects") +
                    " of them at that point (" + earlier_label + ": " + earlier_scheme.descriptor().name + "; " + later_label + ": " +
                    later_scheme.descriptor().name + "), so that the two sets can be compared.",
                false});
        }
        table shares = distribution(subject_title, m, earlier_label, later_label, total);
        doc.blocks.emplace_back(std::move(m));

        // One line rather than a list, so a subject's matrix and distribution share a page.
        doc.blocks.emplace_back(paragraph{"Higher in " + later_label + " than in " + earlier_label + ": " + count_and_percent(movement[0], total) +
                                              "  \u00b7  the same in both: " + count_and_percent(movement[1], total) + "  \u00b7  lower: " +
                                              count_and_percent(movement[2], total) + "  \u00b7  " +
                                              (axis.ordered_last ? "no data in one or both: " : "no data or no expectation in one or both: ") +
                                              count_and_percent(movement[3], total),
                                          false});
        doc.blocks.emplace_back(std::move(shares));
    }

    // Each set's pupils per outcome and with no data (the seed's "Primary Data"): the matrix's row and
    // column totals.
    static table distribution(const std::string &subject_title, const matrix &m, const std::string &earlier_label,
                              const std::string &later_label, int total) {
        table t;
        t.title = subject_title + "pupils at each outcome";
        t.columns = {{"Outcome", column_type::text, 1.0}, {earlier_label, column_type::integer, 1.0}, {later_label, column_type::integer, 1.0}};
        for (std::size_t i = 0; i < m.rows.size(); ++i) {
            int in_row = 0, in_column = 0;
            for (std::size_t j = 0; j < m.columns.size(); ++j) {
                in_row += static_cast<int>(m.cells[i][j].count);
                in_column += static_cast<int>(m.cells[j][i].count);
            }
            const cell outcome{m.rows[i].label, std::nullopt, m.rows[i].heading_band, "", 1};
            t.rows.push_back({outcome, cell{count_and_percent(in_row, total), in_row, std::nullopt, "", 1},
                              cell{count_and_percent(in_column, total), in_column, std::nullopt, "", 1}});
        }
        const cell pupils{std::to_string(total), total, std::nullopt, "", 1};
        t.footer_rows.push_back({cell{"Pupils counted", std::nullopt, std::nullopt, "", 1}, pupils, pupils});
        return t;
    }

    const services::scheme_library &schemes_;
    assessment_cohort cohort_;
    const data_set &from_;
    const data_set &to_;
    std::vector<const services::grid_row *> later_;
    std::vector<services::grid_row> earlier_;
    std::map<std::string, const services::grid_row *> earlier_of_;
    pupil_lists lists_;
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
