// "Upload pupils" from the CSV template: every row checked (connectors/csv/pupil_csv.hpp), then every
// UPN checked against the school's pupils in Waymark (archived ones too), then all pupils added in one
// transaction. Any problem anywhere means nothing is written.
#pragma once

#include "csv/pupil_csv.hpp"
#include "services/transfer/csv_upload.hpp"
#include "store/database.hpp"
#include "store/schools.hpp"

#include <filesystem>
#include <vector>

namespace waymark::services {

struct pupil_import_result : upload_outcome {
    std::size_t added = 0;
};

// The school's own postcode stands in for a pupil's written as UNKNOWN.
pupil_import_result import_pupil_csv(store::database &db, const store::school &school, const std::filesystem::path &file);

}  // namespace waymark::services
