#include "services/pupils/pupil_list_json.hpp"

#include "services/record_json.hpp"

namespace waymark::services {

Poco::JSON::Object pupil_list_json(const std::vector<filtered_pupil> &pupils, const std::string &filter, int excluded) {
    const auto rows = json_array(pupils, [](const filtered_pupil &pupil) {
        return json_object({{"upn", pupil.upn}, {"surname", pupil.surname}, {"forename", pupil.forename},
                            {"nc_year", pupil.nc_year}, {"class", pupil.class_name}, {"include_in_data", pupil.included}});
    });
    return json_object({{"filter", filter}, {"pupils", rows}, {"count", pupils.size()}, {"excluded_pupils", excluded}});
}

Poco::JSON::Object group_json(const pupil_group &group) {
    return json_object({{"name", group.name}, {"members", group.members}, {"created_by", group.created_by},
                        {"created_at", group.created_at}});
}

Poco::JSON::Array group_list_json(const std::vector<pupil_group> &groups) { return json_array(groups, group_json); }

}  // namespace waymark::services
