// Runs a `waymark` command line in-process and keeps what it printed.
#pragma once

#include "command.hpp"

#include <sstream>
#include <string>
#include <vector>

namespace waymark::testing {

struct cli_result {
    int status;
    std::string out;
    std::string err;
};

inline cli_result run_cli(std::vector<std::string> words) {
    std::ostringstream out;
    std::ostringstream err;
    const int status = waymark::cli::run(words, {out, err});
    return {status, out.str(), err.str()};
}

// The text with every run of spaces made one space, so a test does not depend on column widths
// (which the built-in plugins beside the test executable also widen).
inline std::string single_spaced(const std::string &text) {
    std::string out;
    for (const char c : text) {
        if (c != ' ' || out.empty() || out.back() != ' ') out += c;
    }
    return out;
}

}  // namespace waymark::testing
