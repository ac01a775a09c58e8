#include "services/targets/trajectories.hpp"

#include "services/tracking/pupil_selection.hpp"
#include "services/tracking/subject_judgements.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace waymark::services {
namespace {

constexpr double same_points = 1e-9;

// The scheme's grades that have points, lowest first: the scale a line is read against.
struct points_scale {
    std::vector<std::pair<double, uint32_t>> grades;  // points, grade index

    explicit points_scale(const plugins::scheme &scheme) {
        for (uint32_t i = 0; i < scheme.grade_count(); ++i)
            if (const auto &p = scheme.grades()[i].points) grades.emplace_back(*p, i);
        std::stable_sort(grades.begin(), grades.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    }

    // Positions of the grades at or just below and at or just above `points` (equal on a grade).
    std::pair<std::size_t, std::size_t> bracket(double points) const {
        std::size_t upper = 0;
        while (upper + 1 < grades.size() && grades[upper].first < points - same_points) ++upper;
        std::size_t lower = upper;
        if (grades[upper].first > points + same_points && upper > 0) lower = upper - 1;
        return {lower, upper};
    }

    // The line's positions under a rounding mode: one position (nearest) or the pair.
    std::pair<std::size_t, std::size_t> on_line(double points, trajectory_rounding rounding) const {
        const auto [lower, upper] = bracket(points);
        if (rounding == trajectory_rounding::pair || lower == upper) return {lower, upper};
        const bool upper_nearer = grades[upper].first - points < points - grades[lower].first - same_points;
        const std::size_t nearest = upper_nearer ? upper : lower;
        return {nearest, nearest};
    }

    std::optional<std::size_t> position_of(uint32_t grade) const {
        for (std::size_t at = 0; at < grades.size(); ++at)
            if (grades[at].second == grade) return at;
        return std::nullopt;
    }
};

std::string line_label(const plugins::scheme &scheme, const points_scale &scale, std::pair<std::size_t, std::size_t> line) {
    const auto code = [&](std::size_t at) { return scheme.grades()[scale.grades[at].second].code; };
    return line.first == line.second ? code(line.first) : code(line.second) + "/" + code(line.first);
}

int32_t term_number(domain::term term) { return static_cast<int32_t>(term) + WAYMARK_TERM_AUTUMN; }

// Weights for the terms after the baseline: the policy's, else the scheme's expected progress a term,
// else none (even terms).
std::vector<double> term_weights(const target_policy &policy, const plugins::scheme &scheme, const std::string &subject,
                                 const std::vector<trajectory_term> &terms, int baseline_nc_year, domain::term baseline_term,
                                 std::string &weighting) {
    std::vector<double> weights;
    if (!policy.term_weights.empty()) {
        for (const auto &t : terms) weights.push_back(policy.term_weights[static_cast<std::size_t>(t.term)]);
        weighting = "school policy";
        return weights;
    }
    try {
        plugins::judgement_context before{baseline_nc_year, term_number(baseline_term), subject};
        for (const auto &t : terms) {
            const plugins::judgement_context after{t.nc_year, term_number(t.term), subject};
            weights.push_back(scheme.progress()->expected_points(before, after));
            before = after;
        }
    } catch (const plugins::plugin_error &) {
        weights.clear();  // the scheme sets no expectation for part of the span: even terms
    }
    if (std::none_of(weights.begin(), weights.end(), [](double w) { return w > 0.0; })) weights.clear();
    weighting = weights.empty() ? "even" : "scheme's expected progress";
    return weights;
}

pupil_trajectory trajectory_of(const target_record &target, const plugins::scheme &scheme, const target_policy &policy,
                               const plugins::trajectory &plotter, int nc_year_now, int current_year,
                               const std::vector<dated_judgement> &judgements) {
    pupil_trajectory out;
    out.upn = target.target.upn;
    out.subject = target.target.subject;
    out.scheme_id = target.scheme_id;
    out.target_grade = target.grade_code;
    out.rounding = policy.rounding;
    out.plugin_id = plotter.plugin().descriptor().id;
    const std::string scheme_name = scheme.descriptor().name;
    if (scheme.progress() == nullptr) {
        out.unavailable = "The " + scheme_name + " scheme measures no progress, so " + out.subject + " targets in it have no trajectory.";
        return out;
    }
    const dated_judgement *in_scheme = earliest_in(judgements, target.scheme_id);
    // The points of a stored code, or nothing for a code the scheme no longer has or one without points.
    const auto points_of = [&](const std::string &code) -> std::optional<double> {
        const auto grade = scheme.find_code(code);
        return grade ? scheme.grades()[*grade].points : std::nullopt;
    };
    const auto baseline_points = in_scheme == nullptr ? std::nullopt : points_of(in_scheme->grade_code);
    const auto target_points = points_of(target.grade_code);
    if (!baseline_points || !target_points) {
        out.unavailable = "Pupil " + out.upn + " has no " + out.subject + " judgement in " + scheme_name +
                          " to start a trajectory from.";
        return out;
    }
    out.baseline_grade = in_scheme->grade_code;
    out.baseline_year = in_scheme->academic_year;
    out.baseline_term = in_scheme->term;
    const int term_count = terms_until_summer(*in_scheme, target.academic_year);
    if (term_count <= 0) {
        out.unavailable = "Pupil " + out.upn + "'s first " + out.subject + " judgement is not before the end of the key stage, "
                          "so there is no trajectory to draw.";
        return out;
    }
    const int baseline_nc_year = nc_year_now - (current_year - out.baseline_year);
    for (int step = 1; step <= term_count; ++step) {
        const int from_start = static_cast<int>(out.baseline_term) + step;
        trajectory_term t;
        t.academic_year = out.baseline_year + from_start / 3;
        t.nc_year = baseline_nc_year + from_start / 3;
        t.term = static_cast<domain::term>(from_start % 3);
        out.terms.push_back(t);
    }
    const auto weights = term_weights(policy, scheme, out.subject, out.terms, baseline_nc_year, out.baseline_term, out.weighting);
    const auto points = plotter.plot(*baseline_points, *target_points,
                                     static_cast<uint32_t>(term_count), weights);
    const points_scale scale(scheme);
    for (std::size_t i = 0; i < out.terms.size(); ++i) {
        auto &t = out.terms[i];
        t.points = points[i];
        const auto line = scale.on_line(t.points, policy.rounding);
        t.grade = line_label(scheme, scale, line);
        // The review's judgement: the latest of that term in the target's scheme.
        const dated_judgement *review = nullptr;
        for (const auto &j : judgements)
            if (j.academic_year == t.academic_year && j.term == t.term && j.scheme_id == target.scheme_id) review = &j;
        if (review == nullptr) continue;
        t.attained = review->grade_code;
        const auto grade = scheme.find_code(review->grade_code);
        const auto at = grade ? scale.position_of(*grade) : std::nullopt;
        if (!at) continue;
        if (*at > line.second) {
            t.position = "above";
            t.gap = static_cast<int>(*at - line.second);
        } else if (*at < line.first) {
            t.position = "below";
            t.gap = static_cast<int>(line.first - *at);
        } else {
            t.position = "on";
        }
    }
    return out;
}

}  // namespace

std::string grade_on_line(const plugins::scheme &scheme, double points, trajectory_rounding rounding) {
    const points_scale scale(scheme);
    if (scale.grades.empty()) return "";
    return line_label(scheme, scale, scale.on_line(points, rounding));
}

std::vector<pupil_trajectory> school_trajectories(soci::session &session, const store::school &school,
                                                  const scheme_library &schemes, const plugins::trajectory &plotter,
                                                  const trajectory_query &query) {
    auto targets = list_targets(session, school, {query.upn, query.subject, "", false});
    std::erase_if(targets, [](const target_record &t) { return t.target.horizon != target_horizon::end_of_key_stage; });
    const target_policy policy = read_target_policy(session, school);
    std::map<long long, int> nc_years;
    for (const auto &p : select_pupils(session, school, {}, school.current_year)) nc_years.emplace(p.id, p.nc_year);
    std::map<std::string, std::set<long long>> pupils_by_subject;
    for (const auto &t : targets) pupils_by_subject[t.target.subject].insert(t.pupil_id);
    const auto ids = subject_ids(session);
    std::map<std::string, std::map<long long, std::vector<dated_judgement>>> judgements;
    for (const auto &[subject, pupils] : pupils_by_subject)
        judgements[subject] = subject_judgements(session, school, ids.at(subject), pupils);

    std::vector<pupil_trajectory> out;
    const std::vector<dated_judgement> none;
    for (const auto &t : targets) {
        const auto year = nc_years.find(t.pupil_id);
        if (year == nc_years.end()) continue;  // left the school: no trajectory to follow
        const auto &of_subject = judgements[t.target.subject];
        const auto found = of_subject.find(t.pupil_id);
        out.push_back(trajectory_of(t, schemes.get(t.scheme_id), policy, plotter, year->second,
                                    school.current_year.start_year, found == of_subject.end() ? none : found->second));
    }
    return out;
}

}  // namespace waymark::services
