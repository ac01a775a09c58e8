#include "plugin_host/target_plugins.hpp"

#include "plugin_host/registry.hpp"

#include <cmath>
#include <stdexcept>

namespace waymark::plugins {

namespace {

// The interface table of `kind` from `plugin`, refusing an instance of another kind or without it.
template <class Table>
Table table_of(const instance &plugin, const char *kind, const char *role) {
    const auto refuse = [&](const std::string &why) {
        throw plugin_error(WAYMARK_ERROR_UNSUPPORTED,
                           plugin.name_for_messages() + " cannot be used as a " + role + ": " + why + ".");
    };
    if (plugin.descriptor().kind != kind) refuse("it is a " + plugin.descriptor().kind + " plugin");
    const auto table = plugin.interface<Table>(kind);
    if (!table) refuse("it does not offer the " + std::string(kind) + " interface");
    return *table;
}

[[noreturn]] void refuse_missing_function(const instance &plugin, const char *role, const char *function) {
    throw plugin_error(WAYMARK_ERROR_UNSUPPORTED, plugin.name_for_messages() + " cannot be used as a " + role +
                                                      ": its table has no " + function + " function.");
}

[[noreturn]] void refuse_answer(const instance &plugin, const std::string &what) {
    throw plugin_error(WAYMARK_ERROR_INTERNAL, plugin.name_for_messages() + " gave " + what + ".");
}

bool built_in(const plugin_listing &listing) { return listing.descriptor.id.starts_with("org.waymark."); }

instance find_of_kind(const registry &plugins, const char *kind, std::string_view chosen_id, std::string_view config) {
    const std::vector<plugin_listing> loaded = plugins.plugins_of_kind(kind);
    if (!chosen_id.empty()) {
        for (const plugin_listing &listing : loaded) {
            if (listing.descriptor.id == chosen_id) return plugins.create(chosen_id, config);
        }
    }
    std::vector<const plugin_listing *> fitting;
    for (const plugin_listing &listing : loaded) {
        if (!built_in(listing)) fitting.push_back(&listing);
    }
    if (fitting.empty()) {
        for (const plugin_listing &listing : loaded) fitting.push_back(&listing);
    }
    if (chosen_id.empty() && fitting.size() == 1) return plugins.create(fitting.front()->descriptor.id, config);
    std::string ids;
    for (const plugin_listing &listing : loaded) ids += (ids.empty() ? "" : ", ") + listing.descriptor.id;
    if (loaded.empty()) {
        throw plugin_error(WAYMARK_ERROR_NOT_FOUND, std::string("No ") + kind + " plugin is loaded; " +
                                                        "`waymark plugins list` shows what is.");
    }
    if (!chosen_id.empty()) {
        throw plugin_error(WAYMARK_ERROR_NOT_FOUND, "No loaded " + std::string(kind) + " plugin has the id '" +
                                                        std::string(chosen_id) + "'; the loaded ones are " + ids + ".");
    }
    throw plugin_error(WAYMARK_ERROR_INVALID_INPUT, "Several " + std::string(kind) + " plugins are loaded (" + ids +
                                                        "); choose one by its id.");
}

}  // namespace

trajectory::trajectory(instance plugin) : plugin_(std::move(plugin)) {
    table_ = table_of<waymark_trajectory>(plugin_, WAYMARK_KIND_TRAJECTORY, "trajectory");
    if (table_.plot == nullptr) refuse_missing_function(plugin_, "trajectory", "plot");
}

std::vector<double> trajectory::plot(double baseline_points, double target_points, uint32_t term_count,
                                     std::span<const double> term_weights) const {
    if (!term_weights.empty() && term_weights.size() != term_count) {
        throw std::invalid_argument(std::to_string(term_weights.size()) + " term weights were given for " +
                                    std::to_string(term_count) + " terms; give one weight a term.");
    }
    const waymark_trajectory_request request{sizeof(waymark_trajectory_request), baseline_points, target_points,
                                             term_count, term_weights.empty() ? nullptr : term_weights.data()};
    std::vector<double> points(term_count, std::nan(""));
    message_buffer error;
    const waymark_status status = table_.plot(plugin_.raw(), &request, points.data(), error.get());
    if (status != WAYMARK_OK) throw_plugin_failure(plugin_.name_for_messages(), status, error, "draw the trajectory");
    for (const double value : points) {
        if (!std::isfinite(value)) refuse_answer(plugin_, "a trajectory with a term left unset or not a number");
    }
    return points;
}

predictor::predictor(instance plugin) : plugin_(std::move(plugin)) {
    table_ = table_of<waymark_predictor>(plugin_, WAYMARK_KIND_PREDICTOR, "predictor");
    if (table_.predict == nullptr) refuse_missing_function(plugin_, "predictor", "predict");
}

prediction_result predictor::predict(double prior_points, const outcome_history &history, double expected_points,
                                     double higher_points) const {
    if (history.prior.size() != history.outcome.size()) {
        throw std::invalid_argument("The history has " + std::to_string(history.prior.size()) + " prior results but " +
                                    std::to_string(history.outcome.size()) + " outcomes.");
    }
    const waymark_prediction_request request{sizeof(waymark_prediction_request), prior_points,
                                             static_cast<uint32_t>(history.prior.size()), history.prior.data(),
                                             history.outcome.data(), expected_points, higher_points};
    waymark_prediction out{};
    message_buffer note;
    const waymark_status status = table_.predict(plugin_.raw(), &request, &out, note.get());
    if (status != WAYMARK_OK) throw_plugin_failure(plugin_.name_for_messages(), status, note, "make a prediction");
    prediction_result result;
    result.sufficient = out.sufficient != 0;
    result.based_on = out.based_on;
    result.note = note.text();
    if (!result.sufficient) return result;
    const bool probability = out.probability_expected >= 0.0 && out.probability_expected <= 1.0 &&
                             out.probability_higher >= 0.0 && out.probability_higher <= 1.0;
    if (!std::isfinite(out.likely_points) || !probability) {
        refuse_answer(plugin_, "a prediction whose outcome is not a number or whose probabilities are outside 0 to 1");
    }
    result.likely_points = out.likely_points;
    result.probability_expected = out.probability_expected;
    result.probability_higher = out.probability_higher;
    return result;
}

validator::validator(instance plugin) : plugin_(std::move(plugin)) {
    table_ = table_of<waymark_validator>(plugin_, WAYMARK_KIND_VALIDATOR, "validator");
    if (table_.validate == nullptr) refuse_missing_function(plugin_, "validator", "validate");
}

std::vector<target_flag> validator::validate(std::span<const waymark_target_case> cases) const {
    struct collected {
        std::vector<target_flag> flags;
        uint32_t count;
        bool out_of_range = false;
    } state{{}, static_cast<uint32_t>(cases.size())};
    const auto receive = [](void *context, uint32_t case_index, const char *code, int32_t severity,
                            const char *sentence) -> waymark_status {
        auto *into = static_cast<collected *>(context);
        if (case_index >= into->count || code == nullptr || *code == '\0') {
            into->out_of_range = true;
            return WAYMARK_ERROR_INVALID_INPUT;
        }
        into->flags.push_back(target_flag{case_index, sanitized_utf8(code), severity,
                                          sentence != nullptr ? sanitized_utf8(sentence) : std::string()});
        return WAYMARK_OK;
    };
    message_buffer error;
    const waymark_status status = table_.validate(plugin_.raw(), cases.data(), state.count, receive, &state, error.get());
    if (state.out_of_range) refuse_answer(plugin_, "a flag without a code or for a target it was not given");
    if (status != WAYMARK_OK) throw_plugin_failure(plugin_.name_for_messages(), status, error, "validate the targets");
    return std::move(state.flags);
}

trajectory find_trajectory(const registry &plugins, std::string_view chosen_id, std::string_view config) {
    return trajectory(find_of_kind(plugins, WAYMARK_KIND_TRAJECTORY, chosen_id, config));
}

predictor find_predictor(const registry &plugins, std::string_view chosen_id, std::string_view config) {
    return predictor(find_of_kind(plugins, WAYMARK_KIND_PREDICTOR, chosen_id, config));
}

validator find_validator(const registry &plugins, std::string_view chosen_id, std::string_view config) {
    return validator(find_of_kind(plugins, WAYMARK_KIND_VALIDATOR, chosen_id, config));
}

}  // namespace waymark::plugins
