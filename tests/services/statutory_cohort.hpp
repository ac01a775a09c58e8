// Pupils of every statutory year group in 2025/2026, for the statutory entry tests of the service and
// the API: Rosa in Reception, Yusuf and Yara in Year 1, Tom and Tia in Year 2 (both took the Year 1
// phonics check in 2024/2025), Sid in Year 6.
#pragma once

#include "sample_pupils.hpp"

#include <map>
#include <string>
#include <vector>

namespace waymark::testing {

struct statutory_cohort {
    std::vector<domain::pupil> pupils;
    std::map<std::string, std::string, std::less<>> upns;  // forename -> UPN

    statutory_cohort() {
        using namespace std::chrono;
        const auto add = [&](int serial, const char *forename, domain::date born) {
            domain::pupil p;
            p.upn = sample_upn(serial);
            p.surname = "Statutory";
            p.forename = forename;
            p.date_of_birth = born;
            p.gender = serial % 2 == 0 ? 'F' : 'M';
            p.class_name = "Class " + std::to_string(serial);
            upns[forename] = p.upn;
            pupils.push_back(std::move(p));
        };
        add(21, "Rosa", 2020y / November / 1d);
        add(22, "Yusuf", 2019y / October / 1d);
        add(23, "Yara", 2020y / February / 1d);
        add(24, "Tom", 2018y / October / 1d);
        add(25, "Tia", 2019y / March / 1d);
        add(26, "Sid", 2014y / December / 1d);
    }
};

}  // namespace waymark::testing
