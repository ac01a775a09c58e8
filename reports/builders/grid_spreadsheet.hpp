// The assessment grid as a spreadsheet (seed 000, the grid's download: "Screen data" with the
// screen's filters, "All data" without): every pupil the grid shows, every column of the
// assessment (pupil details, judgements with their band colours, test scores, formative text,
// phonics), the pupils' characteristics, named custom flags and statutory results when the grid was
// loaded with them, and under them the grid's statistics: each grade's count, on track or above, no
// judgement and the pupils counted (those included in data).
#pragma once

#include "reports/document.hpp"
#include "services/tracking/class_grid.hpp"
#include "services/pupils/pupil_filter.hpp"

#include <map>
#include <string>

namespace waymark::reports {

struct grid_spreadsheet_scope {
    std::string school;                 // the school's name
    services::pupil_filter filter;      // the screen's filters; whole school = "All data"
    std::map<std::string, std::string, std::less<>> subject_names;  // code -> "Reading"
    std::string generated;              // 'YYYY-MM-DDTHH:MM:SSZ'
};

// The grid's pupils narrowed to the assessment's year groups.
document build_grid_spreadsheet(const services::class_grid &grid, const services::scheme_library &schemes,
                                const grid_spreadsheet_scope &scope);

}  // namespace waymark::reports
