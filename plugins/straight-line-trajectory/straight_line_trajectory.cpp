#include "straight_line_trajectory.hpp"

#include <cmath>
#include <string>

namespace waymark::targets {

void straight_line_trajectory::plot(const waymark_trajectory_request &request, std::span<double> points) const {
    if (request.term_count == 0) {
        throw invalid_input("A trajectory needs at least one term between the prior result and the target.");
    }
    if (!std::isfinite(request.baseline_points) || !std::isfinite(request.target_points)) {
        throw invalid_input("The prior result and the target must both have points to draw a trajectory.");
    }
    const std::span<const double> weights =
        request.term_weights != nullptr ? std::span<const double>(request.term_weights, request.term_count)
                                        : std::span<const double>();
    double total = 0.0;
    for (std::size_t term = 0; term < weights.size(); ++term) {
        if (!std::isfinite(weights[term]) || weights[term] < 0.0) {
            throw invalid_input("The weight of term " + std::to_string(term + 1) +
                                " must be a number of zero or more.");
        }
        total += weights[term];
    }
    if (!weights.empty() && total <= 0.0) {
        throw invalid_input("At least one term weight must be more than zero.");
    }
    const double rise = request.target_points - request.baseline_points;
    double so_far = 0.0;
    for (std::size_t term = 0; term < points.size(); ++term) {
        so_far += weights.empty() ? 1.0 : weights[term];
        const double share = so_far / (weights.empty() ? static_cast<double>(points.size()) : total);
        points[term] = request.baseline_points + rise * share;
    }
    // Rounding in the running sum must not leave the line a hair short of the target.
    points.back() = request.target_points;
}

}  // namespace waymark::targets
