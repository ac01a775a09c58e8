#include "domain/postcode.hpp"

namespace waymark::domain {

namespace {

bool is_letter(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The outward code's shapes, as a pattern of 'A' (letter) and '9' (digit).
bool outward_shape_ok(std::string_view outward) {
    std::string shape;
    for (const char c : outward) shape += is_letter(c) ? 'A' : is_digit(c) ? '9' : '?';
    for (const std::string_view allowed : {"A9", "A99", "AA9", "AA99", "A9A", "AA9A"})
        if (shape == allowed) return true;
    return false;
}

}  // namespace

std::optional<std::string> normalise_postcode(std::string_view text) {
    std::string compact;
    for (const char c : text) {
        if (c == ' ' || c == '\t') continue;
        compact += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    if (compact.size() < 5 || compact.size() > 7) return std::nullopt;
    const std::string_view inward = std::string_view(compact).substr(compact.size() - 3);
    const std::string_view outward = std::string_view(compact).substr(0, compact.size() - 3);
    if (!is_digit(inward[0]) || !is_letter(inward[1]) || !is_letter(inward[2]) || !outward_shape_ok(outward))
        return std::nullopt;
    return std::string(outward) + " " + std::string(inward);
}

}  // namespace waymark::domain
