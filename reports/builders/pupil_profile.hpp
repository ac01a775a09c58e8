// The pupil profile (issue 6, report 8): one pupil's whole journey at the school on one or two pages,
// for a progress meeting or a transfer: who they are, every assessment's judgements per subject in
// date order, statutory results (EYFSP and GLD, the phonics check, KS1 and KS2), interventions (at
// any school, following the UPN), pupil progress meetings and targets (each with where the latest
// judgement stands against its notional trajectory or the target itself, and the trajectory term by
// term; seed 004 D.1). One pupil, or every pupil a filter selects as one document with a page
// break between pupils; the data of all of them is read with a few queries, whatever their number.
#pragma once

#include "domain/statutory.hpp"
#include "reports/builders/assessment_cohort.hpp"
#include "reports/builders/target_standing.hpp"
#include "services/meetings/interventions.hpp"
#include "services/meetings/pupil_meetings.hpp"
#include "store/pupils.hpp"

namespace waymark::reports {

struct profile_scope {
    store::school school;
    std::optional<std::string> upn;  // one pupil on roll; none: every pupil the filter selects who is included in data
    services::pupil_filter filter;   // ignored for one pupil
    std::string as_of;               // 'YYYY-MM-DDTHH:MM:SSZ'; "" = now
    std::string generated;           // 'YYYY-MM-DDTHH:MM:SSZ'
};

// One assessment's cells of one pupil (only assessments that hold something of theirs).
struct assessed_period {
    services::assessment which;
    int nc_year = 0;
    services::grid_row cells;
};

struct pupil_journey {
    store::stored_pupil record;
    int nc_year = 0;  // now (in the school's current academic year)
    std::vector<assessed_period> periods;  // by assessment date
    std::vector<domain::statutory_result> statutory;
    std::vector<services::intervention> interventions;
    std::vector<services::pupil_meeting> meetings;
    std::vector<target_standing> targets;  // in force as of the scope's instant
};

struct pupil_profiles {
    profile_scope scope;
    std::string filter_text;
    int excluded_pupils = 0;
    std::vector<services::assessment> assessments;  // dated on or before the as-of day, by date
    std::map<std::string, std::string, std::less<>> subject_names;
    std::vector<pupil_journey> pupils;  // surname, forename, UPN order
};

// Throws services::filter_error (unknown UPN, bad filter) with the sentence to show.
// `plotter` draws the targets' notional trajectories; without one the targets are shown without them.
pupil_profiles load_pupil_profiles(soci::session &session, const services::scheme_library &schemes, profile_scope scope,
                                   const plugins::trajectory *plotter = nullptr);

// Every loaded pupil in one document, or only the pupil at `only` (for one file per pupil).
document build_pupil_profiles(const pupil_profiles &profiles, const services::scheme_library &schemes,
                              std::optional<std::size_t> only = std::nullopt);

// "8012000000012-Pupil01-Sam": a file name for one pupil's profile, without folders or spaces.
std::string profile_file_stem(const pupil_journey &pupil);

}  // namespace waymark::reports
