// A year group's statutory data as JSON, the one shape `waymark statutory show --json` prints and
// GET .../statutory?year=N returns: {academic_year, year_group, pupils: [{upn, surname, forename, gld,
// elg: {E01: outcome}, phonics_year1: {academic_year, mark, outcome} or null, phonics_year2, ks1_ta,
// ks1_scaled, ks2_ta, ks2_scaled}], submissions: [...]}.
#pragma once

#include "services/statutory/statutory_entry.hpp"

#include <Poco/JSON/Object.h>

namespace waymark::services {

// {kind, academic_year, submitted_by, submitted_at, declaration, pupils, locked, unlocked_by,
// unlocked_at, unlock_reason}, the unlock fields null while it is in force.
Poco::JSON::Object submission_json(const submission &made);
Poco::JSON::Object statutory_view_json(const statutory_view &view);

}  // namespace waymark::services
