// What the tracking routes (pupils, groups, assessments, judgements) share: the services' view of the
// server's scheme instances (the same ones GET /schemes lists), the things a path names (an
// assessment, a pupil, a group) with one 404 each, and the services' refusals of a teacher's input as
// the API's 422.
#pragma once

#include "http/api.hpp"
#include "http/json_body.hpp"
#include "http/routes/school_scope.hpp"

#include "services/tracking/assessments.hpp"
#include "services/tracking/judgements.hpp"
#include "services/pupils/pupil_filter.hpp"

#include <string>

namespace waymark::http {

inline const std::string school_path = api_base + "/schools/{school}";

services::scheme_library scheme_library_of(const api_services &services);

// The changes a request makes are recorded as made by the principal it acts for, now.
services::recorder recorder_of(const request &asked);

// The school's assessment whose id the path's {assessment} gives; 404 naming it otherwise.
services::assessment assessment_in_path(soci::session &session, const store::school &school, const request &asked);

// The path's {upn} when the school has that pupil on roll; 404 naming it otherwise.
std::string pupil_in_path(soci::session &session, const store::school &school, const request &asked);

// Adds a route whose handler is run(services, request, response); what the services refuse
// (services::tracking_error, services::filter_error: one sentence naming what to correct, nothing
// changed) is answered 422 {error:"invalid"} with that sentence.
using tracking_handler = void (*)(const api_services &, const request &, response &);
void add_tracking_route(router &routes, const std::string &method, const std::string &path, permission needed,
                        tracking_handler run, const api_services &services);

// The pupil filter from the query parameters the CLI's options are named after (?year=4&summer-born=yes);
// a refused value is 422 naming that parameter.
services::pupil_filter filter_in_query(const request &asked);

// The same filter from a JSON body's fields of those names ({"class":"4A","year":4,"sen":"K"}): text,
// whole numbers and true/false are read as their text.
services::pupil_filter filter_in_body(const json_object &given);

// `as_of` as a date (the end of that day) or an instant such as 2026-02-10T16:00:00Z; "" (now) without
// it, 422 naming it when it is neither.
std::string as_of_in_query(const request &asked);

// The service's sentence with the CLI's "--" taken off the option it names, which is the query
// parameter here.
std::string query_message(const services::filter_error &error);
// The query parameter a service's filter_error is about: as_of, class or group (the ones only the
// service can check, against the database).
std::string filter_error_field(const services::filter_error &error);

// Runs a statistic: a filter it cannot apply is 422 on its query parameter, a scheme the server could
// not create is 409.
template <typename Statistic>
auto checked_statistic(Statistic &&statistic) {
    try {
        return statistic();
    } catch (const services::filter_error &error) {
        throw invalid(filter_error_field(error), query_message(error));
    } catch (const services::tracking_error &error) {
        throw conflict(std::nullopt, error.what());
    }
}

// 422 invalid with no one field to blame (the sentence names it).
api_error unprocessable(const std::string &message);

}  // namespace waymark::http
