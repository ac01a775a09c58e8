#include "command.hpp"

#include <algorithm>

namespace waymark::cli {

invocation::invocation(std::span<const std::string> words, std::span<const std::string_view> switches) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string &word = words[i];
        if (word.size() <= 2 || !word.starts_with("--")) {
            positional_.push_back(word);
            continue;
        }
        std::string name = word.substr(2);
        if (const auto equals = name.find('='); equals != std::string::npos) {
            options_[name.substr(0, equals)] = name.substr(equals + 1);
        } else if (std::find(switches.begin(), switches.end(), name) != switches.end()) {
            switches_.push_back(name);
        } else if (i + 1 < words.size()) {
            options_[name] = words[++i];
        } else {
            throw usage_error("The option --" + name + " needs a value.");
        }
    }
}

const std::string &invocation::positional(std::size_t index, std::string_view what) const {
    if (index >= positional_.size()) throw usage_error("Missing " + std::string(what) + ".");
    return positional_[index];
}

std::optional<std::string> invocation::option(std::string_view name) const {
    if (auto it = options_.find(name); it != options_.end()) return it->second;
    return std::nullopt;
}

std::string invocation::option_or(std::string_view name, std::string_view fallback) const {
    return option(name).value_or(std::string(fallback));
}

const std::string &invocation::required_option(std::string_view name) const {
    auto it = options_.find(name);
    if (it == options_.end()) throw usage_error("The option --" + std::string(name) + " is required.");
    return it->second;
}

bool invocation::has_switch(std::string_view name) const {
    return std::find(switches_.begin(), switches_.end(), name) != switches_.end();
}

}  // namespace waymark::cli
