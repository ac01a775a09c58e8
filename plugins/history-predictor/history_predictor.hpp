// A prediction (seed 004 A.1) from the school's or authority's own history: among earlier pupils
// with the same prior attainment, the outcome most of them reached and the share that reached the
// expected and the higher standards. Too few such pupils and it says so rather than guess.
#pragma once

#include <waymark/plugin.hpp>

#include <cstdint>
#include <string>

namespace waymark::targets {

class history_predictor {
public:
    static constexpr plugin_info info{"org.waymark.history-predictor", WAYMARK_KIND_PREDICTOR, "History predictor",
                                      "Waymark", "1.0.0",
                                      "Predicts an end-of-key-stage outcome from the outcomes of earlier pupils "
                                      "with the same prior attainment."};

    // Fewer earlier pupils with the same prior attainment than this and there is no prediction.
    static constexpr uint32_t minimum_history = 10;

    explicit history_predictor(const plugin_args &) {}

    // Earlier pupils count as "the same prior attainment" when their prior points equal the pupil's.
    // The most likely outcome is the commonest; a tie goes to the lower outcome, so the prediction
    // never flatters. Probabilities are shares of those pupils at or above each standard.
    waymark_prediction predict(const waymark_prediction_request &request, std::string &note) const;
};

}  // namespace waymark::targets
