#include "lep_points_scheme.hpp"

#include "band_colours.hpp"

#include <algorithm>
#include <array>

namespace waymark::schemes {

namespace {

constexpr int32_t eyfs_first_point = 3;
constexpr int32_t eyfs_last_point = 20;
constexpr int32_t elg_last_point = 22;
constexpr int32_t mastery_offset = 7;  // Mastery is the last two points of a year row

constexpr std::array<const char *, 6> eyfs_stage_names = {"Birth-11 months", "8-20 months",  "16-26 months",
                                                          "22-36 months",    "30-50 months", "40-60 months"};
constexpr std::array<const char *, 6> eyfs_stage_codes = {"00-11", "8-20", "16-26", "22-36", "30-50", "40-60"};
constexpr std::array<const char *, 3> eyfs_step_names = {"Entering", "Developing", "Secure"};

struct year_step {
    const char *name;
    int32_t first_offset;
    int32_t last_offset;
    std::array<const char *, 3> spellings;  // how teachers write it after "Y4" or "Year 4"
};
constexpr std::array<year_step, 4> year_steps = {{{"Entering", 0, 1, {"entering", "emerging", "e"}},
                                                   {"Developing", 2, 3, {"developing", "dev", "d"}},
                                                   {"Securing", 4, 6, {"securing", "secure", "s"}},
                                                   {"Mastery", 7, 8, {"mastery", "mastered", "m"}}}};

const char *step_name(int32_t offset) {
    for (const auto &step : year_steps) {
        if (offset <= step.last_offset) return step.name;
    }
    return year_steps.back().name;
}

std::string points_text(int32_t point) { return std::to_string(point) + (point == 1 ? " point" : " points"); }

// "44 or 45", "48, 49 or 50"
std::string alternatives(int32_t first, int32_t last) {
    std::string text = std::to_string(first);
    for (int32_t p = first + 1; p <= last; ++p) text += (p == last ? " or " : ", ") + std::to_string(p);
    return text;
}

// The year rows that hold a point of 23 or more: {lower, upper}, equal when only one row does.
std::pair<int32_t, int32_t> rows_of(int32_t point) {
    const int32_t upper = std::min((point - 16) / 7, lep_points_scheme::last_year);
    const bool also_lower = upper > 1 && point <= lep_points_scheme::year_last_point(upper - 1);
    return {also_lower ? upper - 1 : upper, upper};
}

// Expected points gained during a term (seed 003 for Years 1-11; Reception is ours, see README).
int32_t term_expectation(int32_t nc_year, int32_t term) {
    static constexpr std::array<int32_t, 3> reception = {1, 2, 2};
    static constexpr std::array<int32_t, 3> school_years = {3, 2, 2};
    return (nc_year == 0 ? reception : school_years)[static_cast<std::size_t>(term - WAYMARK_TERM_AUTUMN)];
}

int32_t term_number(const context &where) {
    if (where.nc_year < 0 || where.nc_year > lep_points_scheme::last_year || where.term < WAYMARK_TERM_AUTUMN ||
        where.term > WAYMARK_TERM_SUMMER) {
        throw invalid_input("LEP points measure expected progress from Reception to Year 11 in terms 1 to 3, "
                            "so NC year " + std::to_string(where.nc_year) + " term " + std::to_string(where.term) +
                            " has no expected progress.");
    }
    return where.nc_year * 3 + (where.term - WAYMARK_TERM_AUTUMN);
}

}  // namespace

lep_points_scheme::lep_points_scheme(const plugin_args &)
    : lookup_("the LEP points scheme"),
      evaluations_(last_point - first_point + 1, 0, last_year, colours::white) {
    std::vector<grade_def> grades;
    for (int32_t p = first_point; p <= last_point; ++p) {
        grades.push_back({std::to_string(p), points_text(p), true, static_cast<double>(p), colours::white});
        lookup_.add(std::to_string(p), index_of(p));
        lookup_.add(points_text(p), index_of(p));
    }
    set_grades(std::move(grades));

    // EYFS steps name one point each: "30-50d", "30-50 months developing", "00-11e", "birth-11 s".
    static constexpr std::array<std::array<const char *, 3>, 3> eyfs_step_spellings = {
        {{"e", "entering", "entering"}, {"d", "developing", "developing"}, {"s", "secure", "securing"}}};
    for (std::size_t stage = 0; stage < eyfs_stage_codes.size(); ++stage) {
        std::vector<std::string> stage_spellings = {eyfs_stage_codes[stage]};
        if (stage == 0) stage_spellings.insert(stage_spellings.end(), {"0-11", "birth-11"});
        for (std::size_t step = 0; step < eyfs_step_spellings.size(); ++step) {
            const auto grade = index_of(eyfs_first_point + static_cast<int32_t>(stage * 3 + step));
            for (const auto &stage_spelling : stage_spellings) {
                for (const char *step_spelling : eyfs_step_spellings[step]) {
                    lookup_.add(stage_spelling + step_spelling, grade);
                    lookup_.add(stage_spelling + "months" + step_spelling, grade);
                }
            }
        }
    }
    lookup_.set_choices(
        "a point number from 1 to 101 (such as 45), or an EYFS step written like 30-50d (stages 00-11, 8-20, 16-26, "
        "22-36, 30-50 and 40-60 months, each followed by e, d or s for Entering, Developing or Secure)");

    for (int32_t year = 1; year <= last_year; ++year) {
        for (const auto &step : year_steps) {
            const std::pair<int32_t, int32_t> range{year_first_point(year) + step.first_offset,
                                                    year_first_point(year) + step.last_offset};
            for (const char *prefix : {"y", "year"}) {
                for (const char *spelling : step.spellings) {
                    ranges_by_label_.emplace(prefix + std::to_string(year) + spelling, range);
                }
            }
        }
    }
    ranges_by_label_.emplace("elg", std::pair<int32_t, int32_t>{eyfs_last_point + 1, elg_last_point});
    ranges_by_label_.emplace("earlylearninggoal", std::pair<int32_t, int32_t>{eyfs_last_point + 1, elg_last_point});

    for (int32_t year = 0; year <= last_year; ++year) {
        for (int32_t term = WAYMARK_TERM_AUTUMN; term <= WAYMARK_TERM_SUMMER; ++term) {
            const auto [low, high] = expected_range(year, term);
            for (int32_t p = first_point; p <= last_point; ++p) {
                evaluations_.at(year, term, index_of(p)) = against_range(p, low, high);
            }
        }
    }
}

std::pair<int32_t, int32_t> lep_points_scheme::expected_range(int32_t nc_year, int32_t term) {
    if (term < WAYMARK_TERM_AUTUMN || term > WAYMARK_TERM_SUMMER) return {0, 0};
    const auto t = static_cast<std::size_t>(term - WAYMARK_TERM_AUTUMN);
    if (nc_year == 0) {
        static constexpr std::array<std::pair<int32_t, int32_t>, 3> reception = {{{17, 18}, {19, 20}, {21, 22}}};
        return reception[t];
    }
    if (nc_year < 1 || nc_year > last_year) return {0, 0};
    static constexpr std::array<std::pair<int32_t, int32_t>, 3> offsets = {{{15, 16}, {17, 18}, {19, 21}}};
    return {7 * nc_year + offsets[t].first, 7 * nc_year + offsets[t].second};
}

uint32_t lep_points_scheme::parse(std::string_view input, const context &) const {
    if (auto grade = lookup_.find(input)) return *grade;
    if (auto range = ranges_by_label_.find(lookup_key(input)); range != ranges_by_label_.end()) {
        throw invalid_input("'" + std::string(input) + "' could be LEP point " +
                            alternatives(range->second.first, range->second.second) +
                            "; enter the point number you mean.");
    }
    throw invalid_input(lookup_.refusal(input));
}

std::string lep_points_scheme::describe(uint32_t grade, const context &where) const {
    const int32_t p = point_of(grade);
    if (p < eyfs_first_point) return "Below Year 1 (" + points_text(p) + ")";
    if (p <= eyfs_last_point) {
        const auto step = static_cast<std::size_t>(p - eyfs_first_point);
        return std::string(eyfs_stage_names[step / 3]) + " " + eyfs_step_names[step % 3];
    }
    if (p <= elg_last_point) return "Early learning goal";
    // Where two rows share the point, the one nearer the pupil's own year names it.
    const auto [lower, upper] = rows_of(p);
    const int32_t year = where.nc_year <= lower ? lower : upper;
    std::string label = "Year " + std::to_string(year) + " " + step_name(p - year_first_point(year));
    if (where.nc_year <= 0) return "Exceeding early learning goal: " + label;
    return label;
}

void lep_points_scheme::evaluate(const context &where, std::span<const uint32_t> grades,
                                 std::span<waymark_evaluation> out) const {
    evaluations_.evaluate(where, grades, out);
}

double lep_points_scheme::expected_points(const context &from, const context &to) const {
    const int32_t first = term_number(from);
    const int32_t last = term_number(to);
    if (last < first) {
        throw invalid_input("The later judgement (NC year " + std::to_string(to.nc_year) + " term " +
                            std::to_string(to.term) + ") comes before the earlier one (NC year " +
                            std::to_string(from.nc_year) + " term " + std::to_string(from.term) +
                            "); give the earlier judgement first.");
    }
    int32_t points = 0;
    for (int32_t t = first + 1; t <= last; ++t) points += term_expectation(t / 3, t % 3 + WAYMARK_TERM_AUTUMN);
    return points;
}

waymark_progress lep_points_scheme::progress(uint32_t from_grade, const context &from, uint32_t to_grade,
                                             const context &to) const {
    const double expected = expected_points(from, to);
    const int32_t made = point_of(to_grade) - point_of(from_grade);
    // Seed 003: ending the year in Mastery is more than expected progress, whatever the gain.
    const bool ends_year_in_mastery = to.term == WAYMARK_TERM_SUMMER && to.nc_year >= 1 &&
                                      point_of(to_grade) >= year_first_point(to.nc_year) + mastery_offset &&
                                      point_of(to_grade) <= year_last_point(to.nc_year);
    int32_t band = WAYMARK_BAND_BELOW;
    if (made > expected || ends_year_in_mastery) {
        band = WAYMARK_BAND_ABOVE;
    } else if (made == expected) {
        band = WAYMARK_BAND_AT;
    }
    return waymark_progress{static_cast<double>(made), static_cast<double>(made), expected, band};
}

}  // namespace waymark::schemes
