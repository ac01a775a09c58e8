// Precomputed evaluations, so that a scheme's evaluate() is a table lookup per grade with no
// allocation: the SDK asks for millions of evaluations a second.
#ifndef WAYMARK_SCHEMES_EVALUATION_TABLE_HPP
#define WAYMARK_SCHEMES_EVALUATION_TABLE_HPP

#include <waymark/plugin.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace waymark::schemes {

// Below `low` red and not on track, low..high green, above blue; both on track.
waymark_evaluation against_range(double points, double low, double high);

// out[i] = row[grades[i]]; the wrapper has already checked every index.
void copy_evaluations(const waymark_evaluation *row, std::span<const uint32_t> grades,
                      std::span<waymark_evaluation> out);

// One evaluation per grade and (NC year, term), for years first_year..last_year. Contexts outside
// that range, or with a term other than 1..3, evaluate to WAYMARK_BAND_NONE, not on track.
class evaluation_table {
public:
    evaluation_table(uint32_t grade_count, int32_t first_year, int32_t last_year, uint32_t none_colour);

    bool covers(int32_t nc_year, int32_t term) const;
    // Requires covers(nc_year, term) and grade < grade_count.
    waymark_evaluation &at(int32_t nc_year, int32_t term, uint32_t grade);

    void evaluate(const context &where, std::span<const uint32_t> grades, std::span<waymark_evaluation> out) const;

private:
    std::size_t row_offset(int32_t nc_year, int32_t term) const;

    uint32_t grade_count_;
    int32_t first_year_;
    int32_t last_year_;
    std::vector<waymark_evaluation> cells_;
    std::vector<waymark_evaluation> no_expectation_;
};

}  // namespace waymark::schemes

#endif
