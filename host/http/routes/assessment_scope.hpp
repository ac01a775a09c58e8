// What the routes under /api/v1/schools/{school}/assessments/{assessment}/... share. {assessment} is
// the assessment's id, the `id` every assessment document carries: names repeat from one academic
// year to the next, ids do not. Statistics take the pupil filter from the query string with the
// names `waymark pupils list` uses as options (?year=4&class=4A&sen=K), and `as_of` (a date, meaning
// the end of that day, or an instant such as 2026-02-10T16:00:00Z).
#pragma once

#include "http/api_error.hpp"
#include "http/request.hpp"

#include "services/assessments.hpp"
#include "services/pupil_filter.hpp"

#include <soci/soci.h>

#include <string>

namespace waymark::http {

// The school's assessment the path's {assessment} names; 404 not_found otherwise.
services::assessment assessment_in_path(soci::session &session, const store::school &school, const request &asked);

// 422 invalid naming the query parameter when a filter value is not one it takes.
services::pupil_filter filter_in_query(const request &asked);

// "" (now) without `as_of`.
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

}  // namespace waymark::http
