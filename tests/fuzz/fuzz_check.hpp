// What every fuzz target shares: a broken invariant is reported, then the process traps, so that
// libFuzzer records the input as a crash (an exception or a plain return would pass unseen).
#pragma once

#include <cstdio>
#include <string_view>

namespace waymark::fuzz {

inline void require(bool holds, std::string_view invariant) {
    if (holds) return;
    std::fprintf(stderr, "broken invariant: %.*s\n", static_cast<int>(invariant.size()), invariant.data());
    __builtin_trap();
}

// A refusal is one sentence: not empty, ending with a full stop.
inline bool is_sentence(std::string_view text) { return !text.empty() && text.back() == '.'; }

}  // namespace waymark::fuzz
