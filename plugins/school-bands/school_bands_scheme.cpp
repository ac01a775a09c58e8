#include "school_bands_scheme.hpp"

#include "evaluation_table.hpp"

namespace waymark::schemes {

school_bands_scheme::school_bands_scheme(const plugin_args &args)
    : school_bands_scheme(read_bands_file(std::string(args.config))) {}

school_bands_scheme::school_bands_scheme(bands_definition definition)
    : name_(definition.name), lookup_("the " + definition.name + " scheme") {
    std::vector<grade_def> grades;
    std::string choices;
    for (const band_grade &g : definition.grades) {
        const auto index = static_cast<uint32_t>(grades.size());
        grades.push_back({g.code, g.label, g.has_points, g.points, g.colour_rgb});
        evaluations_.push_back({g.band, g.on_track ? 1 : 0, g.colour_rgb});
        // The file reader has already refused any name two grades share.
        lookup_.add(g.code, index);
        lookup_.add(g.label, index);
        std::string spellings = g.code;
        for (const auto &alias : g.aliases) {
            lookup_.add(alias, index);
            spellings += ", " + alias;
        }
        choices += (choices.empty() ? "" : "; ") + g.label + " (" + spellings + ")";
    }
    lookup_.set_choices(choices);
    set_grades(std::move(grades));
}

uint32_t school_bands_scheme::parse(std::string_view input, const context &) const { return lookup_.parse(input); }

void school_bands_scheme::evaluate(const context &, std::span<const uint32_t> grades,
                                   std::span<waymark_evaluation> out) const {
    copy_evaluations(evaluations_.data(), grades, out);
}

}  // namespace waymark::schemes
