// APP / National Curriculum sublevels (seed 004, domain.md 3.3): P1..P8, W, 1c..8a, EP, on the fine
// points scale (W = 3, Nb = 6N + 3, one sublevel = 2 points), judged against a straight expectation
// line from W at the end of Reception through 2b at the end of KS1 to 4b at the end of KS2.
#ifndef WAYMARK_SCHEMES_APP_SUBLEVELS_SCHEME_HPP
#define WAYMARK_SCHEMES_APP_SUBLEVELS_SCHEME_HPP

#include "evaluation_table.hpp"
#include "grade_lookup.hpp"

#include <waymark/plugin.hpp>

#include <optional>
#include <string>
#include <unordered_map>

namespace waymark::schemes {

class app_sublevels_scheme : public scheme_base {
public:
    static constexpr plugin_info info{"org.waymark.app-sublevels", WAYMARK_KIND_SCHEME, "APP sublevels", "Waymark",
                                      "1.0.0",
                                      "National Curriculum levels and sublevels (P1-P8, W, 1c to 8a, EP) with "
                                      "2b expected at the end of KS1 and 4b at the end of KS2."};

    static constexpr double points_per_sublevel = 2.0;
    static constexpr uint32_t grade_count = 34;  // P1..P8, W, 1c..8a, EP
    static constexpr uint32_t w = 8;             // the index of W

    explicit app_sublevels_scheme(const plugin_args &args);

    uint32_t parse(std::string_view input, const context &where) const;
    void evaluate(const context &where, std::span<const uint32_t> grades, std::span<waymark_evaluation> out) const;

    waymark_progress progress(uint32_t from_grade, const context &from, uint32_t to_grade, const context &to) const;
    double expected_points(const context &from, const context &to) const;

    // The expectation line at the end of a term, in points; none outside Reception Summer..Year 6 Summer.
    static std::optional<double> expected_at(int32_t nc_year, int32_t term);

private:
    double points_of(uint32_t grade) const { return grade_defs()[grade].points; }

    grade_lookup lookup_;
    // A bare level ("2", "level 4") covers three sublevels and is refused naming them.
    std::unordered_map<std::string, std::string> sublevels_by_level_;
    evaluation_table evaluations_;
};

}  // namespace waymark::schemes

#endif
