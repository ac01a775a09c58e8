// Bulk import of an assessment's cells from CSV (`waymark import judgements FILE.csv --assessment
// NAME`): a header row naming UPN, subject and value (any order and case), optionally kind
// (judgement, test, formative, phonics; judgement when absent or blank) and against (the NC year a
// judgement is made against). Every row is checked and every problem listed with its line; any
// problem means nothing is recorded. Read through connectors/csv/csv_table (libcsv).
#pragma once

#include "csv/pupil_csv.hpp"
#include "services/transfer/csv_upload.hpp"
#include "services/tracking/judgements.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace waymark::services {

struct judgement_import_result : upload_outcome {
    std::size_t recorded = 0;
};

// What the file asks for before anything is checked against the school: its cells in file order,
// each with its line, and every problem of the file itself (not CSV, header, kind, against, value).
struct judgement_csv : upload_outcome {
    std::vector<cell_change> changes;
    std::vector<std::size_t> lines;  // the line each change came from
};
judgement_csv read_judgement_csv(const std::string &text);

judgement_import_result import_judgement_csv(store::database &db, const store::school &school, const assessment &which,
                                             const scheme_library &schemes, const std::filesystem::path &file,
                                             const recorder &by, const after_judgements *then = nullptr);
// The same for CSV text already in memory (an API request's body).
judgement_import_result import_judgement_csv_text(store::database &db, const store::school &school, const assessment &which,
                                                  const scheme_library &schemes, const std::string &text, const recorder &by,
                                                  const after_judgements *then = nullptr);

}  // namespace waymark::services
