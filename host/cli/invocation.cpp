#include "command.hpp"

#include <algorithm>
#include <array>
#include <numeric>

namespace waymark::cli {
namespace {

constexpr std::array<std::string_view, 3> global_options{"db", "data-dir", "config"};

bool contains(std::span<const std::string_view> names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Letters inserted, deleted or replaced to turn one name into the other.
std::size_t edit_distance(std::string_view from, std::string_view to) {
    std::vector<std::size_t> row(to.size() + 1);
    std::iota(row.begin(), row.end(), 0);
    for (std::size_t i = 1; i <= from.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= to.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (from[i - 1] == to[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[to.size()];
}

// " (did you mean --surname?)" for the name the command takes nearest a misspelt one, if any is near:
// one the given name begins (--year: --year-override), else one a letter or two away (one for a
// short name, so --year is not taken for --eal).
std::string nearest_of(std::string_view name, std::span<const std::string_view> switches, std::span<const std::string_view> options) {
    std::string_view best;
    std::size_t best_distance = (name.size() < 6 ? 1 : 2) + 1;
    for (const auto names : {switches, options}) {
        for (const std::string_view candidate : names) {
            const auto distance = candidate.starts_with(name) ? 0 : edit_distance(name, candidate);
            if (distance < best_distance) {
                best = candidate;
                best_distance = distance;
            }
        }
    }
    return best.empty() ? std::string() : " (did you mean --" + std::string(best) + "?)";
}

}  // namespace

std::vector<std::string_view> option_names(std::initializer_list<std::span<const std::string_view>> lists) {
    std::vector<std::string_view> names;
    for (const auto list : lists) names.insert(names.end(), list.begin(), list.end());
    return names;
}

invocation::invocation(std::span<const std::string> words, const command &given_to)
    : command_name_(given_to.name), declared_(option_names({given_to.options, global_options})) {
    const auto refuse_unknown = [&](const std::string &name) {
        if (contains(declared_, name) || contains(given_to.switches, name)) return;
        throw usage_error("There is no option --" + name + " for waymark " + std::string(command_name_) +
                          nearest_of(name, given_to.switches, declared_) + "; `waymark help " + std::string(command_name_) +
                          "` lists the ones it takes.");
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string &word = words[i];
        if (word.size() <= 2 || !word.starts_with("--")) {
            positional_.push_back(word);
            continue;
        }
        std::string name = word.substr(2);
        if (const auto equals = name.find('='); equals != std::string::npos) {
            std::string value = name.substr(equals + 1);
            name.resize(equals);
            refuse_unknown(name);
            if (contains(given_to.switches, name)) throw usage_error("The option --" + name + " takes no value.");
            options_[name] = std::move(value);
        } else if (contains(given_to.switches, name)) {
            switches_.push_back(name);
        } else {
            refuse_unknown(name);
            if (i + 1 >= words.size()) throw usage_error("The option --" + name + " needs a value.");
            options_[name] = words[++i];
        }
    }
}

void invocation::refuse_options_beyond(std::span<const std::string_view> allowed, std::string_view doing) const {
    for (const auto &[name, value] : options_) {
        if (contains(allowed, name) || contains(global_options, name)) continue;
        throw usage_error("waymark " + std::string(doing) + " takes no --" + name + nearest_of(name, {}, allowed) + "; `waymark help " +
                          std::string(command_name_) + "` says what each of its actions takes.");
    }
}

void invocation::check_declared(std::string_view name) const {
    if (!contains(declared_, name))
        throw std::logic_error("waymark " + std::string(command_name_) + " reads --" + std::string(name) +
                               ", which its table line does not declare.");
}

const std::string &invocation::positional(std::size_t index, std::string_view what) const {
    if (index >= positional_.size()) throw usage_error("Missing " + std::string(what) + ".");
    return positional_[index];
}

std::optional<std::string> invocation::option(std::string_view name) const {
    check_declared(name);
    if (auto it = options_.find(name); it != options_.end()) return it->second;
    return std::nullopt;
}

std::string invocation::option_or(std::string_view name, std::string_view fallback) const {
    return option(name).value_or(std::string(fallback));
}

const std::string &invocation::required_option(std::string_view name) const {
    check_declared(name);
    auto it = options_.find(name);
    if (it == options_.end()) throw usage_error("The option --" + std::string(name) + " is required.");
    return it->second;
}

bool invocation::has_switch(std::string_view name) const {
    return std::find(switches_.begin(), switches_.end(), name) != switches_.end();
}

}  // namespace waymark::cli
