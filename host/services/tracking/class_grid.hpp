// The class grid (seed 000, "How do I add tracking data?"): for an assessment and a set of pupils,
// every pupil's row with every column as it stood at an instant: judgements evaluated in the pupil's
// context by the subject's scheme (label, band, on-track flag, colour or the cell's override), test
// scores, formative text and phonics. Two queries (pupils, current cells) and one batch evaluation per
// subject and year group: what the web grid loads, with (three more queries) the pupils' characteristics,
// custom flags and statutory results for the sections it shows beside them.
#pragma once

#include "domain/pupil.hpp"
#include "services/tracking/judgements.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::services {

struct grid_judgement {
    std::string code;   // the scheme's grade code
    std::string label;  // its label in the pupil's context ("Year 4 Securing")
    int band = 0;       // WAYMARK_BAND_*
    bool on_track = false;
    uint32_t colour = 0xFFFFFF;  // the override when there is one, else the scheme's for the band
    bool colour_overridden = false;
    int judged_year = 0;         // the NC year it was judged against (the pupil's own unless recorded)
};

// Seed 000's "What statutory data is visible?": the statutory results held for a pupil, read-only in
// the grid, placed before the assessment's own columns.
struct phonics_check_result {
    int nc_year = 0;      // the NC year the check was taken in (1, or 2 for a retake)
    std::string mark;     // "" when only an outcome is held
    std::string outcome;  // "Wa", "Wt", "A", "D", "L", "Q" or ""
};
struct key_stage_result {
    std::string teacher_assessment;  // "EXS", "PK2", ... or ""
    std::string scaled_score;        // "" when none
};
struct grid_statutory {
    std::optional<bool> gld;  // nothing when no EYFSP goals are held
    std::vector<phonics_check_result> phonics;           // in the order taken
    std::map<std::string, key_stage_result> key_stage_1;  // by subject code
};

// The sections the grid hides or shows beside the assessment (seed 000's "visibility report data"):
// the pupil's characteristics and custom flags (their record) and their statutory results.
struct grid_pupil_details {
    domain::pupil record;
    grid_statutory statutory;
};

// Whether a grid carries grid_pupil_details: the web grid and its downloads do; the reports built on
// the grid read only the cells and are not slowed by three more queries.
enum class grid_contents { cells, cells_and_pupil_details };

struct grid_row {
    selected_pupil pupil;
    std::map<std::string, grid_judgement> judgements;  // by subject code
    std::map<std::string, std::string> test_scores;    // by subject code, as written
    std::map<std::string, std::string> formative;      // by subject code
    std::optional<std::string> phonics;
    // The latest record of each non-empty cell, by kind and subject ("phonics" for phonics): an editor
    // sends it back as what it saw, so a save made after someone else's is refused, not lost.
    std::map<std::pair<cell_kind, std::string>, long long> record_ids;
    int progress_meetings = 0;  // held at this school by the grid's day (seed 000's icon)
    std::optional<grid_pupil_details> details;  // with grid_contents::cells_and_pupil_details
};

struct class_grid {
    assessment which;
    std::string as_of;  // "" = now
    std::vector<grid_row> rows;  // surname, forename, UPN order
    std::array<std::string, 6> custom_flag_names{};  // "" unnamed; with the pupil details only
};

// The pupils chosen by `pupils` (NC years in the assessment's academic year), with the cells as of
// `as_of` ('YYYY-MM-DDTHH:MM:SSZ', "" = now). The pupil details are as they are now, whatever `as_of`:
// the store keeps no history of a pupil's record.
class_grid load_class_grid(soci::session &session, const store::school &school, const assessment &which,
                           const scheme_library &schemes, const pupil_selection &pupils, const std::string &as_of,
                           grid_contents contents = grid_contents::cells);

}  // namespace waymark::services
