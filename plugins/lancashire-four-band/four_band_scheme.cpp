#include "four_band_scheme.hpp"

#include "band_colours.hpp"
#include "evaluation_table.hpp"

namespace waymark::schemes {

four_band_scheme::four_band_scheme(const plugin_args &) : lookup_("the Lancashire four-band scheme") {
    // Seed 000: Below red and On track green by default; Towards amber and Deeper blue are ours.
    set_grades({
        {"B", "Below", false, 0.0, colours::red},
        {"T", "Towards", false, 0.0, colours::amber},
        {"OT", "On track", false, 0.0, colours::green},
        {"D", "Deeper learning", false, 0.0, colours::blue},
    });
    for (uint32_t grade = 0; grade < grade_defs().size(); ++grade) {
        lookup_.add(grade_defs()[grade].code, grade);
        lookup_.add(grade_defs()[grade].label, grade);
    }
    lookup_.add("Deeper", deeper_learning);
    lookup_.add("DL", deeper_learning);
    lookup_.set_choices("Below (B), Towards (T), On track (OT), Deeper learning (D or DL)");

    // Towards counts with Below: both are "not on track" in every summary and in the Venn report.
    evaluations_ = {{
        {WAYMARK_BAND_BELOW, 0, colours::red},
        {WAYMARK_BAND_BELOW, 0, colours::amber},
        {WAYMARK_BAND_AT, 1, colours::green},
        {WAYMARK_BAND_ABOVE, 1, colours::blue},
    }};
}

uint32_t four_band_scheme::parse(std::string_view input, const context &) const { return lookup_.parse(input); }

void four_band_scheme::evaluate(const context &, std::span<const uint32_t> grades,
                                std::span<waymark_evaluation> out) const {
    copy_evaluations(evaluations_.data(), grades, out);
}

}  // namespace waymark::schemes
