// The school settings as JSON, the same for the API and the CLI's --json.
#pragma once

#include "services/school_settings.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

namespace waymark::services {

Poco::JSON::Object class_json(const school_class &each);           // {name, pupils}
Poco::JSON::Array classes_json(const std::vector<school_class> &classes);
Poco::JSON::Object custom_flags_json(const std::array<std::string, 6> &names);  // {names: [six]}
// {subjects: [{code, name, scheme}], others: [{code, name}]}: the tracked subjects and those the
// school could add.
Poco::JSON::Object subjects_json(soci::session &session, const std::vector<subject_scheme> &subjects);

}  // namespace waymark::services
