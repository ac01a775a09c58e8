// Data-collection health as JSON, the one shape `waymark collection-health --json` prints and GET
// .../assessments/{id}/collection-health returns: {assessment, assessment_id, pupils, excluded_pupils,
// expected, missing, gaps: [{class, subject, pupils, missing, pupils_missing: [{upn, surname, forename}]}]}.
#pragma once

#include "services/tracking/collection_health.hpp"

#include <Poco/JSON/Object.h>

namespace waymark::services {

Poco::JSON::Object collection_health_json(const collection_health &health);

}  // namespace waymark::services
