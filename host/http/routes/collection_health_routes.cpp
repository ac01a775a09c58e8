// Data-collection health of an assessment: the classes and subjects with judgements still missing.
//   GET /api/v1/schools/{school}/assessments/{assessment}/collection-health
#include "http/api.hpp"
#include "http/routes/tracking_scope.hpp"
#include "http/routes/school_scope.hpp"

#include "services/tracking/collection_health_json.hpp"

namespace waymark::http {

void add_collection_health_routes(router &routes, const api_services &services) {
    routes.add("GET", api_base + "/schools/{school}/assessments/{assessment}/collection-health", permission::read_school,
               [&services](const request &asked, response &reply) {
                   const auto database = services.database();
                   soci::session &session = database->session();
                   const store::school school = school_in_path(session, asked);
                   const services::assessment which = assessment_in_path(session, school, asked);
                   reply.json(services::collection_health_json(services::check_collection(session, school, which)));
               });
}

}  // namespace waymark::http
