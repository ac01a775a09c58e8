#include "target_validator.hpp"

#include <cmath>
#include <sstream>

namespace waymark::targets {

namespace {

// Points as a teacher reads them: whole numbers bare, fractions to two places at most.
std::string number(double value) {
    std::ostringstream out;
    out << std::round(value * 100.0) / 100.0;
    return out.str();
}

std::string label_or_points(const char *label, double points) {
    if (label != nullptr && *label != '\0') return label;
    return number(points) + " points";
}

constexpr double tolerance = 1e-9;

}  // namespace

void target_validator::validate(std::span<const waymark_target_case> cases, const emit_fn &emit) const {
    for (uint32_t index = 0; index < cases.size(); ++index) {
        const waymark_target_case &c = cases[index];
        const std::string target = label_or_points(c.target_label, c.target_points);
        if (c.has_prior && c.target_points < c.prior_points - tolerance) {
            const std::string prior = label_or_points(c.prior_label, c.prior_points);
            emit(index, "below_prior", WAYMARK_SEVERITY_SERIOUS,
                 "Target " + target + " is below the pupil's prior key-stage result " + prior +
                     "; raise it to at least " + prior + ".");
        }
        if (c.has_current && c.target_points < c.current_points - tolerance) {
            const std::string current = label_or_points(c.current_label, c.current_points);
            emit(index, "below_current", WAYMARK_SEVERITY_SERIOUS,
                 "Target " + target + " is below what the pupil already attains (" + current +
                     "); raise it to at least " + current + ".");
        }
        // A target below the prior result is already flagged; a rate flag on top would say it twice.
        if (c.has_prior && c.school_rate_per_term > 0.0 && c.terms_to_target > 0.0 &&
            c.target_points >= c.prior_points - tolerance) {
            const double implied = c.target_points - c.prior_points;
            const double minimum = c.school_rate_per_term * c.terms_to_target;
            if (implied < minimum - tolerance) {
                emit(index, "below_school_rate", WAYMARK_SEVERITY_WARNING,
                     "Target " + target + " means " + number(implied) + " points of progress from " +
                         label_or_points(c.prior_label, c.prior_points) + " over " + number(c.terms_to_target) +
                         " terms, less than the school's minimum of " + number(minimum) + " (" +
                         number(c.school_rate_per_term) + " a term).");
            }
        }
        if (c.has_prediction) {
            const double margin = c.school_rate_per_term > 0.0 ? c.school_rate_per_term * terms_in_a_year
                                                                : well_below_without_rate;
            if (c.predicted_points - c.target_points > margin + tolerance) {
                emit(index, "well_below_prediction", WAYMARK_SEVERITY_WARNING,
                     "Target " + target + " is well below the prediction of " +
                         label_or_points(c.predicted_label, c.predicted_points) +
                         " from earlier pupils with the same prior attainment; check it is ambitious enough.");
            }
        }
    }
}

}  // namespace waymark::targets
