#include "tracking_session.hpp"

#include "pupil_list.hpp"

#include "domain/whole_number.hpp"

#include "services/tracking/class_grid.hpp"
#include "services/pupils/school_choice.hpp"
#include "services/tracking/summary_statistics.hpp"
#include "services/targets/target_validation.hpp"
#include "store/migrations.hpp"

#include <waymark/plugin.h>

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

namespace waymark::cli {
namespace {

store::settings settings_of(const invocation &args) {
    return store::resolve_settings(args.option("db"), args.option("data-dir"), args.option("config"));
}

store::school school_of(store::database &database, const invocation &args) {
    try {
        return services::choose_school(database.session(), args.option("school"));
    } catch (const services::school_choice_error &error) {
        throw usage_error(error.what());
    }
}

// The default plugin folders loaded, before the schemes are created from them.
plugins::registry &loaded(plugins::registry &registry) {
    registry.load_default_folders();
    return registry;
}

}  // namespace

tracking_session::tracking_session(const invocation &args, io streams)
    : settings_(settings_of(args)),
      log_(streams.err, WAYMARK_LOG_ERROR),
      registry_(log_),
      database_(store::open(settings_)),
      school_(school_of(database_, args)),
      catalog_(loaded(registry_), [this](std::string_view id) { return settings_.plugin_config(id); }),
      schemes_(catalog_),
      revalidation_(registry_, schemes_) {}

services::assessment tracking_session::assessment(const invocation &args) {
    return services::find_assessment(database_.session(), school_.id, args.required_option("assessment"));
}

services::recorder recorder_of(const invocation &args) {
    if (auto named = args.option("as")) return {*named, ""};
    if (const char *user = std::getenv("USER"); user != nullptr && *user != '\0') return {user, ""};
    if (const passwd *entry = getpwuid(geteuid()); entry != nullptr) return {entry->pw_name, ""};
    throw usage_error("Cannot tell who is making this change; name yourself with --as NAME.");
}

std::vector<std::string_view> selection_options() {
    static constexpr std::string_view upns[]{"upns"};
    return option_names({services::pupil_filter_options(), upns});
}

services::pupil_selection selection_of(const invocation &args) {
    services::pupil_selection which{filter_of(args), {}};
    if (auto upns = args.option("upns")) which.upns = comma_list(*upns);
    return which;
}

int whole_number_option(const std::string &text, std::string_view option, int low, int high) {
    const auto value = domain::parse_whole_number(text, low, high);
    if (!value)
        throw usage_error("--" + std::string(option) + " takes a whole number from " + std::to_string(low) + " to " +
                          std::to_string(high) + ", not '" + text + "'.");
    return static_cast<int>(*value);
}

std::vector<std::string> comma_list(const std::string &text) {
    std::vector<std::string> parts;
    for (std::size_t at = 0; at <= text.size();) {
        const std::size_t end = std::min(text.find(',', at), text.size());
        if (end > at) parts.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return parts;
}

}  // namespace waymark::cli

namespace waymark::cli {

std::string as_of_instant(const invocation &args) {
    const auto text = args.option("as-of");
    if (!text) return "";
    const auto instant = services::as_of_instant(*text);
    if (!instant) throw usage_error("--as-of takes YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, not '" + *text + "'.");
    return *instant;
}

}  // namespace waymark::cli
