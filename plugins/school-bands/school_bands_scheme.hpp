// A school-defined descriptor scheme read from a bands file whose path is the instance's setting.
// Point-in-time like the four-band scheme: a grade's band does not depend on year or term, and the
// scheme measures no progress.
#ifndef WAYMARK_SCHEMES_SCHOOL_BANDS_SCHEME_HPP
#define WAYMARK_SCHEMES_SCHOOL_BANDS_SCHEME_HPP

#include "bands_file.hpp"
#include "grade_lookup.hpp"

#include <waymark/plugin.hpp>

namespace waymark::schemes {

class school_bands_scheme : public scheme_base {
public:
    static constexpr plugin_info info{"org.waymark.school-bands", WAYMARK_KIND_SCHEME, "School bands", "Waymark",
                                      "1.0.0",
                                      "A school's own bands, read from a bands file named in the school's settings."};

    // `args.config` is the path of the bands file; a missing or malformed file refuses the instance.
    explicit school_bands_scheme(const plugin_args &args);

    const std::string &name() const { return name_; }

    uint32_t parse(std::string_view input, const context &where) const;
    void evaluate(const context &where, std::span<const uint32_t> grades, std::span<waymark_evaluation> out) const;

private:
    explicit school_bands_scheme(bands_definition definition);

    std::string name_;
    grade_lookup lookup_;
    std::vector<waymark_evaluation> evaluations_;
};

}  // namespace waymark::schemes

#endif
