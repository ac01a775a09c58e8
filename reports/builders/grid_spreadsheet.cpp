#include "reports/builders/grid_spreadsheet.hpp"

#include "reports/builders/assessment_cohort.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <set>

namespace waymark::reports {
namespace {

constexpr std::size_t pupil_columns = 5;  // pupil, UPN, class, year, in data

// A column of the assessment and how a pupil's row fills it.
struct grid_column {
    std::string label;
    column_type type;
    const services::assessment_subject *judged = nullptr;  // a judgement column's subject, else null
    std::function<cell(const services::grid_row &)> value;
};

std::string found_or_empty(const std::map<std::string, std::string> &values, const std::string &code) {
    const auto found = values.find(code);
    return found == values.end() ? "" : found->second;
}

using pupil_record = domain::pupil;

// A read-only column of the pupil details; an empty cell for a grid loaded without them.
grid_column detail_column(std::string label, std::function<std::string(const services::grid_pupil_details &)> text) {
    return {std::move(label), column_type::text, nullptr, [text = std::move(text)](const services::grid_row &row) {
                return row.details ? text_cell(text(*row.details)) : cell{};
            }};
}

grid_column yes_no_column(std::string label, std::function<bool(const pupil_record &)> holds) {
    return detail_column(std::move(label), [holds = std::move(holds)](const services::grid_pupil_details &details) {
        return std::string(holds(details.record) ? "Yes" : "No");
    });
}

// Seed 000's sections beside the assessment: characteristics, the named custom flags, then the
// statutory results any pupil of the grid has (GLD, each year's phonics check, each KS1 subject).
void add_detail_columns(const services::class_grid &grid, const std::function<std::string(const std::string &)> &name_of,
                        std::vector<grid_column> &columns) {
    if (grid.rows.empty() || !grid.rows.front().details) return;
    columns.push_back(detail_column("Gender", [](const auto &d) { return std::string(1, d.record.gender); }));
    columns.push_back(detail_column("SEN", [](const auto &d) { return std::string(1, d.record.sen); }));
    columns.push_back(yes_no_column("EAL", [](const pupil_record &p) { return p.eal; }));
    columns.push_back(yes_no_column("FSM", [](const pupil_record &p) { return p.fsm; }));
    columns.push_back(yes_no_column("Ever 6 FSM", [](const pupil_record &p) { return p.ever6_fsm; }));
    columns.push_back(yes_no_column("Pupil premium", [](const pupil_record &p) { return p.pupil_premium; }));
    columns.push_back(yes_no_column("Disadvantaged", domain::is_disadvantaged));
    columns.push_back(yes_no_column("Summer born", [](const pupil_record &p) { return domain::is_summer_born(p.date_of_birth); }));
    columns.push_back(detail_column("Ethnicity", [](const auto &d) { return d.record.ethnicity; }));
    for (std::size_t flag = 0; flag < grid.custom_flag_names.size(); ++flag) {
        if (!grid.custom_flag_names[flag].empty())
            columns.push_back(yes_no_column(grid.custom_flag_names[flag], [flag](const pupil_record &p) { return p.custom_flags[flag]; }));
    }
    const auto any_pupil = [&](const std::function<bool(const services::grid_statutory &)> &holds) {
        return std::any_of(grid.rows.begin(), grid.rows.end(), [&](const services::grid_row &row) { return holds(row.details->statutory); });
    };
    if (any_pupil([](const auto &held) { return held.gld.has_value(); })) {
        columns.push_back(detail_column("GLD", [](const auto &d) {
            return d.statutory.gld ? std::string(*d.statutory.gld ? "Yes" : "No") : std::string();
        }));
    }
    for (const int year : {1, 2}) {
        const auto taken = [year](const services::grid_statutory &held) {
            return std::find_if(held.phonics.begin(), held.phonics.end(), [&](const auto &check) { return check.nc_year == year; });
        };
        if (!any_pupil([&](const auto &held) { return taken(held) != held.phonics.end(); })) continue;
        columns.push_back(detail_column("Phonics Year " + std::to_string(year), [taken](const auto &d) {
            const auto check = taken(d.statutory);
            if (check == d.statutory.phonics.end()) return std::string();
            return check->mark.empty() ? check->outcome : check->mark + (check->outcome.empty() ? "" : " (" + check->outcome + ")");
        }));
    }
    std::set<std::string> key_stage_1;
    for (const auto &row : grid.rows)
        for (const auto &[subject, result] : row.details->statutory.key_stage_1) key_stage_1.insert(subject);
    for (const auto &subject : key_stage_1) {
        columns.push_back(detail_column("KS1 " + name_of(subject), [subject](const auto &d) {
            const auto found = d.statutory.key_stage_1.find(subject);
            if (found == d.statutory.key_stage_1.end()) return std::string();
            const auto &result = found->second;
            return result.scaled_score.empty() ? result.teacher_assessment : result.teacher_assessment + " (" + result.scaled_score + ")";
        }));
    }
}

std::vector<grid_column> columns_of(const services::class_grid &grid, const grid_spreadsheet_scope &scope) {
    const services::assessment &which = grid.which;
    const auto name_of = [&](const std::string &code) {
        const auto found = scope.subject_names.find(code);
        return found == scope.subject_names.end() ? code : found->second;
    };
    std::vector<grid_column> columns;
    add_detail_columns(grid, name_of, columns);
    for (const auto &subject : which.subjects) {
        columns.push_back({name_of(subject.code), column_type::grade, &subject, [code = subject.code](const services::grid_row &row) {
                               const auto found = row.judgements.find(code);
                               if (found == row.judgements.end()) return cell{};
                               const auto &judged = found->second;
                               cell c = text_cell(judged.code);
                               c.cell_band = band{judged.code, judged.label, judged.colour};
                               return c;
                           }});
    }
    for (const auto &subject : which.subjects) {
        if (!subject.test_score) continue;
        columns.push_back({name_of(subject.code) + " " + std::string(services::test_score_kind_name(*subject.test_score)),
                           column_type::number, nullptr, [code = subject.code](const services::grid_row &row) {
                               const std::string score = found_or_empty(row.test_scores, code);
                               double value = 0;
                               const auto [end, error] = std::from_chars(score.data(), score.data() + score.size(), value);
                               const bool number = !score.empty() && error == std::errc() && end == score.data() + score.size();
                               return text_cell(score, number ? std::optional<double>(value) : std::nullopt);
                           }});
    }
    if (which.formative_title) {
        for (const auto &subject : which.subjects) {
            columns.push_back({name_of(subject.code) + " (" + *which.formative_title + ")", column_type::text, nullptr,
                               [code = subject.code](const services::grid_row &row) { return text_cell(found_or_empty(row.formative, code)); }});
        }
    }
    if (which.phonics) {
        columns.push_back({"Phonics", column_type::text, nullptr,
                           [](const services::grid_row &row) { return text_cell(row.phonics.value_or("")); }});
    }
    return columns;
}

// The grid's statistics rows: a count per grade, on track or above, no judgement and pupils
// counted, over the pupils included in data, in the judgement columns only.
std::vector<row> statistics_rows(const std::vector<grid_column> &columns, const std::vector<const services::grid_row *> &counted,
                                 const services::scheme_library &schemes) {
    std::vector<std::pair<std::string, std::string>> grades;  // code, label: every judged scheme's, once each
    for (const auto &column : columns) {
        if (!column.judged) continue;
        for (const auto &grade : schemes.get(column.judged->scheme_id).grades()) {
            if (std::none_of(grades.begin(), grades.end(), [&](const auto &g) { return g.first == grade.code; }))
                grades.emplace_back(grade.code, grade.label);
        }
    }
    const int total = static_cast<int>(counted.size());
    const auto statistic = [&](const std::string &label, const std::function<cell(const grid_column &)> &figure) {
        row r{text_cell(label)};
        r.resize(pupil_columns);
        for (const auto &column : columns) r.push_back(column.judged ? figure(column) : cell{});
        return r;
    };
    const auto count = [&](const grid_column &column, const std::function<bool(const services::grid_judgement &)> &holds) {
        return static_cast<int>(std::count_if(counted.begin(), counted.end(), [&](const services::grid_row *pupil) {
            const auto found = pupil->judgements.find(column.judged->code);
            return holds ? found != pupil->judgements.end() && holds(found->second) : found == pupil->judgements.end();
        }));
    };
    std::vector<row> rows;
    for (const auto &[code, label] : grades) {
        rows.push_back(statistic(code + ": " + label, [&, grade = code](const grid_column &column) {
            if (!schemes.get(column.judged->scheme_id).find_code(grade)) return cell{};
            const int n = count(column, [&](const services::grid_judgement &j) { return j.code == grade; });
            return text_cell(std::to_string(n), n);
        }));
    }
    rows.push_back(statistic("On track or above", [&](const grid_column &column) {
        const int n = count(column, [](const services::grid_judgement &j) { return j.on_track; });
        return text_cell(count_and_percent(n, total), n);
    }));
    rows.push_back(statistic("No judgement", [&](const grid_column &column) {
        const int n = count(column, nullptr);
        return text_cell(std::to_string(n), n);
    }));
    rows.push_back(statistic("Pupils counted", [&](const grid_column &) { return text_cell(std::to_string(total), total); }));
    return rows;
}

}  // namespace

document build_grid_spreadsheet(const services::class_grid &grid, const services::scheme_library &schemes,
                                const grid_spreadsheet_scope &scope) {
    const services::assessment &which = grid.which;
    document doc;
    doc.title = "Assessment grid: " + which.name;
    doc.school = scope.school;
    doc.kind = "assessment_grid";
    doc.counts = "Every pupil the grid shows; the statistics count those included in data";
    doc.filters.push_back(assessment_text(which));
    doc.filters.push_back(scope.filter.whole_school() ? "All data" : "Screen data: " + scope.filter.describe());
    doc.generated = scope.generated;
    doc.as_of = as_of_day(grid.as_of, scope.generated);
    for (const auto &subject : which.subjects) {
        const std::string &name = schemes.get(subject.scheme_id).descriptor().name;
        if (std::find(doc.schemes.begin(), doc.schemes.end(), name) == doc.schemes.end()) doc.schemes.push_back(name);
    }
    doc.page_orientation = orientation::landscape;

    const auto columns = columns_of(grid, scope);
    table t;
    t.title = which.name;
    t.columns = {{"Pupil", column_type::text, 2.0}, {"UPN", column_type::text, 1.4}, {"Class", column_type::text, 0.8},
                 {"Year", column_type::text, 0.8}, {"In data", column_type::text, 0.6}};
    for (const auto &column : columns) t.columns.push_back({column.label, column.type, 1.0});
    std::vector<const services::grid_row *> counted;
    for (const auto &pupil : grid.rows) {
        if (std::find(which.year_groups.begin(), which.year_groups.end(), pupil.pupil.nc_year) == which.year_groups.end()) continue;
        if (pupil.pupil.included) counted.push_back(&pupil);
        else ++doc.excluded_pupils;
        row r{text_cell(pupil_name(pupil.pupil)), text_cell(pupil.pupil.upn), text_cell(pupil.pupil.class_name),
              text_cell(year_name(pupil.pupil.nc_year)), text_cell(pupil.pupil.included ? "Yes" : "No")};
        for (const auto &column : columns) r.push_back(column.value(pupil));
        t.rows.push_back(std::move(r));
    }
    t.footer_rows = statistics_rows(columns, counted, schemes);
    doc.blocks.emplace_back(std::move(t));
    return doc;
}

}  // namespace waymark::reports
