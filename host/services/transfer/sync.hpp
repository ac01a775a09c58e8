// "Import from MIS" (seed 001): compares the pupils on roll in the MIS with Waymark's and plans the
// difference (pupils to add, leavers to archive with their history kept, and changes per field),
// then applies the plan in one transaction. A dry run plans and prints without writing.
#pragma once

#include "domain/calendar.hpp"
#include "domain/pupil.hpp"
#include "domain/statutory.hpp"
#include "store/database.hpp"
#include "store/pupils.hpp"
#include "store/schools.hpp"

#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::services {

struct field_change {
    std::string field;  // "fsm", "class", "surname" ...
    std::string before;
    std::string after;
};

struct pupil_change {
    store::stored_pupil updated;  // Waymark's record with the MIS's values copied in
    std::vector<field_change> fields;
};

// One school's plan. Waymark-owned fields (pupil premium, previously looked after, alternative
// assessment, custom flags, include in data) are never touched by a sync.
struct school_plan {
    store::school school;  // as the MIS names it; id 0 when Waymark does not track it yet
    bool school_is_new = false;   // Waymark does not track it yet
    bool school_changed = false;  // new to Waymark, or its name or postcode changed
    std::vector<domain::pupil> adds;   // on roll in the MIS, unknown to Waymark
    std::vector<pupil_change> leavers;  // on roll in Waymark, left (or gone from) the MIS: archived
    std::vector<pupil_change> changes;  // in both, some field the MIS owns differs (or rejoined)
    int unchanged = 0;
    // Statutory results (EYFSP, phonics, KS1) of pupils Waymark knows that it lacks or holds
    // differently; GLD is not among them, Waymark derives it from the goals.
    std::vector<domain::statutory_result> results;
    // The MIS's results that differ from values a statutory submission locks: left as submitted
    // (services/statutory/statutory_entry.hpp) until an administrator unlocks them.
    int locked_results = 0;

    bool empty() const {
        return !school_changed && adds.empty() && leavers.empty() && changes.empty() && results.empty();
    }
};

struct sync_plan {
    std::vector<school_plan> schools;

    bool empty() const;
    // How many pupils change in each field, over all schools ("fsm" -> 3).
    std::map<std::string, int> changes_per_field() const;
};

// Compares one school's pupils: `mis` as the connector reads them (leavers archived, with date_left),
// `waymark` as the store holds them (archived ones too). Pupils are matched by UPN. A pupil gone from
// the MIS altogether is archived with `as_of` as the day they left.
school_plan plan_school(const std::vector<domain::pupil> &mis, const std::vector<store::stored_pupil> &waymark,
                        domain::date as_of);

// Where the MIS is: its tables in `mis_schema` ("sims", or "" on SQLite) of Waymark's own database,
// read as they stand on `as_of`.
struct mis_source {
    std::string mis_schema;
    domain::date as_of{};
    bool statutory_results = true;  // false: pupils and schools only
};

// The MIS's results Waymark does not hold as they are: of pupils in `known_upns`, without GLD.
std::vector<domain::statutory_result> plan_results(std::vector<domain::statutory_result> mis,
                                                   std::vector<domain::statutory_result> stored,
                                                   const std::vector<std::string> &known_upns);

// Reads every school of the MIS and plans what a sync would do; writes nothing.
sync_plan plan_sync(store::database &db, const mis_source &mis);

// Plans and applies in ONE transaction: schools created or renamed, pupils added, changed and
// archived. Any failure (a lost connection included) leaves Waymark's tables as they were.
sync_plan run_sync(store::database &db, const mis_source &mis);

// The plan for a data manager: counts, then every change by pupil and field.
enum class plan_detail { counts, pupils };
// `counts` prints one line per school; `pupils` also lists every pupil added, archived or changed
// (for a single school).
void print_plan(const sync_plan &plan, std::ostream &out, plan_detail detail = plan_detail::pupils);
// The same as one JSON document.
void print_plan_json(const sync_plan &plan, std::ostream &out);

}  // namespace waymark::services
