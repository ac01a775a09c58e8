// The schools this database tracks (one for a school, many for an authority or trust).
//   GET /api/v1/schools   (those the user may open; an authority user: all of them)
//   GET /api/v1/schools/{school}
#include "http/api.hpp"
#include "http/routes/school_scope.hpp"

namespace waymark::http {

void add_schools_routes(router &routes, const api_services &services) {
    routes.add("GET", api_base + "/schools", permission::read_school, [&services](const request &asked, response &reply) {
        const auto database = services.database();
        // A school's users see their school; an authority sees every school of the database (and
        // opens only those granted).
        const bool every = asked.who().role == domain::user_role::authority;
        Poco::JSON::Array schools;
        for (const auto &school : store::all_schools(database->session())) {
            if (every || asked.who().may_open(store::laestab(school))) schools.add(school_json(school));
        }
        reply.json(schools);
    });
    routes.add("GET", api_base + "/schools/{school}", permission::read_school,
               [&services](const request &asked, response &reply) {
                   const auto database = services.database();
                   reply.json(school_json(school_in_path(database->session(), asked)));
               });
}

}  // namespace waymark::http
