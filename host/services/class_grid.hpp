// The class grid (seed 000, "How do I add tracking data?"): for an assessment and a set of pupils,
// every pupil's row with every column as it stood at an instant: judgements evaluated in the pupil's
// context by the subject's scheme (label, band, on-track flag, colour or the cell's override), test
// scores, formative text and phonics. Two queries (pupils, current cells) and one batch evaluation per
// subject and year group: what the web grid loads.
#pragma once

#include "services/judgements.hpp"

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
};

struct class_grid {
    assessment which;
    std::string as_of;  // "" = now
    std::vector<grid_row> rows;  // surname, forename, UPN order
};

// The pupils chosen by `pupils` (NC years in the assessment's academic year), with the cells as of
// `as_of` ('YYYY-MM-DDTHH:MM:SSZ', "" = now).
class_grid load_class_grid(soci::session &session, const store::school &school, const assessment &which,
                           const scheme_library &schemes, const pupil_selection &pupils, const std::string &as_of);

}  // namespace waymark::services
