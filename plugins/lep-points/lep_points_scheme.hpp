// The Leek Education Partnership points scheme (seed 003, domain.md 3.2): points 1..101, where a
// point's name depends on the pupil's year (Year 4 Mastery = Year 5 Entering = 51), termly
// expected ranges, and progress of 7 points a year (Autumn 3, Spring 2, Summer 2).
#ifndef WAYMARK_SCHEMES_LEP_POINTS_SCHEME_HPP
#define WAYMARK_SCHEMES_LEP_POINTS_SCHEME_HPP

#include "evaluation_table.hpp"
#include "grade_lookup.hpp"

#include <waymark/plugin.hpp>

#include <string>
#include <unordered_map>
#include <utility>

namespace waymark::schemes {

class lep_points_scheme : public scheme_base {
public:
    static constexpr plugin_info info{"org.waymark.lep-points", WAYMARK_KIND_SCHEME, "LEP points", "Waymark", "1.0.0",
                                      "The Leek Education Partnership's points 1 to 101 with termly age-related "
                                      "expectations and 7 points of expected progress a year."};

    static constexpr int32_t first_point = 1;
    static constexpr int32_t last_point = 101;
    static constexpr int32_t last_year = 11;

    static constexpr uint32_t index_of(int32_t point) { return static_cast<uint32_t>(point - first_point); }
    static constexpr int32_t point_of(uint32_t index) { return static_cast<int32_t>(index) + first_point; }
    // Year Y's row spans these points (Entering 2, Developing 2, Securing 3, Mastery 2).
    static constexpr int32_t year_first_point(int32_t year) { return 7 * year + 16; }
    static constexpr int32_t year_last_point(int32_t year) { return 7 * year + 24; }

    explicit lep_points_scheme(const plugin_args &args);

    uint32_t parse(std::string_view input, const context &where) const;
    std::string describe(uint32_t grade, const context &where) const;
    void evaluate(const context &where, std::span<const uint32_t> grades, std::span<waymark_evaluation> out) const;

    waymark_progress progress(uint32_t from_grade, const context &from, uint32_t to_grade, const context &to) const;
    double expected_points(const context &from, const context &to) const;

    // The expected range [first, last] for the end of `term` in `nc_year`, or {0, 0} when the scheme
    // sets none (before Reception).
    static std::pair<int32_t, int32_t> expected_range(int32_t nc_year, int32_t term);

private:
    grade_lookup lookup_;
    // Year-group labels ("Year 4 Entering") name two or three points, so they are refused with the
    // points they cover: key -> {first, last}.
    std::unordered_map<std::string, std::pair<int32_t, int32_t>> ranges_by_label_;
    evaluation_table evaluations_;
};

}  // namespace waymark::schemes

#endif
