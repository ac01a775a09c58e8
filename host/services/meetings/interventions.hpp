// Interventions (seed 000 "How do I add, delete, or amend interventions?"): what a pupil was given
// (academic year, assessment period, subject, description, optional dates and cost). They are a
// child's, not a school's: "when a child moves from one school to another within the tracker the
// intervention details will transfer across with their record". A move is a new wm_pupils row with
// the same UPN at the new school (services/transfer/sync.hpp), so every read follows the UPN (and a former
// UPN) across schools, and the pupil filter's "intervention" characteristic does too.
#pragma once

#include "domain/calendar.hpp"
#include "services/tracking/tracking_records.hpp"
#include "store/database.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::services {

struct intervention_spec {
    domain::academic_year year{};
    std::string assessment;   // the assessment period: an assessment of the school in `year`
    std::string subject;      // wm_subjects.code
    std::string description;  // "Numeracy intervention"; at most 200 characters
    std::optional<domain::date> started_on;
    std::optional<domain::date> ended_on;
    std::optional<long long> cost_pence;
};

struct intervention {
    long long id = 0;
    std::string upn;
    std::string pupil_name;  // "Forename Surname" as the recording school holds it
    std::string school;      // LA and establishment number of the school that recorded it
    domain::academic_year year{};
    std::string assessment;  // "" for an intervention recorded before periods were kept
    std::string subject;     // "" likewise
    std::string description;
    std::optional<domain::date> started_on;
    std::optional<domain::date> ended_on;
    std::optional<long long> cost_pence;
    std::string recorded_by;
    std::string recorded_at;
    bool operator==(const intervention &) const = default;
};

// "120.50" or "120" -> 12050; nothing for anything but pounds with at most two decimal places.
std::optional<long long> parse_pounds(std::string_view text);
std::string format_pounds(long long pence);  // 12050 -> "120.50"

// Records an intervention for the school's pupil on roll. tracking_error (nothing stored) for an
// unknown assessment or subject, an empty or over-long description, an end before the start or a
// negative cost; record_not_found for a UPN not on roll.
intervention add_intervention(store::database &db, const store::school &school, const std::string &upn,
                              const intervention_spec &spec, const std::string &by);

// Every intervention of the child with this UPN, at any school of the database, by academic year and
// start. The UPN must be a pupil (on roll or left) of this school: record_not_found otherwise.
std::vector<intervention> pupil_interventions(soci::session &session, const store::school &school, const std::string &upn);

// Every intervention of every child the school has or had (at any school, under their UPN or former
// UPN), by academic year and start, in one query: what a report over a whole school reads.
std::vector<intervention> school_interventions(soci::session &session, const store::school &school);

// One intervention of a child the school has or had; record_not_found otherwise.
intervention find_intervention(soci::session &session, const store::school &school, long long id);

// Replaces every field but the pupil; the assessment is looked up at this school.
intervention update_intervention(store::database &db, const store::school &school, long long id,
                                 const intervention_spec &spec);
// Sets the end date (tracking_error when it is before the start).
intervention end_intervention(store::database &db, const store::school &school, long long id, domain::date on);
void delete_intervention(store::database &db, const store::school &school, long long id);

}  // namespace waymark::services
