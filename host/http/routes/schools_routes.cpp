// The schools this database tracks (one for a school, many for an authority or trust).
//   GET /api/v1/schools   (those the user may open; an authority user: all of them)
//   GET /api/v1/schools/{school}
//   POST /api/v1/schools  {laestab, name, postcode?, urn?}   (a school no MIS brings: administrators and
//                         authority users, who are granted the school they add)
#include "http/api.hpp"
#include "http/api_error.hpp"
#include "http/json_body.hpp"
#include "http/routes/school_scope.hpp"

#include "services/access/users.hpp"
#include "services/pupils/schools.hpp"

namespace waymark::http {

void add_schools_routes(router &routes, const api_services &services) {
    routes.add("GET", api_base + "/schools", permission::read_school, [&services](const request &asked, response &reply) {
        const auto database = services.database();
        // A school's users see their school; an authority sees every school of the database (and
        // opens only those granted).
        const bool every = asked.who().role == domain::user_role::authority;
        Poco::JSON::Array schools;
        for (const auto &school : store::all_schools(database->session())) {
            if (every || asked.who().may_open(store::laestab(school))) schools.add(services::school_json(school));
        }
        reply.json(schools);
    });
    routes.add("GET", api_base + "/schools/{school}", permission::read_school,
               [&services](const request &asked, response &reply) {
                   const auto database = services.database();
                   reply.json(services::school_json(school_in_path(database->session(), asked)));
               });
    routes.add("POST", api_base + "/schools", permission::add_schools, [&services](const request &asked, response &reply) {
        const json_object body = asked.json_body();
        const services::new_school details{body.required_string("laestab"), body.required_string("name"),
                                           body.optional_string("postcode").value_or(""),
                                           body.optional_string("urn").value_or("")};
        const auto database = services.database();
        try {
            // An authority user opens only the schools granted: the one they add is granted them with it.
            services::with_new_school grant;
            if (asked.who().role == domain::user_role::authority)
                grant = [&](soci::session &session, const store::school &added) { services::grant_school(session, asked.who().id, added.id); };
            const auto added = services::add_school(*database, details, domain::today_utc(), grant);
            asked.note("added school " + store::laestab(added) + " " + added.name);
            reply.json(services::school_json(added), status::HTTP_CREATED);
        } catch (const services::school_exists_error &exists) {
            throw conflict("laestab", exists.what());
        } catch (const services::school_details_error &wrong) {
            throw invalid(wrong.field(), wrong.what());
        }
    });
}

}  // namespace waymark::http
