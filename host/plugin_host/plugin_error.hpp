// How a plugin's failures reach the host: a status and one sentence, never an exception or a crash.
#pragma once

#include <waymark/plugin.h>

#include <array>
#include <stdexcept>
#include <string>
#include <string_view>

namespace waymark::plugins {

// A plugin said no (bad input, unsupported capability, internal fault). what() is the plugin's own
// sentence, prefixed with the plugin's id so the user knows where it came from.
class plugin_error : public std::runtime_error {
public:
    plugin_error(waymark_status status, const std::string &sentence)
        : std::runtime_error(sentence), status_(status) {}

    waymark_status status() const { return status_; }

private:
    waymark_status status_;
};

// A caller-owned waymark_message buffer. A C plugin may leave it unterminated or fill it with bytes
// that are not UTF-8; text() never reads past the buffer and returns valid UTF-8.
class message_buffer {
public:
    message_buffer() { storage_[0] = '\0'; }
    message_buffer(const message_buffer &) = delete;
    message_buffer &operator=(const message_buffer &) = delete;

    waymark_message *get() {
        message_ = waymark_message{storage_.data(), static_cast<uint32_t>(storage_.size())};
        return &message_;
    }

    // The sentence the plugin wrote, or `fallback` when it wrote nothing.
    std::string text(const std::string &fallback = "") const;

private:
    std::array<char, 1024> storage_;  // only the first byte is set: zeroing 1 KiB per call would show in batch loops
    waymark_message message_{};
};

// Replaces every byte that is not part of a well-formed UTF-8 sequence with '?', and control
// characters with spaces, so a plugin's text is safe to print and to put into JSON.
std::string sanitized_utf8(std::string_view text);

// Throws the plugin_error for a failed call: for invalid input the plugin's own sentence (meant for
// the teacher), otherwise "<who> could not <what>: <sentence>." so the user knows which plugin failed.
[[noreturn]] void throw_plugin_failure(const std::string &who, waymark_status status, const message_buffer &message,
                                       std::string_view what);

// "invalid input", "unsupported", ... for a status a plugin returned.
std::string status_name(waymark_status status);

}  // namespace waymark::plugins
