#include "command.hpp"
#include "demo_accounts_table.hpp"
#include "open_database.hpp"
#include "plugin_report.hpp"
#include "text_table.hpp"

#include "demo/demo_mis.hpp"
#include "plugin_host/scheme_catalog.hpp"
#include "services/tracking/demo_tracking.hpp"
#include "services/transfer/sync.hpp"
#include "store/migrations.hpp"
#include "store/settings.hpp"

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
                         const store::settings &settings, std::ostream &out) {
    const auto &d = listing.descriptor;
    out << '\n' << d.name << " (" << d.id << ' ' << d.version << ")\n";
    std::optional<plugins::scheme> created;
    try {
        created.emplace(registry.create_scheme(d.id, settings.plugin_config(d.id)));
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

// The demo school in the configured database: its MIS built on first use, then imported.
void bring_in_demo_school(store::database &database, const domain::date &today, std::ostream &out) {
    const std::string mis_schema(mis_schema_of(database));
    if (!connectors::demo::demo_mis_exists(database.session(), mis_schema)) {
        connectors::demo::demo_options options;
        options.as_of = today;
        const auto built = connectors::demo::build_demo_mis(database.session(), mis_schema, options);
        out << "Built the demo MIS in " << store::dialect_name(database.kind()) << ": " << built.pupils_on_roll
            << " pupils on roll, " << built.leavers << " leavers, " << built.results << " statutory results.\n";
    }
    services::mis_source mis;
    mis.as_of = today;
    mis.mis_schema = mis_schema;
    out << "Import from the MIS (" << store::redacted(database.connection()) << "):\n";
    services::print_plan(services::run_sync(database, mis), out, services::plan_detail::counts);
    out << '\n';
    print_demo_accounts(database, mis_schema, today, out);
}

// A year of judgements at each school that has no assessments yet (the demo school on the first run).
void add_demo_judgements(store::database &database, const plugins::registry &registry, const store::settings &settings,
                         const domain::date &today, std::ostream &out) {
    const plugins::scheme_catalog catalog(registry, [&](std::string_view id) { return settings.plugin_config(id); });
    const services::scheme_library schemes(catalog);
    for (const auto &school : store::all_schools(database.session())) {
        const auto made = services::add_demo_tracking(database, school, schemes, today);
        if (!made) continue;
        out << "\nDemo judgements at " << school.name << ": " << made->judgements << " in ";
        for (std::size_t i = 0; i < made->assessments.size(); ++i)
            out << (i == 0 ? "" : i + 1 == made->assessments.size() ? " and " : ", ") << made->assessments[i];
        out << "; Year 4's " << made->assessments.back() << " judgements are left for the demo teacher to enter.\n";
    }
}

// The main job (`installer/dev.sh run`): the demo school imported from its MIS, what the host
// loaded, and each scheme at work with the school's plugin settings.
int run_main(const invocation &args, io streams) {
    const store::settings settings =
        store::resolve_settings(args.option("db"), args.option("data-dir"), args.option("config"));
    store::database database = store::open(settings);
    bring_in_demo_school(database, as_of_option(args), streams.out);
    streams.out << '\n';

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
    add_demo_judgements(database, registry, settings, as_of_option(args), streams.out);
    int failures = 0;
    for (const auto &listing : schemes) {
        try {
            print_scheme_sample(registry, listing, settings, streams.out);
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
    "main [--as-of YYYY-MM-DD]",
    "Run the main job: import the demo school from its MIS, then show the plugins and schemes at work.",
    "In the configured database (the embedded SQLite file by default) builds the demo MIS if it is not\n"
    "there yet (as `waymark demo` does) and imports it (as `waymark sync` does; a second run finds\n"
    "nothing to change), and gives a school without assessments a year of demo judgements (last summer's\n"
    "and this year's terms so far, Year 4's latest left empty). Then loads every plugin (see `waymark\n"
    "help plugins`), lists them and any refused file, and shows for each descriptor scheme how it labels\n"
    "and bands grades around its expectation in a few year and term contexts. A scheme that needs a\n"
    "setting (school-bands needs a bands file) gets it from the settings file's [plugin <id>] section,\n"
    "`config = ...`.",
    {},
    {"as-of"},
    run_main};

}  // namespace waymark::cli
