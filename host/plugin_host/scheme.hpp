// A descriptor-scheme plugin (WAYMARK_KIND_SCHEME) as the host uses it: grades, parsing teacher
// input, contextual labels and batch evaluation. Every plugin failure becomes a plugin_error: for
// invalid input what() is the plugin's own sentence (meant for the teacher), otherwise that
// sentence prefixed with the plugin's id and file. A grade index out of range is the caller's
// mistake and throws std::out_of_range before the plugin is asked.
#pragma once

#include "plugin_host/instance.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::plugins {

// Where a judgement is made: NC year (0 Reception, -1 nursery), term (WAYMARK_TERM_*), subject code.
struct judgement_context {
    int32_t nc_year = 0;
    int32_t term = WAYMARK_TERM_AUTUMN;
    std::string subject;

    // Points into `subject`: valid while this object lives unchanged.
    waymark_context c_struct() const;
};

struct grade_info {
    std::string code;   // the stored form
    std::string label;  // the label without context
    std::optional<double> points;
    uint32_t colour_rgb = 0xFFFFFF;
};

// Progress between two judgements, for schemes that offer WAYMARK_INTERFACE_SCHEME_PROGRESS.
class scheme_progress {
public:
    scheme_progress(const instance &plugin, const waymark_scheme_progress &table, uint32_t grade_count);

    // Throws plugin_error for a grade index out of range or when the plugin fails.

    waymark_progress progress(uint32_t from_grade, const judgement_context &from, uint32_t to_grade,
                              const judgement_context &to) const;
    double expected_points(const judgement_context &from, const judgement_context &to) const;

private:
    const waymark_plugin *plugin_;  // stays the same when the owning scheme moves
    std::string who_;
    waymark_scheme_progress table_;
    uint32_t grade_count_;
};

class scheme {
public:
    // Refuses (plugin_error) an instance that is not a scheme or whose scheme table is incomplete.
    explicit scheme(instance plugin);
    scheme(scheme &&) noexcept;
    scheme &operator=(scheme &&) noexcept;

    const instance &plugin() const { return plugin_; }
    const descriptor_info &descriptor() const { return plugin_.descriptor(); }

    // Lowest first; read once when the scheme is created (grades never change for an instance).
    const std::vector<grade_info> &grades() const { return grades_; }
    uint32_t grade_count() const { return static_cast<uint32_t>(grades_.size()); }
    // The index of a stored code (exact match), or nothing.
    std::optional<uint32_t> find_code(std::string_view code) const;

    // A teacher's input -> grade index. Throws plugin_error with the plugin's sentence (listing the
    // valid choices) when the input is not a grade of this scheme. Thread-safe.
    uint32_t parse(std::string_view input, const judgement_context &context) const;

    // The grade's label in a context. Thread-safe.
    std::string describe(uint32_t grade, const judgement_context &context) const;

    // out[i] = evaluation of grades[i] in `context`; out must be at least as long as grades. Grade
    // indices are checked before the plugin sees them. Thread-safe, allocation-free.
    void evaluate(const judgement_context &context, std::span<const uint32_t> grades,
                  std::span<waymark_evaluation> out) const;
    waymark_evaluation evaluate(const judgement_context &context, uint32_t grade) const;

    // The progress capability, or nullptr when this scheme does not measure progress.
    const scheme_progress *progress() const { return progress_ ? &*progress_ : nullptr; }

private:
    void check_grade(uint32_t grade) const;
    [[noreturn]] void fail(waymark_status status, const message_buffer &message, std::string_view what) const;

    instance plugin_;
    waymark_scheme table_{};
    std::vector<grade_info> grades_;
    std::optional<scheme_progress> progress_;
};

}  // namespace waymark::plugins
