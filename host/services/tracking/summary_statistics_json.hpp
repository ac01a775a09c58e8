// Summary statistics as JSON, the one shape `waymark summary --json` prints and GET
// .../assessments/{id}/summary returns: {assessment, filter, as_of, pupils, excluded_pupils,
// subjects: [{subject, scheme, grades: [{code, label, pupils, percent}], judged, on_track,
// on_track_percent, no_judgement, unrecognised}], reading_writing_maths: {on_track, percent},
// test_scores: [{subject, kind, pupils, average}]}.
#pragma once

#include "services/tracking/summary_statistics.hpp"

#include <Poco/JSON/Object.h>

namespace waymark::services {

Poco::JSON::Object summary_json(const assessment_summary &summary);

}  // namespace waymark::services
