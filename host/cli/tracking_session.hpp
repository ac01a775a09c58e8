// What the tracking commands (assessments, judgements, grid, import judgements) share: the database,
// the loaded schemes with the settings file's plugin configs, the chosen school, and who is making
// changes (--as NAME, else the operating-system user).
#pragma once

#include "command.hpp"

#include "plugin_host/logger.hpp"
#include "plugin_host/registry.hpp"
#include "plugin_host/scheme_catalog.hpp"
#include "plugin_host/target_plugins.hpp"
#include "services/tracking/assessments.hpp"
#include "services/tracking/judgements.hpp"
#include "services/tracking/pupil_selection.hpp"
#include "services/targets/target_validation.hpp"
#include "store/database.hpp"
#include "store/schools.hpp"
#include "store/settings.hpp"

#include <optional>
#include <string>

namespace waymark::cli {

// The scheme a subject is judged against unless the command names one (--scheme).
using services::default_scheme_id;

class tracking_session {
public:
    // Opens the database, loads the default plugin folders and picks the school (--school);
    // a school that cannot be chosen is a usage_error.
    tracking_session(const invocation &args, io streams);
    tracking_session(const tracking_session &) = delete;
    tracking_session &operator=(const tracking_session &) = delete;

    store::database &database() { return database_; }
    const store::school &school() const { return school_; }
    const services::scheme_library &schemes() const { return schemes_; }
    const plugins::registry &plugins() const { return registry_; }
    // Passed to every save of judgements, so they revalidate targets with the loaded validator.
    const services::target_revalidation &revalidation() const { return revalidation_; }
    // --assessment NAME (required), found in the school.
    services::assessment assessment(const invocation &args);

private:
    store::settings settings_;
    plugins::logger log_;
    plugins::registry registry_;
    store::database database_;
    store::school school_;
    plugins::scheme_catalog catalog_;
    services::scheme_library schemes_;
    services::target_revalidation revalidation_;
};

// --as-of YYYY-MM-DD means the end of that day; a full instant is taken as written; none is "now".
std::string as_of_instant(const invocation &args);

// --as NAME, else $USER, else the login name of the process's user.
services::recorder recorder_of(const invocation &args);

// --class C, --year N, --upns A,B,C: the pupils a command works on.
services::pupil_selection selection_of(const invocation &args);
// The options selection_of reads (every pupil filter of `waymark pupils list`, then upns): what a
// command reading a selection declares beside its own.
std::vector<std::string_view> selection_options();

// "4" -> 4, refusing anything but a whole number in [low, high] with a usage_error naming the option.
int whole_number_option(const std::string &text, std::string_view option, int low, int high);

// `waymark import judgements FILE.csv --assessment NAME` (import_judgements.cpp).
int import_judgements(const invocation &args, io streams);

// "a,b,c" -> {"a", "b", "c"} (empty parts dropped).
std::vector<std::string> comma_list(const std::string &text);

// --as-of YYYY-MM-DD means the end of that day; a full instant is taken as written ("" = now).
std::string as_of_instant(const invocation &args);

}  // namespace waymark::cli
