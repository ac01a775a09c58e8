#include "command.hpp"
#include "plugin_report.hpp"
#include "text_table.hpp"

#include <waymark/plugin.h>

#include <algorithm>
#include <array>
#include <optional>
#include <ostream>

namespace waymark::cli {

namespace {

std::string band_name(int32_t band) {
    switch (band) {
        case WAYMARK_BAND_BELOW: return "below";
        case WAYMARK_BAND_AT: return "at";
        case WAYMARK_BAND_ABOVE: return "above";
        default: return "no expectation";
    }
}

std::string context_name(const plugins::judgement_context &context) {
    static constexpr std::array<const char *, 4> terms{"", "Autumn", "Spring", "Summer"};
    const std::string year = context.nc_year == 0 ? "Reception" : "Year " + std::to_string(context.nc_year);
    return year + " " + terms[static_cast<std::size_t>(context.term)] + ", " + context.subject;
}

// A few grades that show where the scheme draws its line in `context`: the last below the
// expectation, the first and last at it and the first above it; evenly spread grades when the
// scheme has no expectation there.
std::vector<uint32_t> telling_grades(const plugins::scheme &scheme, const plugins::judgement_context &context) {
    std::vector<uint32_t> all(scheme.grade_count());
    for (uint32_t i = 0; i < all.size(); ++i) all[i] = i;
    std::vector<waymark_evaluation> bands(all.size());
    scheme.evaluate(context, all, bands);
    const auto first = [&](int32_t band) {
        return std::find_if(bands.begin(), bands.end(), [&](const auto &e) { return e.band == band; }) - bands.begin();
    };
    const auto last = [&](int32_t band) {
        const auto it = std::find_if(bands.rbegin(), bands.rend(), [&](const auto &e) { return e.band == band; });
        return it == bands.rend() ? static_cast<std::ptrdiff_t>(bands.size()) : bands.rend() - it - 1;
    };
    std::vector<std::ptrdiff_t> picks{last(WAYMARK_BAND_BELOW), first(WAYMARK_BAND_AT), last(WAYMARK_BAND_AT),
                                      first(WAYMARK_BAND_ABOVE)};
    std::erase_if(picks, [&](std::ptrdiff_t i) { return i >= static_cast<std::ptrdiff_t>(bands.size()); });
    if (picks.empty()) {
        const auto n = static_cast<std::ptrdiff_t>(bands.size());
        picks = {0, n / 3, 2 * n / 3, n - 1};
    }
    std::vector<uint32_t> grades;
    for (const auto i : picks) grades.push_back(static_cast<uint32_t>(i));
    std::sort(grades.begin(), grades.end());
    grades.erase(std::unique(grades.begin(), grades.end()), grades.end());
    return grades;
}

// Evaluates a sample of judgements with one scheme and prints them as a table.
void print_scheme_sample(const plugins::registry &registry, const plugins::plugin_listing &listing,
                         std::ostream &out) {
    const auto &d = listing.descriptor;
    out << '\n' << d.name << " (" << d.id << ' ' << d.version << ")\n";
    std::optional<plugins::scheme> created;
    try {
        created.emplace(registry.create_scheme(d.id));
    } catch (const plugins::plugin_error &e) {
        // A scheme that needs the school's settings (a bands file, say) cannot run without them.
        if (e.status() != WAYMARK_ERROR_INVALID_INPUT) throw;
        out << "  not shown: " << e.what() << '\n';
        return;
    }
    const plugins::scheme &scheme = *created;
    const std::array<plugins::judgement_context, 3> contexts{{{2, WAYMARK_TERM_SPRING, "reading"},
                                                              {4, WAYMARK_TERM_SUMMER, "maths"},
                                                              {6, WAYMARK_TERM_SUMMER, "writing"}}};
    text_table table({"context", "grade", "label in context", "band", "on track"});
    for (const auto &context : contexts) {
        for (const uint32_t grade : telling_grades(scheme, context)) {
            const waymark_evaluation e = scheme.evaluate(context, grade);
            table.add_row({context_name(context), scheme.grades()[grade].code, scheme.describe(grade, context),
                           band_name(e.band), e.on_track != 0 ? "yes" : "no"});
        }
    }
    table.print(out);
}

// The main job (`installer/dev.sh run`): what the host loaded, and each scheme at work.
int run_main(const invocation &, io streams) {
    plugins::logger log(streams.err, WAYMARK_LOG_ERROR);
    plugins::registry registry(log);
    registry.load_default_folders();
    print_plugins(registry, streams.out);
    const auto schemes = registry.plugins_of_kind(WAYMARK_KIND_SCHEME);
    if (schemes.empty()) {
        streams.err << "waymark main: no scheme plugin is loaded; build the plugins (installer/dev.sh build) or "
                       "name their folder in WAYMARK_PLUGIN_PATH.\n";
        return 1;
    }
    int failures = 0;
    for (const auto &listing : schemes) {
        try {
            print_scheme_sample(registry, listing, streams.out);
        } catch (const std::exception &e) {
            streams.err << "waymark main: " << e.what() << '\n';
            ++failures;
        }
    }
    return failures == 0 ? 0 : 1;
}

}  // namespace

extern const command main_command{
    "main",
    "main",
    "Run the main job: show the loaded plugins and each scheme judging a sample of grades.",
    "Loads every plugin (see `waymark help plugins`), lists them and any refused file, then shows for\n"
    "each descriptor scheme how it labels and bands grades around its expectation in a few year and\n"
    "term contexts.",
    {},
    run_main};

}  // namespace waymark::cli
