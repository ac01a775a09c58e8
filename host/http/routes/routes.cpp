// Every resource of the API. To add one: write routes/<resource>_routes.cpp defining
// add_<resource>_routes, then declare it and call it here (and document it in API.md).
#include "http/api.hpp"

namespace waymark::http {

void add_health_routes(router &routes, const api_services &services);
void add_plugins_routes(router &routes, const api_services &services);
void add_schemes_routes(router &routes, const api_services &services);
void add_schools_routes(router &routes, const api_services &services);
void add_pupils_routes(router &routes, const api_services &services);
void add_groups_routes(router &routes, const api_services &services);
void add_assessments_routes(router &routes, const api_services &services);
void add_judgements_routes(router &routes, const api_services &services);
void add_reports_routes(router &routes, const api_services &services);
void add_statutory_routes(router &routes, const api_services &services);
void add_interventions_routes(router &routes, const api_services &services);
void add_discussion_templates_routes(router &routes, const api_services &services);
void add_pupil_meetings_routes(router &routes, const api_services &services);
void add_cohort_meetings_routes(router &routes, const api_services &services);
void add_summary_routes(router &routes, const api_services &services);
void add_collection_health_routes(router &routes, const api_services &services);
void add_targets_routes(router &routes, const api_services &services);
void add_session_routes(router &routes, const api_services &services);
void add_users_routes(router &routes, const api_services &services);
void add_audit_routes(router &routes, const api_services &services);
void add_school_settings_routes(router &routes, const api_services &services);

void add_api_routes(router &routes, const api_services &services) {
    add_health_routes(routes, services);
    add_plugins_routes(routes, services);
    add_schemes_routes(routes, services);
    add_schools_routes(routes, services);
    add_pupils_routes(routes, services);
    add_groups_routes(routes, services);
    add_assessments_routes(routes, services);
    add_judgements_routes(routes, services);
    add_reports_routes(routes, services);
    add_statutory_routes(routes, services);
    add_interventions_routes(routes, services);
    add_discussion_templates_routes(routes, services);
    add_pupil_meetings_routes(routes, services);
    add_cohort_meetings_routes(routes, services);
    add_summary_routes(routes, services);
    add_collection_health_routes(routes, services);
    add_targets_routes(routes, services);
    add_session_routes(routes, services);
    add_users_routes(routes, services);
    add_audit_routes(routes, services);
    add_school_settings_routes(routes, services);
}

}  // namespace waymark::http
