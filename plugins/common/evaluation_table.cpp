#include "evaluation_table.hpp"

#include "band_colours.hpp"

namespace waymark::schemes {

waymark_evaluation against_range(double points, double low, double high) {
    if (points < low) return {WAYMARK_BAND_BELOW, 0, colours::red};
    if (points <= high) return {WAYMARK_BAND_AT, 1, colours::green};
    return {WAYMARK_BAND_ABOVE, 1, colours::blue};
}

void copy_evaluations(const waymark_evaluation *row, std::span<const uint32_t> grades,
                      std::span<waymark_evaluation> out) {
    for (std::size_t i = 0; i < grades.size(); ++i) out[i] = row[grades[i]];
}

evaluation_table::evaluation_table(uint32_t grade_count, int32_t first_year, int32_t last_year,
                                   uint32_t none_colour)
    : grade_count_(grade_count),
      first_year_(first_year),
      last_year_(last_year),
      cells_(static_cast<std::size_t>(last_year - first_year + 1) * 3 * grade_count,
             waymark_evaluation{WAYMARK_BAND_NONE, 0, none_colour}),
      no_expectation_(grade_count, waymark_evaluation{WAYMARK_BAND_NONE, 0, none_colour}) {}

bool evaluation_table::covers(int32_t nc_year, int32_t term) const {
    return nc_year >= first_year_ && nc_year <= last_year_ && term >= WAYMARK_TERM_AUTUMN &&
           term <= WAYMARK_TERM_SUMMER;
}

std::size_t evaluation_table::row_offset(int32_t nc_year, int32_t term) const {
    const auto row = static_cast<std::size_t>((nc_year - first_year_) * 3 + (term - WAYMARK_TERM_AUTUMN));
    return row * grade_count_;
}

waymark_evaluation &evaluation_table::at(int32_t nc_year, int32_t term, uint32_t grade) {
    return cells_[row_offset(nc_year, term) + grade];
}

void evaluation_table::evaluate(const context &where, std::span<const uint32_t> grades,
                                std::span<waymark_evaluation> out) const {
    const waymark_evaluation *row = covers(where.nc_year, where.term)
                                        ? cells_.data() + row_offset(where.nc_year, where.term)
                                        : no_expectation_.data();
    copy_evaluations(row, grades, out);
}

}  // namespace waymark::schemes
