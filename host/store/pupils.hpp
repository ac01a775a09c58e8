// The pupils of a school, read and written in bulk: one prepared statement per operation with every
// row bound as vectors (sync, CSV and CTF imports apply thousands of pupils at once). Call these inside
// database::transaction so an import is all-or-nothing.
#pragma once

#include "domain/calendar.hpp"
#include "domain/pupil.hpp"

#include <soci/soci.h>

#include <map>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace waymark::store {

struct stored_pupil {
    long long id = 0;  // wm_pupils.id
    domain::pupil pupil;

    bool operator==(const stored_pupil &) const = default;
};

enum class which_pupils { on_roll, all };  // all = archived ones too

// The school's pupils ordered by surname, forename, UPN.
std::vector<stored_pupil> load_pupils(soci::session &session, long long school_id,
                                      which_pupils which = which_pupils::all);

// These pupils of the school (archived ones too), ordered the same way: a class's records without
// reading the whole school's.
std::vector<stored_pupil> load_pupils_by_id(soci::session &session, long long school_id, std::span<const long long> pupil_ids);
// Every school's pupils by school id, in one query: an authority's sync would otherwise send one a
// school (a round trip or three each through psqlODBC).
std::map<long long, std::vector<stored_pupil>> load_all_pupils(soci::session &session,
                                                               which_pupils which = which_pupils::all);

// UPN -> wm_pupils.id for every pupil of the school, archived ones included.
std::unordered_map<std::string, long long> pupil_ids_by_upn(soci::session &session, long long school_id);

// Adds the pupils (their class names become wm_classes rows when new). A UPN the school already has
// is refused by the database (UNIQUE (school_id, upn)) and the whole transaction rolls back.
void insert_pupils(soci::session &session, long long school_id, std::span<const domain::pupil> pupils);

// Rewrites every field of these pupils, found by id within the school (pass only the changed ones).
void update_pupils(soci::session &session, long long school_id, std::span<const stored_pupil> pupils);

// Marks pupils as left: archived, with `left_on` as their leaving date unless one is recorded. Nothing
// is deleted, so their history stays. Returns how many were on roll before.
std::size_t archive_pupils(soci::session &session, long long school_id, std::span<const long long> pupil_ids,
                           domain::date left_on);

// Adds any of these class names the school does not have yet ("" is no class); returns every class of
// the school by name.
std::map<std::string, long long, std::less<>> ensure_classes(soci::session &session, long long school_id,
                                                             std::span<const std::string> class_names);

}  // namespace waymark::store
