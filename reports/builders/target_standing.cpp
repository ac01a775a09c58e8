#include "reports/builders/target_standing.hpp"

#include "plugin_host/plugin_error.hpp"

#include <algorithm>
#include <cstdlib>

namespace waymark::reports {
namespace {

// Seed 003: below red, on green, above blue (as the progress report bands progress).
const band below_band{"BL", "Below", 0xF2A7A7};
const band on_band{"ON", "On", 0xA8DCA8};
const band above_band{"AB", "Above", 0x9EC5F0};

std::string grades_text(int gap) { return std::to_string(gap) + (gap == 1 ? " grade" : " grades"); }

}  // namespace

std::map<std::string, std::vector<target_standing>> load_target_standings(soci::session &session, const store::school &school,
                                                                          const services::scheme_library &schemes,
                                                                          const plugins::trajectory *plotter,
                                                                          const std::optional<std::string> &upn, const std::string &as_of) {
    std::map<std::string, std::vector<target_standing>> out;
    const auto targets = services::list_targets(session, school, {upn, std::nullopt, as_of, false});
    if (targets.empty()) return out;
    std::map<std::pair<std::string, std::string>, services::pupil_trajectory> lines;
    if (plotter != nullptr) {
        for (auto &line : services::school_trajectories(session, school, schemes, *plotter, {upn, std::nullopt}))
            lines.emplace(std::pair{line.upn, line.subject}, std::move(line));
    }
    for (const auto &target : targets) {
        target_standing standing{target, std::nullopt};
        if (target.target.horizon == services::target_horizon::end_of_key_stage) {
            const auto line = lines.find({target.target.upn, target.target.subject});
            if (line != lines.end() && line->second.target_grade == target.grade_code && line->second.scheme_id == target.scheme_id)
                standing.trajectory = line->second;
        }
        out[target.target.upn].push_back(std::move(standing));
    }
    return out;
}

target_position position_at(const target_standing &standing, const plugins::scheme &scheme, int academic_year, domain::term term,
                            const std::string &judged_code) {
    target_position out;
    out.judged = judged_code;
    if (standing.trajectory && standing.trajectory->unavailable.empty()) {
        const auto &terms = standing.trajectory->terms;
        const auto found = std::find_if(terms.begin(), terms.end(),
                                        [&](const auto &t) { return t.academic_year == academic_year && t.term == term; });
        if (found != terms.end()) return term_position(*found);
    }
    if (judged_code.empty() || standing.target.grade_code.empty()) return out;
    const auto judged = scheme.find_code(judged_code);
    const auto target = scheme.find_code(standing.target.grade_code);
    if (!judged || !target) return out;
    out.gap = std::abs(static_cast<int>(*judged) - static_cast<int>(*target));
    out.where = *judged > *target ? against_target::above : *judged < *target ? against_target::below : against_target::on;
    return out;
}

target_position term_position(const services::trajectory_term &term) {
    target_position out;
    out.by_trajectory = true;
    out.line = term.grade;
    out.judged = term.attained.value_or("");
    out.gap = term.gap;
    out.where = term.position == "above"   ? against_target::above
                : term.position == "below" ? against_target::below
                : term.position == "on"    ? against_target::on
                                           : against_target::not_judged;
    return out;
}

target_ambition target_against_expected(const services::target_record &target, const plugins::scheme &scheme, int nc_year_now,
                                        int academic_year_now) {
    const auto grade = scheme.find_code(target.grade_code);
    if (!grade) return {};
    const plugins::judgement_context then{nc_year_now + (target.academic_year - academic_year_now), WAYMARK_TERM_SUMMER,
                                          target.target.subject};
    try {
        const auto evaluated = scheme.evaluate(then, *grade);
        return {evaluated.on_track != 0, evaluated.band == WAYMARK_BAND_ABOVE};
    } catch (const plugins::plugin_error &) {
        return {};  // no expectation for that year
    }
}

std::string position_text(const target_position &position) {
    const std::string what = position.by_trajectory ? "" : " target";
    switch (position.where) {
        case against_target::above: return "Above" + what + " by " + grades_text(position.gap);
        case against_target::below: return "Below" + what + " by " + grades_text(position.gap);
        case against_target::on: return position.by_trajectory ? "On" : "At target";
        case against_target::not_judged: break;
    }
    return "Not judged";
}

std::optional<band> position_band(const target_position &position) {
    std::optional<band> out;
    switch (position.where) {
        case against_target::above: out = above_band; break;
        case against_target::below: out = below_band; break;
        case against_target::on: out = on_band; break;
        case against_target::not_judged: return out;
    }
    // The cell's text says the position in words, so renderers need not add the code for greyscale.
    out->label = position_text(position);
    return out;
}

std::string target_horizon_text(const services::target_record &target) {
    return std::string(target.target.horizon == services::target_horizon::end_of_key_stage ? "End of key stage" : "End of year") + " (" +
           domain::format_academic_year({target.academic_year}) + ")";
}

cell target_grade_cell(const services::target_record &target, const services::scheme_library &schemes) {
    const plugins::scheme &scheme = schemes.get(target.scheme_id);
    cell out{target.grade_code, std::nullopt, std::nullopt, "", 1};
    if (const auto grade = scheme.find_code(target.grade_code)) {
        const auto &info = scheme.grades()[*grade];
        out.text = info.label;
        out.cell_band = band{info.code, info.label, info.colour_rgb};
    }
    return out;
}

}  // namespace waymark::reports
