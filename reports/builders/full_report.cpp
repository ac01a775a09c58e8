#include "reports/builders/full_report.hpp"

#include <waymark/plugin.h>

#include <algorithm>
#include <functional>

namespace waymark::reports {
namespace {

constexpr std::size_t most_grade_columns = 8;

// One column of counts: which judgements it holds and what its heading says.
struct count_column {
    std::string code;  // for drill-down ids
    std::string label;
    std::optional<band> heading_band;
    std::function<bool(const services::grid_judgement &)> holds;
};

std::vector<count_column> count_columns(const plugins::scheme &scheme) {
    std::vector<count_column> columns;
    if (scheme.grades().size() <= most_grade_columns) {
        for (const auto &grade : scheme.grades()) {
            columns.push_back({grade.code, grade.label, band{grade.code, grade.label, grade.colour_rgb},
                               [code = grade.code](const services::grid_judgement &j) { return j.code == code; }});
        }
        return columns;
    }
    const std::array<std::pair<int, const char *>, 4> bands{{{WAYMARK_BAND_BELOW, "Below expected"},
                                                             {WAYMARK_BAND_AT, "At expected"},
                                                             {WAYMARK_BAND_ABOVE, "Above expected"},
                                                             {WAYMARK_BAND_NONE, "No expectation"}}};
    for (const auto &[value, label] : bands) {
        columns.push_back({"band" + std::to_string(value), label, std::nullopt,
                           [value = value](const services::grid_judgement &j) { return j.band == value; }});
    }
    return columns;
}

class report_builder {
public:
    report_builder(const assessment_cohort &cohort, const services::scheme_library &schemes)
        : cohort_(cohort), schemes_(schemes) {}

    document build() {
        document doc = report_frame(cohort_, "full_report", "Full report: " + assessments_title(cohort_),
                                    "Pupils included in data, by their judgement in each subject");
        doc.page_orientation = orientation::landscape;
        std::vector<std::string> schemes_done;
        for (const auto &subject : cohort_.subjects) {
            if (std::find(schemes_done.begin(), schemes_done.end(), subject.scheme_id) != schemes_done.end()) continue;
            schemes_done.push_back(subject.scheme_id);
            doc.blocks.emplace_back(scheme_table(subject.scheme_id));
        }
        add_appendix(doc, std::move(lists_), "Pupils behind each figure");
        return doc;
    }

private:
    table scheme_table(const std::string &scheme_id) {
        const plugins::scheme &scheme = schemes_.get(scheme_id);
        const auto columns = count_columns(scheme);
        table t;
        t.title = scheme.descriptor().name;
        t.columns.push_back({"Subject Area", column_type::text, 2.0});
        row headings{cell{}};
        for (const auto &column : columns) {
            t.columns.push_back({column.label, column_type::text, 1.2});
            headings.push_back(text_cell(column.code));
            headings.back().cell_band = column.heading_band;
        }
        t.columns.push_back({"On track or above", column_type::text, 1.2});
        t.columns.push_back({"No judgement", column_type::text, 1.2});
        t.columns.push_back({"Num Pupils", column_type::integer, 0.8});
        headings.resize(t.columns.size());
        if (std::any_of(columns.begin(), columns.end(), [](const count_column &c) { return c.heading_band.has_value(); }))
            t.header_rows.push_back(std::move(headings));
        for (const auto &subject : cohort_.subjects) {
            if (subject.scheme_id != scheme_id) continue;
            int pupils = 0;
            for (const auto &part : cohort_.parts)
                if (assessment_cohort::judges(part, subject)) pupils += static_cast<int>(part.pupils.size());
            std::string name = cohort_.subject_name(subject.code);
            if (judged_in_several_schemes(subject.code)) name += " (" + t.title + ")";
            row r{text_cell(name)};
            for (const auto &column : columns) {
                r.push_back(count_cell(subject, name + ": " + column.label, column.code, column.holds, pupils));
            }
            r.push_back(count_cell(subject, name + ": on track or above", "on-track",
                                   [](const services::grid_judgement &j) { return j.on_track; }, pupils));
            r.push_back(count_cell(subject, name + ": no judgement", "none", nullptr, pupils));
            r.push_back(text_cell(std::to_string(pupils), pupils));
            t.rows.push_back(std::move(r));
        }
        return t;
    }

    bool judged_in_several_schemes(const std::string &code) const {
        return std::count_if(cohort_.subjects.begin(), cohort_.subjects.end(),
                             [&](const counted_subject &s) { return s.code == code; }) > 1;
    }

    // A figure and the list of pupils behind it; `holds` null means "has no judgement".
    cell count_cell(const counted_subject &subject, const std::string &title, const std::string &column,
                    const std::function<bool(const services::grid_judgement &)> &holds, int of) {
        const std::string id = judged_in_several_schemes(subject.code) ? subject.code + "-" + subject.scheme_id : subject.code;
        pupil_list list{id + "-" + column, title, {"Class", "Judgement"}, {}};
        for (const auto &part : cohort_.parts) {
            if (!assessment_cohort::judges(part, subject)) continue;
            for (const auto &pupil : part.pupils) {
                const auto found = pupil.judgements.find(subject.code);
                const bool judged = found != pupil.judgements.end();
                if (holds ? judged && holds(found->second) : !judged) {
                    list.pupils.push_back({pupil_name(pupil.pupil), {pupil.pupil.class_name, judged ? found->second.label : ""}});
                }
            }
        }
        const int count = static_cast<int>(list.pupils.size());
        cell c = text_cell(count_and_percent(count, of), count);
        if (count > 0) {
            std::sort(list.pupils.begin(), list.pupils.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
            list.title += " (" + std::to_string(count) + (count == 1 ? " pupil)" : " pupils)");
            c.pupils = list.id;
            lists_.lists.push_back(std::move(list));
        }
        return c;
    }

    const assessment_cohort &cohort_;
    const services::scheme_library &schemes_;
    pupil_lists lists_;
};

}  // namespace

document build_full_report(const assessment_cohort &cohort, const services::scheme_library &schemes) {
    return report_builder(cohort, schemes).build();
}

}  // namespace waymark::reports
