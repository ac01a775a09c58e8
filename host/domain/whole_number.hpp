// Whole numbers as a person types them: into a command's option, an API query parameter or a path.
// One reading for every shell, so `--year 5`, `?year=5` and `/meetings/5` accept and refuse the same
// text; each caller words its own refusal, because the sentence names what the number was for.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

namespace waymark::domain {

// The number `text` spells, or nullopt when it is not one from `lowest` to `highest`. Strict: an
// optional leading '-' and decimal digits only, so "", "+5", " 5", "5 ", "5x", "0x10" and "1e3" are
// refused rather than read in part (a half-read id would name another pupil's record).
std::optional<std::int64_t> parse_whole_number(std::string_view text,
                                               std::int64_t lowest = std::numeric_limits<std::int64_t>::min(),
                                               std::int64_t highest = std::numeric_limits<std::int64_t>::max());

}  // namespace waymark::domain
