#include "plugin_host/logger.hpp"

#include <waymark/plugin.h>

#include <cstdlib>
#include <iostream>
#include <string>

namespace waymark::plugins {

namespace {

std::string_view level_name(int32_t level) {
    switch (level) {
        case WAYMARK_LOG_DEBUG: return "debug";
        case WAYMARK_LOG_INFO: return "info";
        case WAYMARK_LOG_WARNING: return "warning";
        default: return "error";
    }
}

int32_t level_from_environment() {
    const char *value = std::getenv("WAYMARK_LOG_LEVEL");
    const std::string_view wanted = value != nullptr ? value : "info";
    for (int32_t level = WAYMARK_LOG_DEBUG; level <= WAYMARK_LOG_ERROR; ++level) {
        if (wanted == level_name(level)) return level;
    }
    return WAYMARK_LOG_INFO;
}

}  // namespace

logger::logger(std::ostream &out, int32_t minimum_level) : out_(out), minimum_level_(minimum_level) {}

void logger::write(int32_t level, std::string_view source, std::string_view message) {
    if (level < minimum_level_) return;
    // One string, one write: lines from different threads never interleave.
    std::string line;
    line.reserve(source.size() + message.size() + 16);
    line.append(level_name(level)).append(": ").append(source).append(": ").append(message).append("\n");
    const std::lock_guard lock(mutex_);
    out_ << line << std::flush;
}

logger &logger::standard_error() {
    static logger instance(std::cerr, level_from_environment());
    return instance;
}

}  // namespace waymark::plugins
