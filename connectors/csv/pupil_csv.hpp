// The pupil upload template (shared/domain.md section 2, seed 000): a CSV with a header row and the
// columns UPN, Surname, Forename, DOB (dd/mm/yyyy), Gender (M/F), Postcode, FSM (Y/N/blank), Ethnic
// code, EAL (Y/N/blank), SEN, LA reference. Column names match case-insensitively, in any order, and
// the template's long headings ("Gender M or F", "LCCNo" ...) are accepted too.
//
// Every row is checked and every problem reported; a file with any problem yields no pupils, so an
// import is all or nothing. A pupil whose postcode is not known is written with the word UNKNOWN in
// the Postcode column, and the school's own postcode stands in (a blank postcode is a mistake, not
// "unknown": copy-paste slips leave blanks). A blank SEN means N (no special educational need).
#pragma once

#include "domain/calendar.hpp"
#include "domain/pupil.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::connectors::csv {

struct upload_problem {
    std::size_t line = 0;  // 1-based line of the file (the header is line 1); 0 for the file as a whole
    std::string column;    // the template's column name, "" when the problem is not one cell's
    std::string reason;    // one sentence saying what is wrong and what to write instead

    bool operator==(const upload_problem &) const = default;
};

// "Line 4, DOB: ..." / "Line 1: ..." / the reason alone when the problem has no line.
std::string describe(const upload_problem &problem);

struct upload_options {
    std::string school_postcode;  // stands in for UNKNOWN; "" when the school has none recorded
    // The school's current year: when given, a date of birth outside Nursery (N1) to Year 11 in it
    // is a problem (a mistyped year of birth, 2109 for 2019, would otherwise be imported).
    std::optional<domain::academic_year> academic_year;
};

struct pupil_upload {
    std::vector<domain::pupil> pupils;  // in file order; empty when there are problems
    std::vector<std::size_t> lines;     // the line each pupil came from
    std::vector<upload_problem> problems;

    bool ok() const { return problems.empty(); }
};

// The template's column names, in template order.
std::span<const std::string_view> pupil_upload_columns();

pupil_upload read_pupil_upload(std::string_view text, const upload_options &options);

// Reads the file first; an unreadable file is one problem naming it.
pupil_upload read_pupil_upload_file(const std::filesystem::path &file, const upload_options &options);

}  // namespace waymark::connectors::csv
