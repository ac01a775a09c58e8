// The three plugin kinds behind targets (seed 004 A, B, D.1) as the host uses them: a trajectory
// (WAYMARK_KIND_TRAJECTORY) draws the notional line, a predictor (WAYMARK_KIND_PREDICTOR) estimates an
// outcome from earlier pupils, a validator (WAYMARK_KIND_VALIDATOR) flags targets that look too low.
// Every plugin failure becomes a plugin_error, as for schemes; the host checks what comes back
// (counts, finite numbers, indices in range) before anyone relies on it.
#pragma once

#include "plugin_host/instance.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::plugins {

class registry;

class trajectory {
public:
    // Refuses (plugin_error) an instance that is not a trajectory or whose table is incomplete.
    explicit trajectory(instance plugin);

    const instance &plugin() const { return plugin_; }

    // term_count cumulative points, the last the target. `term_weights` is empty for equal terms or
    // holds term_count weights. Thread-safe.
    std::vector<double> plot(double baseline_points, double target_points, uint32_t term_count,
                             std::span<const double> term_weights = {}) const;

private:
    instance plugin_;
    waymark_trajectory table_{};
};

struct prediction_result {
    bool sufficient = false;  // false: the history is too thin, `note` says why, the figures are unset
    double likely_points = 0.0;
    double probability_expected = 0.0;
    double probability_higher = 0.0;
    uint32_t based_on = 0;
    std::string note;
};

// Earlier pupils: prior[i] led to outcome[i].
struct outcome_history {
    std::vector<double> prior;
    std::vector<double> outcome;
};

class predictor {
public:
    explicit predictor(instance plugin);

    const instance &plugin() const { return plugin_; }

    // Throws std::invalid_argument when the history's two columns differ in length. Thread-safe.
    prediction_result predict(double prior_points, const outcome_history &history, double expected_points,
                              double higher_points) const;

private:
    instance plugin_;
    waymark_predictor table_{};
};

struct target_flag {
    uint32_t case_index = 0;
    std::string code;
    int32_t severity = WAYMARK_SEVERITY_INFO;
    std::string sentence;
};

class validator {
public:
    explicit validator(instance plugin);

    const instance &plugin() const { return plugin_; }

    // Every flag of every case, in the order the plugin gave them. Thread-safe.
    std::vector<target_flag> validate(std::span<const waymark_target_case> cases) const;

private:
    instance plugin_;
    waymark_validator table_{};
};

// The loaded plugin of one kind, created with `config`: the one named `chosen_id` when it is not
// empty; otherwise the only one loaded, or, when a replacement sits beside the built-in
// (org.waymark.*) plugin, the replacement. Throws plugin_error naming what is loaded when no plugin,
// or more than one replacement, fits.
trajectory find_trajectory(const registry &plugins, std::string_view chosen_id = "", std::string_view config = "");
predictor find_predictor(const registry &plugins, std::string_view chosen_id = "", std::string_view config = "");
validator find_validator(const registry &plugins, std::string_view chosen_id = "", std::string_view config = "");

}  // namespace waymark::plugins
