// The host's log: one line per message, whole lines even when many threads (and plugins) write.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <mutex>
#include <string_view>

namespace waymark::plugins {

class logger {
public:
    // Writes to `out` messages at `minimum_level` (a WAYMARK_LOG_* value) or above.
    explicit logger(std::ostream &out, int32_t minimum_level = 1);

    // Thread-safe. `source` names who speaks: a plugin file, "plugins".
    void write(int32_t level, std::string_view source, std::string_view message);

    // The process's log on standard error; its level comes from WAYMARK_LOG_LEVEL
    // (debug, info, warning, error), default info.
    static logger &standard_error();

private:
    std::mutex mutex_;
    std::ostream &out_;
    int32_t minimum_level_;
};

}  // namespace waymark::plugins
