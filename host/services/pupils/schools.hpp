// Schools that no MIS brings: a school, a trust or an authority that starts from the CSV template or
// a CTF adds its school by its DfE number first (`waymark schools add`, POST /api/v1/schools), since
// nothing else creates one but the MIS sync.
#pragma once

#include "domain/calendar.hpp"
#include "store/database.hpp"
#include "store/schools.hpp"

#include <Poco/JSON/Object.h>

#include <functional>
#include <stdexcept>
#include <string>

namespace waymark::services {

// What is wrong with a new school's details, in one sentence; `field` names the detail ("laestab",
// "name", "postcode", "urn"). Nothing was stored.
class school_details_error : public std::runtime_error {
public:
    school_details_error(std::string field, const std::string &message)
        : std::runtime_error(message), field_(std::move(field)) {}
    const std::string &field() const { return field_; }

private:
    std::string field_;
};

// The database already holds a school with those DfE numbers; nothing was stored.
class school_exists_error : public school_details_error {
public:
    explicit school_exists_error(const std::string &message) : school_details_error("laestab", message) {}
};

struct new_school {
    std::string laestab;   // "8012000": the LA number and the establishment number together
    std::string name;      // 1 to 200 characters
    std::string postcode;  // optional; pupils uploaded with UNKNOWN take it
    std::string urn;       // optional, six digits
};

// What else is written in the same transaction as the new school, once it is stored (the grant of it
// to the authority user who added it, so they open it at once).
using with_new_school = std::function<void(soci::session &, const store::school &)>;

// Checks the details and stores the school, in the academic year `today` falls in, then runs `also`
// (unless empty) in the same transaction. Returns it.
store::school add_school(store::database &db, const new_school &details, domain::date today, const with_new_school &also = {});

// {school: "8012000", name, urn, postcode, current_year: "2025/2026"}: a school as `waymark schools
// list --json` prints it and the API returns it.
Poco::JSON::Object school_json(const store::school &which);

}  // namespace waymark::services
