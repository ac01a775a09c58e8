#include "http/routes/school_scope.hpp"

#include "http/api.hpp"

namespace waymark::http {

store::school school_in_path(soci::session &session, const request &asked) {
    const std::string &laestab = asked.path_parameter("school");
    // LA number then establishment number: 801 2000.
    if (laestab.size() == 7) {
        if (auto school = store::find_school(session, std::string_view(laestab).substr(0, 3), std::string_view(laestab).substr(3)))
            return std::move(*school);
    }
    throw not_found(std::nullopt, "There is no school " + laestab + " in this database; GET " + api_base +
                                      "/schools lists them by LA and establishment number (e.g. 8012000).");
}

Poco::JSON::Object school_json(const store::school &which) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("school", store::laestab(which));
    json.set("name", which.name);
    json.set("urn", which.urn);
    json.set("postcode", which.postcode);
    json.set("current_year", domain::format_academic_year(which.current_year));
    return json;
}

}  // namespace waymark::http
