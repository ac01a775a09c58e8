// Lists of pupils and stored groups as JSON, the one shape `waymark pupils list --json`, `waymark
// groups list|show --json` print and the API's pupils and groups routes return.
#pragma once

#include "services/pupils/pupil_groups.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

namespace waymark::services {

// {filter, pupils: [{upn, surname, forename, nc_year, class, include_in_data}], count, excluded_pupils}
Poco::JSON::Object pupil_list_json(const std::vector<filtered_pupil> &pupils, const std::string &filter, int excluded);

// {name, members, created_by, created_at}
Poco::JSON::Object group_json(const pupil_group &group);
Poco::JSON::Array group_list_json(const std::vector<pupil_group> &groups);

}  // namespace waymark::services
