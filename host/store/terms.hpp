// A school's assessment points within an academic year: the three terms (or six half-terms) with the
// dates the school set, so a dated assessment can be placed in its term.
#pragma once

#include "domain/calendar.hpp"

#include <soci/soci.h>

#include <string>
#include <vector>

namespace waymark::store {

struct term_dates {
    std::string name;  // "Autumn", "Spring 2" ...
    domain::date starts_on{};
    domain::date ends_on{};

    bool operator==(const term_dates &) const = default;
};

// Replaces the school's terms for `year` with `terms`, in order (1 to 6 of them). Throws
// std::invalid_argument with a sentence naming the term when one ends before it starts, overlaps the
// one before or falls outside the academic year. Run it inside database::transaction.
void save_terms(soci::session &session, long long school_id, domain::academic_year year,
                const std::vector<term_dates> &terms);

// The school's terms for `year` in order; empty when it has set none.
std::vector<term_dates> load_terms(soci::session &session, long long school_id, domain::academic_year year);

}  // namespace waymark::store
