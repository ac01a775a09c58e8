#include "services/tracking/collection_health_json.hpp"

#include <Poco/JSON/Array.h>

namespace waymark::services {

Poco::JSON::Object collection_health_json(const collection_health &health) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("assessment", health.assessment);
    json.set("assessment_id", health.assessment_id);
    json.set("pupils", health.pupils);
    json.set("excluded_pupils", health.excluded_pupils);
    json.set("expected", health.expected);
    json.set("missing", health.missing);
    Poco::JSON::Array gaps;
    for (const auto &gap : health.gaps) {
        Poco::JSON::Object row(Poco::JSON_PRESERVE_KEY_ORDER);
        row.set("class", gap.class_name);
        row.set("subject", gap.subject);
        row.set("pupils", gap.pupils);
        row.set("missing", gap.missing.size());
        Poco::JSON::Array pupils;
        for (const auto &pupil : gap.missing) {
            Poco::JSON::Object named(Poco::JSON_PRESERVE_KEY_ORDER);
            named.set("upn", pupil.upn);
            named.set("surname", pupil.surname);
            named.set("forename", pupil.forename);
            pupils.add(named);
        }
        row.set("pupils_missing", pupils);
        gaps.add(row);
    }
    json.set("gaps", gaps);
    return json;
}

}  // namespace waymark::services
