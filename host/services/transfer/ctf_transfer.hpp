// Common Transfer File in and out of Waymark: `import` adds the pupils a CTF brings (all in one
// transaction, refused whole if any UPN is already the school's), `export` writes the school's pupils
// on roll, all or a selection, to a CTF for their next school.
//
// Statutory results travel too: the result-code table (connectors/ctf/result_codes.csv) says what
// each StageAssessment means; results it does not map are listed in the import report, not stored.
// GLD is not written (the receiving school derives it from the goals, as Waymark does).
#pragma once

#include "ctf/ctf_reader.hpp"
#include "ctf/result_codes.hpp"
#include "store/database.hpp"
#include "store/schools.hpp"

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace waymark::services {

// A CTF that cannot be imported or exported, as one sentence.
class ctf_transfer_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ctf_import_result {
    connectors::ctf::ctf_header header;  // who sent it
    std::size_t pupils_added = 0;
    std::size_t postcodes_defaulted = 0;  // pupils without a postcode given the school's own
    std::size_t results_stored = 0;
    std::vector<connectors::ctf::ctf_raw_result> unmapped;  // results no row of the table maps
};

// Reads, checks and imports; throws ctf_transfer_error (hostile or broken file, UPN already present)
// with nothing written.
ctf_import_result import_ctf(store::database &db, const store::school &school, const std::filesystem::path &file,
                             const connectors::ctf::result_codes &codes,
                             const connectors::ctf::ctf_read_options &options = {});

struct ctf_selection {
    std::optional<int> nc_year;     // only pupils in this year group (0 = Reception) this academic year
    std::vector<std::string> upns;  // only these pupils; empty = every pupil on roll
    std::string destination_la_number = "MMM";  // destination unknown
    std::string destination_establishment_number = "MMMM";
};

struct ctf_export_result {
    std::size_t pupils = 0;
    std::size_t results = 0;
};

// Writes the CTF to `out` (through a temporary file renamed into place, so a failure never leaves
// half a file). Throws ctf_transfer_error when a named UPN is not a pupil on roll or nobody matches.
ctf_export_result export_ctf(store::database &db, const store::school &school, const ctf_selection &selection,
                             const std::filesystem::path &out, const connectors::ctf::result_codes &codes);

}  // namespace waymark::services
