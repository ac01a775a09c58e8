// Statutory results (EYFSP goals, phonics check, KS1 and KS2 teacher assessment and scaled scores) in
// bulk, keyed by the pupil's UPN within a school. Writing merges: a result replaces the same result
// (same pupil, goal or subject), and a file that carries only a TA code keeps a stored scaled score.
// GLD is never stored: load_statutory_results derives it from goals E01-E12.
#pragma once

#include "domain/statutory.hpp"

#include <soci/soci.h>

#include <map>
#include <span>
#include <stdexcept>
#include <vector>

namespace waymark::store {

// A result that cannot be stored, named by its position in the batch, UPN and kind; nothing of the
// batch was written.
class statutory_refused : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The threshold a phonics mark must reach for "Wa" in a year (32 when the year has none stored).
void set_phonics_threshold(soci::session &session, domain::academic_year year, int threshold);
int phonics_threshold(soci::session &session, domain::academic_year year);

// Checks every result (domain::statutory_problem, known UPN) before writing any, then writes them with
// one statement per table. A phonics mark without an outcome gets Wa or Wt from the year's threshold.
// A GLD read from a file is not stored (it is derived). Run it inside database::transaction.
void write_statutory_results(soci::session &session, long long school_id,
                             std::span<const domain::statutory_result> results);

// Everything stored for the school's pupils, with GLD derived, ordered by UPN then kind and subject.
std::vector<domain::statutory_result> load_statutory_results(soci::session &session, long long school_id);

// What a class grid shows of these pupils (GLD derived, the phonics check, KS1 and KS2), without the
// goals behind GLD: a grid's read costs its own pupils' rows, not the school's seventeen goals a pupil.
std::vector<domain::statutory_result> load_statutory_outcomes(soci::session &session, long long school_id,
                                                              std::span<const long long> pupil_ids);
// The same for every school at once, by school id: one query where an authority's sync would
// otherwise send one a school. A sync, which never writes GLD, leaves it out: deriving it groups every
// goal of the authority (a third of the read's time at 100,000 pupils on SQLite).
enum class derived_gld { included, left_out };
std::map<long long, std::vector<domain::statutory_result>> load_all_statutory_results(
    soci::session &session, derived_gld gld = derived_gld::included);

}  // namespace waymark::store
