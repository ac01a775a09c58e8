// A three-grade scheme, the smallest useful Waymark plugin: Emerging, Expected, Exceeding.
// Judgements are point-in-time ("Expected" = secure in what has been taught so far), so the
// evaluation does not depend on the year or term; describe() shows how a label can use them.
#include <waymark/plugin.hpp>

#include <cctype>
#include <string>

namespace {

constexpr uint32_t red = 0xE06666;
constexpr uint32_t green = 0x93C47D;
constexpr uint32_t blue = 0x6FA8DC;

bool same_words(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

}  // namespace

class hello_scheme : public waymark::scheme_base {
public:
    static constexpr waymark::plugin_info info{
        "org.example.hello-scheme", WAYMARK_KIND_SCHEME, "Hello scheme", "Example Consultancy", "1.0.0",
        "Three point-in-time grades: Emerging, Expected and Exceeding."};

    explicit hello_scheme(const waymark::plugin_args &args) {
        if (!args.config.empty()) throw waymark::invalid_input("The hello scheme takes no settings.");
        set_grades({{"EM", "Emerging", true, 1.0, red},
                    {"EXP", "Expected", true, 2.0, green},
                    {"EXC", "Exceeding", true, 3.0, blue}});
    }

    // Accepts a grade's code or label in any case: "exp", "Expected".
    uint32_t parse(std::string_view input, const waymark::context &) const {
        const std::string_view wanted = trimmed(input);
        for (uint32_t i = 0; i < grade_defs().size(); ++i) {
            if (same_words(wanted, grade_defs()[i].code) || same_words(wanted, grade_defs()[i].label)) return i;
        }
        throw waymark::invalid_input("'" + std::string(wanted) +
                                     "' is not a hello-scheme grade; use Emerging (EM), Expected (EXP) or "
                                     "Exceeding (EXC).");
    }

    std::string describe(uint32_t grade, const waymark::context &context) const {
        const std::string year = context.nc_year == 0 ? "Reception" : "Year " + std::to_string(context.nc_year);
        return grade_defs()[grade].label + " for " + year;
    }

    void evaluate(const waymark::context &, std::span<const uint32_t> grades,
                  std::span<waymark_evaluation> out) const {
        static constexpr waymark_evaluation by_grade[] = {
            {WAYMARK_BAND_BELOW, 0, red}, {WAYMARK_BAND_AT, 1, green}, {WAYMARK_BAND_ABOVE, 1, blue}};
        for (std::size_t i = 0; i < grades.size(); ++i) out[i] = by_grade[grades[i]];
    }
};

WAYMARK_PLUGIN_LIBRARY(hello_scheme)
