// A Common Transfer File as Waymark reads and writes it (shared/domain.md section 6): the header, the
// pupils and their statutory results. Results the result-code table does not know are kept raw so an
// import can list them rather than drop them.
#pragma once

#include "domain/calendar.hpp"
#include "domain/pupil.hpp"
#include "domain/statutory.hpp"

#include <string>
#include <vector>

namespace waymark::connectors::ctf {

struct ctf_school {
    std::string la_number;             // LEA, three digits
    std::string establishment_number;  // Estab, four digits
    std::string urn;
    std::string name;

    bool operator==(const ctf_school &) const = default;
};

struct ctf_header {
    std::string version = "25.0";
    std::string date_time;  // "2026-11-22T19:30:00"
    std::string qualifier = "full";  // "full" or "partial"
    std::string supplier_id = "Waymark";
    ctf_school source;
    domain::academic_year academic_year{};  // the source school's current academic year
    std::string destination_la_number;
    std::string destination_establishment_number;

    bool operator==(const ctf_header &) const = default;
};

// One StageAssessment no row of the result-code table maps, exactly as the file had it.
struct ctf_raw_result {
    std::string upn;
    std::string stage;
    std::string locale;
    std::string year;
    std::string subject;
    std::string method;
    std::string component;
    std::string result_status;
    std::string result_qualifier;
    std::string result;
    std::string result_date;

    bool operator==(const ctf_raw_result &) const = default;
};

struct ctf_document {
    ctf_header header;
    std::vector<domain::pupil> pupils;
    std::vector<domain::statutory_result> results;  // each names its pupil by UPN
    std::vector<ctf_raw_result> unmapped;           // read only: results kept raw
};

}  // namespace waymark::connectors::ctf
