// The notional trajectory of seed 004 B.3: a straight line of progress from the prior key-stage
// result to the end-of-key-stage target, one cumulative value per term. Term weights bend the line
// for uneven terms (a long autumn, LEP's 3/2/2 points a term) without moving either end.
#pragma once

#include <waymark/plugin.hpp>

#include <span>

namespace waymark::targets {

class straight_line_trajectory {
public:
    static constexpr plugin_info info{"org.waymark.straight-line-trajectory", WAYMARK_KIND_TRAJECTORY,
                                      "Straight-line trajectory", "Waymark", "1.0.0",
                                      "A notional straight line of progress from prior attainment to the target, "
                                      "one progress target a term, with optional weights for uneven terms."};

    explicit straight_line_trajectory(const plugin_args &) {}

    // points[t] = baseline + (target - baseline) * (weights[0] + .. + weights[t]) / (sum of weights);
    // the last value is exactly the target. Refuses no terms, and weights that are negative, not
    // finite, or all zero.
    void plot(const waymark_trajectory_request &request, std::span<double> points) const;
};

}  // namespace waymark::targets
