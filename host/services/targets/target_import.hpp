// Bulk import of targets from CSV (`waymark targets import FILE.csv`): a header row naming UPN,
// subject, horizon and grade (any order and case), optionally scheme. Every row is checked and
// every problem listed with its line; any problem, or a day outside the school's target window,
// means nothing is stored.
#pragma once

#include "csv/pupil_csv.hpp"
#include "services/transfer/csv_upload.hpp"
#include "services/targets/targets.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace waymark::services {

struct target_import_result : upload_outcome {
    std::vector<target_record> recorded;
};

// What the file asks for before anything is checked against the school: its targets in file order,
// each with its line, and every problem of the file itself (not CSV, header, horizon, grade, a
// target given twice).
struct target_csv : upload_outcome {
    std::vector<target_change> changes;
    std::vector<std::size_t> lines;  // the line each change came from
};
target_csv read_target_csv(const std::string &text);

target_import_result import_target_csv(store::database &db, const store::school &school, const scheme_library &schemes,
                                       const std::filesystem::path &file, const recorder &by,
                                       const plugins::validator *validator = nullptr);
// The same for CSV text already in memory (an API request's body).
target_import_result import_target_csv_text(store::database &db, const store::school &school, const scheme_library &schemes,
                                            const std::string &text, const recorder &by,
                                            const plugins::validator *validator = nullptr);

}  // namespace waymark::services
