// Reads a SIMS-style MIS (the shape of shared/domain.md section 7, as the demo MIS builds it) in bulk:
// the schools, each school's pupils on roll and leavers with their characteristics and class, and
// their statutory results. The SQL is data (connectors/sims/queries.sql); this unit only binds and
// fetches it, in batches of vectors.
#pragma once

#include "domain/calendar.hpp"
#include "domain/pupil.hpp"
#include "domain/statutory.hpp"
#include "sims/named_queries.hpp"

#include <soci/session.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::connectors {

struct mis_school {
    int establishment_id = 0;
    std::string la_code;    // three digits, "888"
    std::string estab_no;   // four digits, "2000"
    std::string name;
    std::string postcode;
};

class sims_connector {
public:
    // `mis_schema` places the MIS tables: "sims" on servers, "" on SQLite (default_mis_schema).
    sims_connector(soci::session &session, std::string_view mis_schema);

    std::vector<mis_school> schools();

    // Every school's pupils as they stand on `as_of`, by establishment_id, in one pass: on roll, and
    // left (date_left set, archived). FSM is an FSM period open on `as_of`, Ever 6 one open at any
    // time in the six years before; the year override is set when the pupil's year group differs from
    // the one the date of birth gives; the school's postcode stands in for an unknown one. Throws
    // std::runtime_error naming the pupil and column when the MIS holds a value Waymark cannot read.
    std::map<int, std::vector<domain::pupil>> pupils(const std::vector<mis_school> &schools, domain::date as_of);

    // Every school's statutory results, by establishment_id, ordered by pupil and date. Aspects that
    // are not statutory results (the profile's aspect table in sims_connector.cpp) are left out.
    // Throws std::runtime_error naming the pupil, aspect and value Waymark cannot read.
    std::map<int, std::vector<domain::statutory_result>> statutory_results();

private:
    soci::session &session_;
    named_queries queries_;
};

}  // namespace waymark::connectors
