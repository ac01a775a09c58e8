#include "domain/statutory.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <initializer_list>

namespace waymark::domain {

namespace {

struct kind_name {
    statutory_kind kind;
    std::string_view name;
};

constexpr std::array kind_names{
    kind_name{statutory_kind::eyfsp_goal, "eyfsp_goal"},     kind_name{statutory_kind::eyfsp_gld, "eyfsp_gld"},
    kind_name{statutory_kind::phonics_mark, "phonics_mark"}, kind_name{statutory_kind::phonics_outcome, "phonics_outcome"},
    kind_name{statutory_kind::ks1_ta, "ks1_ta"},             kind_name{statutory_kind::ks1_scaled, "ks1_scaled"},
    kind_name{statutory_kind::ks2_ta, "ks2_ta"},             kind_name{statutory_kind::ks2_scaled, "ks2_scaled"},
};

constexpr std::array key_stage_subjects{std::string_view{"reading"}, std::string_view{"writing"},
                                        std::string_view{"maths"}, std::string_view{"gps"},
                                        std::string_view{"science"}};

bool one_of(std::string_view value, std::initializer_list<std::string_view> allowed) {
    return std::ranges::find(allowed, value) != allowed.end();
}

std::optional<int> whole_number(std::string_view text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::string in_range(std::string_view what, const statutory_result &result, int low, int high) {
    const auto number = whole_number(result.value);
    if (number && *number >= low && *number <= high) return "";
    return "The " + std::string(what) + " \"" + result.value + "\" should be a whole number from " + std::to_string(low) +
           " to " + std::to_string(high) + ".";
}

std::string subject_problem(const statutory_result &result) {
    if (std::ranges::find(key_stage_subjects, result.subject) != key_stage_subjects.end()) return "";
    return "The subject \"" + result.subject + "\" is not one of reading, writing, maths, gps or science.";
}

std::string teacher_assessment_problem(const statutory_result &result, bool key_stage_2) {
    if (auto problem = subject_problem(result); !problem.empty()) return problem;
    const bool known = one_of(result.value, {"PK1", "PK2", "PK3", "PK4", "BLW", "WTS", "EXS", "GDS", "HNM", "A", "D", "EM"}) ||
                       (key_stage_2 && one_of(result.value, {"PK5", "PK6"}));
    if (known) return "";
    return "The teacher assessment \"" + result.value + "\" is not a KS" + (key_stage_2 ? "2" : "1") +
           " code (PK1-PK" + (key_stage_2 ? "6" : "4") + ", BLW, WTS, EXS, GDS, HNM, A, D or EM).";
}

std::string problem_text(const statutory_result &result) {
    switch (result.kind) {
    case statutory_kind::eyfsp_goal: {
        const auto goal = result.subject.size() == 3 && result.subject[0] == 'E' ? whole_number(result.subject.substr(1))
                                                                                  : std::nullopt;
        if (!goal || *goal < 1 || *goal > 17)
            return "The early learning goal \"" + result.subject + "\" should be one of E01 to E17.";
        if (!one_of(result.value, {"Emerging", "Expected"}))
            return "The early learning goal outcome \"" + result.value + "\" should be Emerging or Expected.";
        return "";
    }
    case statutory_kind::eyfsp_gld:
        return one_of(result.value, {"Y", "N"}) ? "" : "The GLD value \"" + result.value + "\" should be Y or N.";
    case statutory_kind::phonics_mark: return in_range("phonics mark", result, 0, 40);
    case statutory_kind::phonics_outcome:
        return one_of(result.value, {"Wa", "Wt", "A", "D", "L", "Q"})
                   ? ""
                   : "The phonics outcome \"" + result.value + "\" should be Wa, Wt, A, D, L or Q.";
    case statutory_kind::ks1_ta: return teacher_assessment_problem(result, false);
    case statutory_kind::ks2_ta: return teacher_assessment_problem(result, true);
    case statutory_kind::ks1_scaled:
        if (auto problem = subject_problem(result); !problem.empty()) return problem;
        return in_range("KS1 scaled score", result, 79, 120);
    case statutory_kind::ks2_scaled:
        if (auto problem = subject_problem(result); !problem.empty()) return problem;
        return in_range("KS2 scaled score", result, 80, 120);
    }
    return "";
}

}  // namespace

std::string_view statutory_kind_name(statutory_kind kind) {
    const auto found = std::ranges::find(kind_names, kind, &kind_name::kind);
    return found == kind_names.end() ? "" : found->name;
}

std::optional<statutory_kind> parse_statutory_kind(std::string_view name) {
    const auto found = std::ranges::find(kind_names, name, &kind_name::name);
    if (found == kind_names.end()) return std::nullopt;
    return found->kind;
}

std::optional<std::string> statutory_problem(const statutory_result &result) {
    auto problem = problem_text(result);
    if (problem.empty()) return std::nullopt;
    return problem;
}

}  // namespace waymark::domain
