#include "services/pupils/pupil_list_json.hpp"

namespace waymark::services {

Poco::JSON::Object pupil_list_json(const std::vector<filtered_pupil> &pupils, const std::string &filter, int excluded) {
    Poco::JSON::Array rows;
    for (const auto &pupil : pupils) {
        Poco::JSON::Object row(Poco::JSON_PRESERVE_KEY_ORDER);
        row.set("upn", pupil.upn);
        row.set("surname", pupil.surname);
        row.set("forename", pupil.forename);
        row.set("nc_year", pupil.nc_year);
        row.set("class", pupil.class_name);
        row.set("include_in_data", pupil.included);
        rows.add(row);
    }
    Poco::JSON::Object document(Poco::JSON_PRESERVE_KEY_ORDER);
    document.set("filter", filter);
    document.set("pupils", rows);
    document.set("count", pupils.size());
    document.set("excluded_pupils", excluded);
    return document;
}

Poco::JSON::Object group_json(const pupil_group &group) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("name", group.name);
    json.set("members", group.members);
    json.set("created_by", group.created_by);
    json.set("created_at", group.created_at);
    return json;
}

Poco::JSON::Array group_list_json(const std::vector<pupil_group> &groups) {
    Poco::JSON::Array rows;
    for (const auto &group : groups) rows.add(group_json(group));
    return rows;
}

}  // namespace waymark::services
