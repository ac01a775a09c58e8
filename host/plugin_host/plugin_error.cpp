#include "plugin_host/plugin_error.hpp"

#include <cstring>

namespace waymark::plugins {

namespace {

// Length of the well-formed UTF-8 sequence starting at text[i], or 0 when it is not one.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    unsigned char second_min = 0x80;
    unsigned char second_max = 0xBF;
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) second_min = 0xA0;  // overlong
        if (lead == 0xED) second_max = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) second_min = 0x90;
        if (lead == 0xF4) second_max = 0x8F;
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    if (byte(i + 1) < second_min || byte(i + 1) > second_max) return 0;
    for (std::size_t k = 2; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    }
    return length;
}

}  // namespace

std::string sanitized_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8_sequence_length(text, i);
        if (length == 0) {
            out += '?';
            ++i;
        } else if (length == 1 && (static_cast<unsigned char>(text[i]) < 0x20 || text[i] == 0x7F)) {
            out += ' ';
            ++i;
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
    }
    return out;
}

std::string message_buffer::text(const std::string &fallback) const {
    // The plugin may not have terminated the buffer: never look past its end.
    const std::size_t length = strnlen(storage_.data(), storage_.size());
    std::string text = sanitized_utf8(std::string_view(storage_.data(), length));
    const auto first = text.find_first_not_of(' ');
    if (first == std::string::npos) return fallback;
    return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

std::string status_name(waymark_status status) {
    switch (status) {
        case WAYMARK_OK: return "success";
        case WAYMARK_ERROR_INVALID_INPUT: return "invalid input";
        case WAYMARK_ERROR_UNSUPPORTED: return "unsupported";
        case WAYMARK_ERROR_NOT_FOUND: return "not found";
        case WAYMARK_ERROR_INTERNAL: return "internal error";
        default: return "unknown status " + std::to_string(status);
    }
}

void throw_plugin_failure(const std::string &who, waymark_status status, const message_buffer &message,
                          std::string_view what) {
    std::string sentence = message.text();
    if (status == WAYMARK_ERROR_INVALID_INPUT && !sentence.empty()) throw plugin_error(status, sentence);
    if (sentence.empty()) sentence = status_name(status);
    if (sentence.back() != '.' && sentence.back() != '!' && sentence.back() != '?') sentence += '.';
    throw plugin_error(status, who + " could not " + std::string(what) + ": " + sentence);
}

}  // namespace waymark::plugins
