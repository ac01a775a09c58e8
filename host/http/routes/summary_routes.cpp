// Summary statistics under an assessment (seed 000 "SUMMARY DATA"), for any filter, as of any instant.
//   GET /api/v1/schools/{school}/assessments/{assessment}/summary[?<filters>&as_of=]
#include "http/api.hpp"
#include "http/routes/tracking_scope.hpp"
#include "http/routes/school_scope.hpp"

#include "services/tracking/summary_statistics_json.hpp"

namespace waymark::http {

void add_summary_routes(router &routes, const api_services &services) {
    routes.add("GET", api_base + "/schools/{school}/assessments/{assessment}/summary", permission::read_school,
               [&services](const request &asked, response &reply) {
                   // Summaries read from the replica when there is one.
                   const auto read = services.report_database();
                   soci::session &session = read.database->session();
                   reply.header(reflects_header, read.reflects);
                   const store::school school = school_in_path(session, asked);
                   const services::assessment which = assessment_in_path(session, school, asked);
                   const services::pupil_filter filter = filter_in_query(asked);
                   const services::scheme_library schemes(services.schemes);
                   reply.json(services::summary_json(checked_statistic([&] {
                       return services::summarise(session, school, which, schemes, filter, as_of_in_query(asked));
                   })));
               });
}

}  // namespace waymark::http
