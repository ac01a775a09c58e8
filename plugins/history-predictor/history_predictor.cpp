#include "history_predictor.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

namespace waymark::targets {

namespace {

// Points are sums of halves and whole numbers in every built-in scheme; the tolerance only absorbs
// the rounding of points that went through a database as doubles.
bool same_points(double a, double b) { return std::fabs(a - b) < 1e-6; }

std::string points_text(double points) {
    std::ostringstream out;
    out << points;
    return out.str();
}

}  // namespace

waymark_prediction history_predictor::predict(const waymark_prediction_request &request, std::string &note) const {
    if (request.history_count > 0 && (request.history_prior == nullptr || request.history_outcome == nullptr)) {
        throw invalid_input("The history has a count but no prior results or outcomes.");
    }
    if (request.higher_points < request.expected_points) {
        throw invalid_input("The higher standard (" + points_text(request.higher_points) +
                            " points) must not be below the expected standard (" +
                            points_text(request.expected_points) + " points).");
    }
    std::map<double, uint32_t> outcomes;
    uint32_t matched = 0;
    uint32_t reached_expected = 0;
    uint32_t reached_higher = 0;
    for (uint32_t i = 0; i < request.history_count; ++i) {
        if (!same_points(request.history_prior[i], request.prior_points)) continue;
        const double outcome = request.history_outcome[i];
        ++matched;
        ++outcomes[outcome];
        if (outcome >= request.expected_points - 1e-6) ++reached_expected;
        if (outcome >= request.higher_points - 1e-6) ++reached_higher;
    }
    waymark_prediction out{};
    out.based_on = matched;
    if (matched < minimum_history) {
        out.sufficient = 0;
        note = "Only " + std::to_string(matched) + " earlier pupil" + (matched == 1 ? "" : "s") +
               " had the same prior attainment (" + points_text(request.prior_points) + " points); at least " +
               std::to_string(minimum_history) + " are needed for a prediction.";
        return out;
    }
    // std::map runs lowest first and max_element keeps the first of equals: ties go to the lower outcome.
    const auto likely = std::max_element(outcomes.begin(), outcomes.end(),
                                         [](const auto &a, const auto &b) { return a.second < b.second; });
    out.sufficient = 1;
    out.likely_points = likely->first;
    out.probability_expected = static_cast<double>(reached_expected) / matched;
    out.probability_higher = static_cast<double>(reached_higher) / matched;
    note = "Based on " + std::to_string(matched) + " earlier pupils with the same prior attainment.";
    return out;
}

}  // namespace waymark::targets
