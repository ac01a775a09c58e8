#include "services/tracking/class_grid.hpp"

#include "store/pupils.hpp"
#include "store/statutory.hpp"

#include <waymark/plugin.h>

#include <algorithm>
#include <charconv>
#include <tuple>

namespace waymark::services {
namespace {

struct pending_judgement {
    grid_judgement *cell;
    uint32_t grade;
};

// One query for the whole grid, however many pupils it shows.
void count_progress_meetings(soci::session &session, const store::school &school, const std::string &as_of,
                             const std::map<long long, std::size_t> &row_of, std::vector<grid_row> &rows) {
    const std::string last_day = as_of.empty() ? std::string("9999-12-31") : as_of.substr(0, 10);
    long long pupil_id = 0;
    int meetings = 0;
    soci::statement counted = (session.prepare << "SELECT pupil_id, CAST(COUNT(*) AS INTEGER) FROM wm_pupil_meetings WHERE school_id = :s "
                                                  "AND held_on <= :d GROUP BY pupil_id",
                               soci::into(pupil_id), soci::into(meetings), soci::use(school.id, "s"), soci::use(last_day, "d"));
    counted.execute();
    while (counted.fetch()) {
        if (const auto row = row_of.find(pupil_id); row != row_of.end()) rows[row->second].progress_meetings = meetings;
    }
}

phonics_check_result &phonics_taken(grid_row &row, int grid_year, domain::academic_year taken) {
    const int nc_year = row.pupil.nc_year - (grid_year - taken.start_year);
    auto &checks = row.details->statutory.phonics;
    const auto found = std::find_if(checks.begin(), checks.end(), [&](const auto &check) { return check.nc_year == nc_year; });
    if (found != checks.end()) return *found;
    const auto later = std::find_if(checks.begin(), checks.end(), [&](const auto &check) { return check.nc_year > nc_year; });
    return *checks.insert(later, {nc_year, "", ""});
}

void add_statutory_result(grid_row &row, int grid_year, const domain::statutory_result &result) {
    auto &held = row.details->statutory;
    switch (result.kind) {
        case domain::statutory_kind::eyfsp_gld: held.gld = result.value == "Y"; break;
        case domain::statutory_kind::phonics_mark: phonics_taken(row, grid_year, result.year).mark = result.value; break;
        case domain::statutory_kind::phonics_outcome: phonics_taken(row, grid_year, result.year).outcome = result.value; break;
        case domain::statutory_kind::ks1_ta: held.key_stage_1[result.subject].teacher_assessment = result.value; break;
        case domain::statutory_kind::ks1_scaled: held.key_stage_1[result.subject].scaled_score = result.value; break;
        default: break;  // EYFSP goals are summed up by GLD; KS2 results belong to pupils who have left
    }
}

// Three queries for the whole grid, each reading only the grid's pupils: their records, their
// statutory results and the flags' names.
void add_pupil_details(soci::session &session, const store::school &school, const assessment &which,
                       const std::map<long long, std::size_t> &row_of, class_grid &grid) {
    std::vector<long long> ids;
    for (const auto &[id, row] : row_of) ids.push_back(id);
    std::map<std::string, std::size_t, std::less<>> row_of_upn;
    for (auto &stored : store::load_pupils_by_id(session, school.id, ids)) {
        const auto row = row_of.find(stored.id);
        if (row == row_of.end()) continue;
        row_of_upn.emplace(stored.pupil.upn, row->second);
        grid.rows[row->second].details = grid_pupil_details{std::move(stored.pupil), {}};
    }
    for (const auto &result : store::load_statutory_outcomes(session, school.id, ids)) {
        if (const auto row = row_of_upn.find(result.upn); row != row_of_upn.end())
            add_statutory_result(grid.rows[row->second], which.year.start_year, result);
    }
    grid.custom_flag_names = store::custom_flag_names(session, school.id);
}

}  // namespace

class_grid load_class_grid(soci::session &session, const store::school &school, const assessment &which,
                           const scheme_library &schemes, const pupil_selection &pupils, const std::string &as_of,
                           grid_contents contents) {
    class_grid grid{which, as_of, {}, {}};
    std::map<long long, std::size_t> row_of;
    std::vector<long long> ids;
    for (auto &pupil : select_pupils(session, school, pupils, which.year)) {
        row_of.emplace(pupil.id, grid.rows.size());
        ids.push_back(pupil.id);
        grid.rows.push_back({std::move(pupil), {}, {}, {}, {}, {}, 0, {}});
    }
    if (grid.rows.empty()) return grid;

    // Judgements wait for one batch evaluation per (subject, judged year).
    std::map<std::tuple<std::string, int>, std::vector<pending_judgement>> pending;
    for (const auto &found : current_cells(session, which, ids, as_of)) {
        const auto row = row_of.find(found.pupil_id);
        if (row == row_of.end()) continue;
        auto &line = grid.rows[row->second];
        const auto &r = found.record;
        line.record_ids[{r.cell.kind, r.cell.subject}] = r.id;
        switch (r.cell.kind) {
            case cell_kind::test: line.test_scores[r.cell.subject] = r.value; break;
            case cell_kind::formative: line.formative[r.cell.subject] = r.value; break;
            case cell_kind::phonics: line.phonics = r.value; break;
            case cell_kind::judgement: {
                const assessment_subject *subject = which.subject(r.cell.subject);
                if (!subject) break;  // a subject no longer in the assessment
                const auto grade = schemes.get(subject->scheme_id).find_code(r.value);
                if (!grade) break;  // a code the scheme no longer has: nothing to evaluate
                grid_judgement &cell = line.judgements[r.cell.subject];
                cell.code = r.value;
                cell.judged_year = r.judged_year.value_or(line.pupil.nc_year);
                cell.colour_overridden = r.colour.has_value();
                cell.colour = r.colour.value_or(0);
                pending[{r.cell.subject, cell.judged_year}].push_back({&cell, *grade});
                break;
            }
        }
    }
    count_progress_meetings(session, school, as_of, row_of, grid.rows);
    if (contents == grid_contents::cells_and_pupil_details) add_pupil_details(session, school, which, row_of, grid);
    const int32_t term = static_cast<int32_t>(which.term) + 1;
    std::vector<uint32_t> grades;
    std::vector<waymark_evaluation> evaluations;
    for (const auto &[key, cells] : pending) {
        const auto &[subject, year] = key;
        const plugins::scheme &scheme = schemes.get(which.subject(subject)->scheme_id);
        const plugins::judgement_context context{year, term, subject};
        grades.clear();
        for (const auto &p : cells) grades.push_back(p.grade);
        evaluations.resize(grades.size());
        scheme.evaluate(context, grades, evaluations);
        for (std::size_t i = 0; i < cells.size(); ++i) {
            grid_judgement &cell = *cells[i].cell;
            cell.band = evaluations[i].band;
            cell.on_track = evaluations[i].on_track != 0;
            if (!cell.colour_overridden) cell.colour = evaluations[i].colour_rgb;
            cell.label = scheme.describe(cells[i].grade, context);
        }
    }
    return grid;
}

}  // namespace waymark::services
