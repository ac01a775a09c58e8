// The schools this database tracks (one for a school, many for an authority or trust).
//   GET /api/v1/schools
//   GET /api/v1/schools/{school}
#include "http/api.hpp"
#include "http/routes/school_scope.hpp"

namespace waymark::http {

void add_schools_routes(router &routes, const api_services &services) {
    routes.add("GET", api_base + "/schools", permission::read_school, [&services](const request &, response &reply) {
        const auto database = services.database();
        Poco::JSON::Array schools;
        for (const auto &school : store::all_schools(database->session())) schools.add(school_json(school));
        reply.json(schools);
    });
    routes.add("GET", api_base + "/schools/{school}", permission::read_school,
               [&services](const request &asked, response &reply) {
                   const auto database = services.database();
                   reply.json(school_json(school_in_path(database->session(), asked)));
               });
}

}  // namespace waymark::http
