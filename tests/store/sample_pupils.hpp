// Pupils and a school for store tests: valid UPNs, every field set, names that test UTF-8 and quotes.
#pragma once

#include "domain/pupil.hpp"
#include "domain/upn.hpp"
#include "store/database.hpp"
#include "store/pupils.hpp"
#include "store/schools.hpp"

#include <string>
#include <vector>

namespace waymark::testing {

inline store::school sample_school() {
    store::school school;
    school.la_number = "801";
    school.establishment_number = "2000";
    school.urn = "109000";
    school.name = "St Zoë's Primary";
    school.postcode = "BS1 4DJ";
    school.current_year = {2025};
    return school;
}

// A valid permanent UPN of LA 801, establishment 2000, numbered `serial`.
inline std::string sample_upn(int serial) {
    const std::string number = std::to_string(10000 + serial % 10000);
    const std::string digits = "80120002" + number.substr(number.size() - 4);
    return std::string(1, domain::upn_check_letter(digits)) + digits;
}

// Pupil `serial` with every field away from its default, so a lost column shows.
inline domain::pupil sample_pupil(int serial) {
    using namespace std::chrono;
    domain::pupil p;
    p.upn = sample_upn(serial);
    p.former_upn = serial % 7 == 0 ? sample_upn(serial + 5000) : "";
    static const char *surnames[] = {"Łukasz-Brontë", "O'Neill", "Smith", "Nguyễn", "Ó Súilleabháin"};
    p.surname = surnames[serial % 5];
    p.forename = serial % 2 == 0 ? "Zoë" : "Amelia-Rose " + std::to_string(serial);
    p.date_of_birth = year{2015 + serial % 6} / month{static_cast<unsigned>(1 + serial % 12)} /
                      day{static_cast<unsigned>(1 + serial % 28)};
    p.gender = serial % 2 == 0 ? 'F' : 'M';
    p.postcode = "BS1 4DJ";
    p.ethnicity = serial % 3 == 0 ? "WBRI" : "APKN";
    p.first_language = serial % 3 == 0 ? "ENG" : "OTH";
    p.eal = serial % 3 != 0;
    p.fsm = serial % 4 == 0;
    p.ever6_fsm = serial % 4 == 0 || serial % 5 == 0;
    p.pupil_premium = serial % 6 == 0;
    p.looked_after = serial % 11 == 0;
    p.previously_looked_after = serial % 13 == 0;
    p.sen = "NKE"[serial % 3];
    p.alternative_assessment = serial % 17 == 0;
    p.class_name = serial % 9 == 0 ? "" : "Class " + std::to_string(serial % 4);
    if (serial % 10 == 0) p.year_override = serial % 6;
    if (serial % 3 == 0) p.date_joined = year{2021} / September / day{static_cast<unsigned>(1 + serial % 20)};
    p.la_reference = "LA" + std::to_string(serial);
    p.custom_flags = {serial % 2 == 0, serial % 3 == 0, false, true, serial % 5 == 0, false};
    p.include_in_data = serial % 19 != 0;
    return p;
}

inline std::vector<domain::pupil> sample_pupils(int count, int first_serial = 1) {
    std::vector<domain::pupil> pupils;
    for (int i = 0; i < count; ++i) pupils.push_back(sample_pupil(first_serial + i));
    return pupils;
}

// Stores the sample school with these pupils in one transaction and returns it.
inline store::school add_sample_school(store::database &db, const std::vector<domain::pupil> &pupils) {
    return db.transaction("adding the sample school", [&](soci::session &session) {
        const auto school = store::find_or_create_school(session, sample_school());
        store::insert_pupils(session, school.id, pupils);
        return school;
    });
}

}  // namespace waymark::testing
