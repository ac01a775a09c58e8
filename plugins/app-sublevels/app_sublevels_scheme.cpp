#include "app_sublevels_scheme.hpp"

#include "band_colours.hpp"

#include <array>
#include <stdexcept>

namespace waymark::schemes {

namespace {

constexpr int32_t first_level = 1;
constexpr int32_t last_level = 8;
constexpr double w_points = 3.0;
constexpr double ks1_points_per_term = 2.0;  // W (Reception Summer) to 2b (Year 2 Summer): 12 points in 6 terms
constexpr double ks2_points_per_term = 1.0;  // 2b (Year 2 Summer) to 4b (Year 6 Summer): 12 points in 12 terms
constexpr int32_t terms_in_ks1 = 6;

double secure_points(int32_t level) { return 6.0 * level + 3.0; }

// Terms since the end of Reception: Reception Summer = 0, Year 1 Autumn = 1, Year 6 Summer = 18.
std::optional<int32_t> terms_since_reception(int32_t nc_year, int32_t term) {
    if (term < WAYMARK_TERM_AUTUMN || term > WAYMARK_TERM_SUMMER) return std::nullopt;
    if (nc_year == 0 && term == WAYMARK_TERM_SUMMER) return 0;
    if (nc_year < 1 || nc_year > 6) return std::nullopt;
    return (nc_year - 1) * 3 + term;
}

// The points of the grades nearest `line` from below and from above (equal when a grade is on it).
std::pair<double, double> bracketing_points(const std::vector<grade_def> &grades, double line) {
    double low = grades.front().points;
    double high = grades.back().points;
    for (const auto &g : grades) {
        if (g.points <= line) low = g.points;
    }
    for (auto g = grades.rbegin(); g != grades.rend(); ++g) {
        if (g->points >= line) high = g->points;
    }
    return {low, high};
}

}  // namespace

app_sublevels_scheme::app_sublevels_scheme(const plugin_args &)
    : lookup_("the APP sublevels scheme"), evaluations_(grade_count, 0, 6, colours::white) {
    std::vector<grade_def> grades;
    // P-scales sit below W a quarter point apart (our convention; see README).
    for (int32_t p = 1; p <= 8; ++p) {
        grades.push_back({"P" + std::to_string(p), "P" + std::to_string(p), true, 0.25 * p, colours::white});
    }
    grades.push_back({"W", "W (working towards level 1)", true, w_points, colours::white});
    for (int32_t level = first_level; level <= last_level; ++level) {
        for (const auto &[letter, offset] : std::array<std::pair<const char *, double>, 3>{{{"c", -2.0}, {"b", 0.0}, {"a", 2.0}}}) {
            const std::string code = std::to_string(level) + letter;
            grades.push_back({code, code, true, secure_points(level) + offset, colours::white});
        }
        const std::string level_text = std::to_string(level);
        const std::string sublevels = level_text + "c, " + level_text + "b or " + level_text + "a";
        for (const char *prefix : {"", "level", "l"}) sublevels_by_level_.emplace(prefix + level_text, sublevels);
    }
    grades.push_back({"EP", "EP (exceptional performance)", true, secure_points(last_level) + 4.0, colours::white});
    set_grades(std::move(grades));
    if (grade_defs().size() != grade_count) throw std::logic_error("The APP grade table has the wrong size.");

    for (uint32_t grade = 0; grade < grade_defs().size(); ++grade) {
        lookup_.add(grade_defs()[grade].code, grade);
        lookup_.add(grade_defs()[grade].label, grade);
        lookup_.add("level " + grade_defs()[grade].code, grade);
    }
    lookup_.add("working towards", w);
    lookup_.add("working towards level 1", w);
    lookup_.add("exceptional performance", static_cast<uint32_t>(grade_defs().size() - 1));
    lookup_.set_choices("P1 to P8, W, a sublevel from 1c, 1b, 1a up to 8c, 8b, 8a (c low, b secure, a high), or EP");

    for (int32_t year = 0; year <= 6; ++year) {
        for (int32_t term = WAYMARK_TERM_AUTUMN; term <= WAYMARK_TERM_SUMMER; ++term) {
            const auto line = expected_at(year, term);
            if (!line) continue;
            // Where the line falls between two sublevels, both count as "at" (the 4a/4b pair of seed 004).
            const auto [low, high] = bracketing_points(grade_defs(), *line);
            for (uint32_t grade = 0; grade < grade_defs().size(); ++grade) {
                evaluations_.at(year, term, grade) = against_range(points_of(grade), low, high);
            }
        }
    }
}

std::optional<double> app_sublevels_scheme::expected_at(int32_t nc_year, int32_t term) {
    const auto terms = terms_since_reception(nc_year, term);
    if (!terms) return std::nullopt;
    if (*terms <= terms_in_ks1) return w_points + ks1_points_per_term * *terms;
    return secure_points(2) + ks2_points_per_term * (*terms - terms_in_ks1);
}

uint32_t app_sublevels_scheme::parse(std::string_view input, const context &) const {
    if (auto grade = lookup_.find(input)) return *grade;
    if (auto level = sublevels_by_level_.find(lookup_key(input)); level != sublevels_by_level_.end()) {
        throw invalid_input("'" + std::string(input) + "' could be sublevel " + level->second +
                            "; enter the sublevel you mean.");
    }
    throw invalid_input(lookup_.refusal(input));
}

void app_sublevels_scheme::evaluate(const context &where, std::span<const uint32_t> grades,
                                    std::span<waymark_evaluation> out) const {
    evaluations_.evaluate(where, grades, out);
}

double app_sublevels_scheme::expected_points(const context &from, const context &to) const {
    const auto start = expected_at(from.nc_year, from.term);
    const auto end = expected_at(to.nc_year, to.term);
    if (!start || !end) {
        const context &outside = start ? to : from;
        throw invalid_input("APP sublevels expect progress only from the end of Reception to the end of Year 6, so "
                            "NC year " + std::to_string(outside.nc_year) + " term " + std::to_string(outside.term) +
                            " has no expectation.");
    }
    if (*end < *start) {
        throw invalid_input("The later judgement (NC year " + std::to_string(to.nc_year) + " term " +
                            std::to_string(to.term) + ") comes before the earlier one; give the earlier judgement first.");
    }
    return *end - *start;
}

waymark_progress app_sublevels_scheme::progress(uint32_t from_grade, const context &from, uint32_t to_grade,
                                                const context &to) const {
    const double expected = expected_points(from, to);
    const double made = points_of(to_grade) - points_of(from_grade);
    int32_t band = WAYMARK_BAND_AT;
    if (made < expected) band = WAYMARK_BAND_BELOW;
    if (made > expected) band = WAYMARK_BAND_ABOVE;
    return waymark_progress{made, made / points_per_sublevel, expected, band};
}

}  // namespace waymark::schemes
