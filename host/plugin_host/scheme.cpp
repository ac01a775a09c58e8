#include "plugin_host/scheme.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace waymark::plugins {

namespace {

// A scheme with more grades than this is a broken plugin, not a scheme.
constexpr uint32_t most_grades = 100000;

void check_index(uint32_t grade, uint32_t count) {
    if (grade >= count) {
        throw std::out_of_range("Grade index " + std::to_string(grade) + " is out of range: the scheme has " +
                                std::to_string(count) + " grades.");
    }
}

}  // namespace

waymark_context judgement_context::c_struct() const {
    return waymark_context{sizeof(waymark_context), nc_year, term, subject.c_str()};
}

scheme_progress::scheme_progress(const instance &plugin, const waymark_scheme_progress &table, uint32_t grade_count)
    : plugin_(plugin.raw()), who_(plugin.name_for_messages()), table_(table), grade_count_(grade_count) {}

waymark_progress scheme_progress::progress(uint32_t from_grade, const judgement_context &from, uint32_t to_grade,
                                           const judgement_context &to) const {
    check_index(from_grade, grade_count_);
    check_index(to_grade, grade_count_);
    const waymark_context from_c = from.c_struct();
    const waymark_context to_c = to.c_struct();
    waymark_progress out{};
    message_buffer error;
    const waymark_status status = table_.progress(plugin_, from_grade, &from_c, to_grade, &to_c, &out, error.get());
    if (status != WAYMARK_OK) throw_plugin_failure(who_, status, error, "measure progress");
    return out;
}

double scheme_progress::expected_points(const judgement_context &from, const judgement_context &to) const {
    const waymark_context from_c = from.c_struct();
    const waymark_context to_c = to.c_struct();
    double points = 0.0;
    message_buffer error;
    const waymark_status status = table_.expected_points(plugin_, &from_c, &to_c, &points, error.get());
    if (status != WAYMARK_OK) throw_plugin_failure(who_, status, error, "give the expected progress");
    return points;
}

scheme::scheme(instance plugin) : plugin_(std::move(plugin)) {
    const std::string who = plugin_.name_for_messages();
    const auto refuse = [&](const std::string &why) {
        throw plugin_error(WAYMARK_ERROR_UNSUPPORTED, who + " cannot be used as a scheme: " + why + ".");
    };
    if (descriptor().kind != WAYMARK_KIND_SCHEME) refuse("it is a " + descriptor().kind + " plugin");
    const auto table = plugin_.interface<waymark_scheme>(WAYMARK_KIND_SCHEME);
    if (!table) refuse("it does not offer the " WAYMARK_KIND_SCHEME " interface");
    table_ = *table;
    if (table_.grade_count == nullptr || table_.grade == nullptr || table_.parse == nullptr ||
        table_.describe == nullptr || table_.evaluate == nullptr) {
        refuse("its scheme table lacks one of grade_count, grade, parse, describe and evaluate");
    }
    const uint32_t count = table_.grade_count(plugin_.raw());
    if (count == 0 || count > most_grades) refuse("it declares " + std::to_string(count) + " grades");
    grades_.reserve(count);
    for (uint32_t index = 0; index < count; ++index) {
        const waymark_grade *given = table_.grade(plugin_.raw(), index);
        if (given == nullptr || declared_size(given) < sizeof(waymark_grade)) {
            refuse("grade " + std::to_string(index) + " is missing or incomplete");
        }
        const waymark_grade grade = read_prefix(given);
        if (grade.code == nullptr || *grade.code == '\0' || grade.label == nullptr) {
            refuse("grade " + std::to_string(index) + " has no code or label");
        }
        grades_.push_back(grade_info{sanitized_utf8(grade.code), sanitized_utf8(grade.label),
                                     grade.has_points != 0 ? std::optional<double>(grade.points) : std::nullopt,
                                     grade.colour_rgb & 0xFFFFFFu});
        if (std::count_if(grades_.begin(), grades_.end(),
                          [&](const grade_info &g) { return g.code == grades_.back().code; }) > 1) {
            refuse("the grade code '" + grades_.back().code + "' appears twice");
        }
    }
    if (const auto progress = plugin_.interface<waymark_scheme_progress>(WAYMARK_INTERFACE_SCHEME_PROGRESS)) {
        if (progress->progress == nullptr || progress->expected_points == nullptr) {
            refuse("its progress table lacks progress or expected_points");
        }
        progress_.emplace(plugin_, *progress, count);
    }
}

scheme::scheme(scheme &&) noexcept = default;
scheme &scheme::operator=(scheme &&) noexcept = default;

std::optional<uint32_t> scheme::find_code(std::string_view code) const {
    const auto it = std::find_if(grades_.begin(), grades_.end(), [&](const grade_info &g) { return g.code == code; });
    if (it == grades_.end()) return std::nullopt;
    return static_cast<uint32_t>(it - grades_.begin());
}

void scheme::check_grade(uint32_t grade) const { check_index(grade, grade_count()); }

void scheme::fail(waymark_status status, const message_buffer &message, std::string_view what) const {
    throw_plugin_failure(plugin_.name_for_messages(), status, message, what);
}

uint32_t scheme::parse(std::string_view input, const judgement_context &context) const {
    const std::string text(input);
    const waymark_context c = context.c_struct();
    uint32_t grade = 0;
    message_buffer error;
    const waymark_status status = table_.parse(plugin_.raw(), text.c_str(), &c, &grade, error.get());
    if (status != WAYMARK_OK) fail(status, error, "read '" + sanitized_utf8(text) + "'");
    if (grade >= grade_count()) {
        throw plugin_error(WAYMARK_ERROR_INTERNAL, plugin_.name_for_messages() + " read '" + sanitized_utf8(text) +
                                                       "' as grade " + std::to_string(grade) +
                                                       ", which it does not have.");
    }
    return grade;
}

std::string scheme::describe(uint32_t grade, const judgement_context &context) const {
    check_grade(grade);
    const waymark_context c = context.c_struct();
    message_buffer label;
    const waymark_status status = table_.describe(plugin_.raw(), grade, &c, label.get());
    if (status != WAYMARK_OK) fail(status, label, "describe grade '" + grades_[grade].code + "'");
    return label.text(grades_[grade].label);
}

void scheme::evaluate(const judgement_context &context, std::span<const uint32_t> grades,
                      std::span<waymark_evaluation> out) const {
    if (out.size() < grades.size()) {
        throw std::invalid_argument("evaluate() needs an output slot for each of the " +
                                    std::to_string(grades.size()) + " grades.");
    }
    const uint32_t count = grade_count();
    for (const uint32_t grade : grades) check_index(grade, count);
    const waymark_context c = context.c_struct();
    constexpr std::size_t most_per_call = std::numeric_limits<uint32_t>::max();
    for (std::size_t done = 0; done < grades.size();) {
        const auto batch = static_cast<uint32_t>(std::min(grades.size() - done, most_per_call));
        message_buffer error;
        const waymark_status status =
            table_.evaluate(plugin_.raw(), &c, grades.data() + done, batch, out.data() + done, error.get());
        if (status != WAYMARK_OK) fail(status, error, "evaluate grades");
        done += batch;
    }
}

waymark_evaluation scheme::evaluate(const judgement_context &context, uint32_t grade) const {
    waymark_evaluation out{};
    evaluate(context, std::span<const uint32_t>(&grade, 1), std::span<waymark_evaluation>(&out, 1));
    return out;
}

}  // namespace waymark::plugins
