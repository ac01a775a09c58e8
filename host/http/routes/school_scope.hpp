// Every school-level resource sits under /api/v1/schools/{school}/..., {school} being the LA and
// establishment numbers together ("8012000"), the way data managers name a school. One lookup for
// them all, so a school that is not in the database is the same 404 on every route.
#pragma once

#include "http/request.hpp"

#include "store/schools.hpp"

#include <soci/soci.h>

#include <span>

namespace waymark::http {

// The school the path's {school} names; 404 not_found naming it and where to find the list otherwise.
store::school school_in_path(soci::session &session, const request &asked);

// A teacher changes only pupils of their classes: 403 forbidden naming the class of the first pupil
// (by UPN or by wm_pupils id) outside them. Any other principal passes.
void check_teaches(soci::session &session, const store::school &school, const request &asked,
                   std::span<const std::string> upns);
void check_teaches_ids(soci::session &session, const store::school &school, const request &asked,
                       std::span<const long long> pupil_ids);

}  // namespace waymark::http
