#include "services/tracking/collection_health_json.hpp"

#include "services/record_json.hpp"

namespace waymark::services {
namespace {

Poco::JSON::Object gap_json(const collection_gap &gap) {
    const auto missing = json_array(gap.missing, [](const auto &pupil) {
        return json_object({{"upn", pupil.upn}, {"surname", pupil.surname}, {"forename", pupil.forename}});
    });
    return json_object({{"class", gap.class_name}, {"subject", gap.subject}, {"pupils", gap.pupils},
                        {"missing", gap.missing.size()}, {"pupils_missing", missing}});
}

}  // namespace

Poco::JSON::Object collection_health_json(const collection_health &health) {
    return json_object({{"assessment", health.assessment}, {"assessment_id", health.assessment_id},
                        {"pupils", health.pupils}, {"excluded_pupils", health.excluded_pupils},
                        {"expected", health.expected}, {"missing", health.missing},
                        {"gaps", json_array(health.gaps, gap_json)}});
}

}  // namespace waymark::services
