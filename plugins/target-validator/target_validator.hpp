// Target validation (seed 004 B.4): flags a target that looks too low, each flag with a code, a
// severity and a sentence a teacher can act on.
//   below_prior            serious  the target is below the prior key-stage result
//   below_current          serious  the target is below the pupil's latest judgement
//   below_school_rate      warning  the progress it implies is below the school's minimum rate a term
//   well_below_prediction  warning  it is more than a year's progress at the school's rate (three
//                                   terms; 2 points when the school sets no rate) below the prediction
#pragma once

#include <waymark/plugin.hpp>

#include <cstdint>
#include <functional>
#include <span>
#include <string>

namespace waymark::targets {

class target_validator {
public:
    static constexpr plugin_info info{"org.waymark.target-validator", WAYMARK_KIND_VALIDATOR, "Target validator",
                                      "Waymark", "1.0.0",
                                      "Flags targets below prior or current attainment, below the school's rate of "
                                      "progress, or well below the prediction."};

    static constexpr double terms_in_a_year = 3.0;
    static constexpr double well_below_without_rate = 2.0;

    explicit target_validator(const plugin_args &) {}

    using emit_fn = std::function<void(uint32_t, const char *, int32_t, const std::string &)>;
    void validate(std::span<const waymark_target_case> cases, const emit_fn &emit) const;
};

}  // namespace waymark::targets
