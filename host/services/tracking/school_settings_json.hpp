// The school settings as JSON, the same for the API and the CLI's --json.
#pragma once

#include "services/tracking/school_settings.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

namespace waymark::services {

Poco::JSON::Object class_json(const school_class &each);           // {name, pupils}
Poco::JSON::Array classes_json(const std::vector<school_class> &classes);
Poco::JSON::Object custom_flags_json(const std::array<std::string, 6> &names);  // {names: [six]}
// {subjects: [{code, name, scheme}], others: [{code, name}]}: the tracked subjects and those the
// school could add.
Poco::JSON::Object subjects_json(soci::session &session, const std::vector<subject_scheme> &subjects);

// The audit log's summaries of a change, the same from the API and the CLI:
// "Young carer, -, Forces, -, -, -" (- for a filter not used) and "reading org.waymark.lep-points, ...".
std::string custom_flags_summary(const std::array<std::string, 6> &names);
std::string subjects_summary(const std::vector<subject_scheme> &subjects);

}  // namespace waymark::services
