// The Lancashire four-band scheme (seed 000): Below < Towards < On track < Deeper learning.
// Point-in-time: a band means "secure in what has been taught so far", so the evaluation does not
// depend on year or term, and the scheme measures no progress (it offers no progress interface).
#ifndef WAYMARK_SCHEMES_FOUR_BAND_SCHEME_HPP
#define WAYMARK_SCHEMES_FOUR_BAND_SCHEME_HPP

#include "grade_lookup.hpp"

#include <waymark/plugin.hpp>

#include <array>

namespace waymark::schemes {

class four_band_scheme : public scheme_base {
public:
    static constexpr plugin_info info{"org.waymark.lancashire-four-band", WAYMARK_KIND_SCHEME,
                                      "Lancashire four-band", "Waymark", "1.0.0",
                                      "Below, Towards, On track and Deeper learning, judged against what has "
                                      "been taught so far."};

    // Grade indices, lowest first.
    static constexpr uint32_t below = 0;
    static constexpr uint32_t towards = 1;
    static constexpr uint32_t on_track = 2;
    static constexpr uint32_t deeper_learning = 3;

    explicit four_band_scheme(const plugin_args &args);

    uint32_t parse(std::string_view input, const context &where) const;
    void evaluate(const context &where, std::span<const uint32_t> grades, std::span<waymark_evaluation> out) const;

private:
    grade_lookup lookup_;
    std::array<waymark_evaluation, 4> evaluations_;
};

}  // namespace waymark::schemes

#endif
