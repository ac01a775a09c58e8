// Every report `waymark report NAME` and GET .../reports/{NAME} make, in one table: its name, one line
// saying what it shows, and how it is built from a request. The CLI and the JSON API both dispatch
// through it, so a new report is one line here and both front ends offer it.
#pragma once

#include "reports/document.hpp"
#include "services/tracking/assessments.hpp"
#include "services/pupils/pupil_filter.hpp"
#include "plugin_host/target_plugins.hpp"

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace waymark::reports {

// What a report is asked with. The report reads its own options by name ("assessment", "from", "to")
// through `option`: the CLI's --from, the API's ?from=. Errors in them are services::filter_error
// sentences naming the option with the CLI's "--" (the API strips it), or services::tracking_error.
struct report_request {
    soci::session &session;
    const services::scheme_library &schemes;
    store::school school;
    services::pupil_filter filter;
    std::string as_of;      // 'YYYY-MM-DDTHH:MM:SSZ'; "" = now
    std::string generated;  // when the report is built, 'YYYY-MM-DDTHH:MM:SSZ'
    std::function<std::optional<std::string>(std::string_view)> option;
    // The school's assessment a value names, given the option it came from: by name on the command
    // line, by id in the API (each front end says how its refusal reads).
    std::function<services::assessment(const std::string &value, std::string_view option)> assessment_named;
    // The loaded trajectory plugin, for targets' notional trajectories; null when none is loaded.
    const plugins::trajectory *trajectory;
};

struct report_kind {
    std::string_view name;     // "full"
    std::string_view summary;  // one line: what it shows
    document (*build)(const report_request &);
};

// The trajectory plugin reports draw targets' notional trajectories with, or nothing when none is
// loaded: reports then show targets without trajectories rather than refusing.
std::optional<plugins::trajectory> report_trajectory(const plugins::registry &plugins);

std::span<const report_kind> report_kinds();
// The report of that name, or nullptr.
const report_kind *find_report_kind(std::string_view name);
// "full, venn or matrix": the names, for the sentence refusing an unknown one.
std::string report_kind_names();

}  // namespace waymark::reports
