// The class grid as JSON, the one shape `waymark grid --json` prints and GET .../grid returns:
// {assessment, as_of, pupils: [{upn, surname, forename, class, year, judgements: {subject: {code,
// label, band, on_track, colour, colour_overridden, judged_year}}, test_scores, formative, phonics,
// record_ids, progress_meetings}]}. A grid loaded with its pupil details adds to each pupil
// characteristics {gender, sen, ethnicity, eal, fsm, ever6_fsm, pupil_premium, looked_after,
// previously_looked_after, disadvantaged, summer_born}, custom_flags [6 yes/no] and statutory {gld,
// phonics: [{year, mark, outcome}], ks1: {subject: {ta, scaled_score}}}, and custom_flag_names [6].
#pragma once

#include "services/tracking/class_grid.hpp"

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace waymark::services {

// "below", "at", "above", or "" when the scheme has no expectation there.
std::string band_word(int band);
// 0xRRGGBB as "#RRGGBB".
std::string colour_hex(uint32_t rgb);
// "#RRGGBB" or "RRGGBB" (either case) as 0xRRGGBB; nothing for anything else.
std::optional<uint32_t> parse_colour_hex(std::string_view text);

Poco::JSON::Object assessment_json(const assessment &which);
Poco::JSON::Object class_grid_json(const class_grid &grid);

}  // namespace waymark::services
