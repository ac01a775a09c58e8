#include "domain/whole_number.hpp"

#include <charconv>

namespace waymark::domain {

std::optional<std::int64_t> parse_whole_number(std::string_view text, std::int64_t lowest, std::int64_t highest) {
    // from_chars already takes no '+' and no white space; what is left to check is that it read
    // every character and that the number fits.
    std::int64_t value = 0;
    const char *end = text.data() + text.size();
    const auto [stop, problem] = std::from_chars(text.data(), end, value);
    if (text.empty() || problem != std::errc{} || stop != end || value < lowest || value > highest) return std::nullopt;
    return value;
}

}  // namespace waymark::domain
