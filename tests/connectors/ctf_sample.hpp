// A small, fully filled CTF document for the CTF tests and benchmarks: pupils across Reception to
// Year 6 with every characteristic a CTF carries and every kind of statutory result.
#pragma once

#include "ctf/ctf_document.hpp"
#include "ctf/result_codes.hpp"
#include "domain/upn.hpp"

#include <string>

namespace waymark::test {

// The result-code table the host ships.
inline const connectors::ctf::result_codes &shipped_codes() {
    static const auto codes = connectors::ctf::result_codes::load(WAYMARK_SOURCE_DIR "/connectors/ctf/result_codes.csv");
    return codes;
}

inline std::string sample_upn(int serial) {
    std::string digits = std::to_string(serial);
    const std::string body = "8012000" + std::string(5 - digits.size(), '0') + digits;
    return domain::upn_check_letter(body) + body;
}

// `pupils` pupils in 2025/2026, in seven year groups; each Year 1 and above has EYFSP goals, Year 2
// and above phonics, Year 3 and above KS1 results, and Year 6 pupils KS2 results from the year before.
inline connectors::ctf::ctf_document sample_ctf(int pupils) {
    using namespace std::chrono;
    using domain::statutory_kind;
    connectors::ctf::ctf_document document;
    document.header.date_time = "2026-01-15T10:00:00";
    document.header.source = {"801", "2000", "100200", "Brookside Primary & Nursery"};
    document.header.academic_year = {2025};
    document.header.destination_la_number = "801";
    document.header.destination_establishment_number = "2001";
    for (int i = 0; i < pupils; ++i) {
        const int nc_year = i % 7;  // 0 = Reception .. 6
        domain::pupil pupil;
        pupil.upn = sample_upn(i + 1);
        pupil.surname = i % 11 == 0 ? "O'Brien-Łukasz" : "Surname" + std::to_string(i);
        pupil.forename = i % 13 == 0 ? "Zoë <Ann>" : "Forename" + std::to_string(i);
        // Reception in 2025/2026 means born 1 Sep 2020 .. 31 Aug 2021.
        const unsigned birth_month = static_cast<unsigned>(i % 12 + 1);
        pupil.date_of_birth = year{(birth_month >= 9 ? 2020 : 2021) - nc_year} / month{birth_month} /
                              day{static_cast<unsigned>(i % 28 + 1)};
        pupil.gender = i % 2 ? 'F' : 'M';
        pupil.postcode = "PR1 8XJ";
        pupil.ethnicity = i % 5 == 0 ? "WENG" : "WBRI";
        pupil.first_language = i % 4 == 0 ? "OTH" : "ENG";
        pupil.eal = i % 4 == 0;
        pupil.fsm = i % 6 == 0;
        pupil.ever6_fsm = i % 3 == 0;
        pupil.sen = i % 9 == 0 ? 'K' : i % 17 == 0 ? 'E' : 'N';
        if (i % 23 == 0) pupil.year_override = nc_year == 6 ? 5 : nc_year + 1;
        if (i % 19 == 0) pupil.former_upn = sample_upn(90000 + i);
        const int reception_year = 2025 - nc_year;  // the academic year the pupil was in Reception
        auto add = [&](statutory_kind kind, std::string subject, std::string value, int academic_year) {
            document.results.push_back({pupil.upn, kind, std::move(subject), std::move(value), {academic_year}});
        };
        if (nc_year >= 1)
            for (int goal = 1; goal <= 17; ++goal)
                add(statutory_kind::eyfsp_goal, (goal < 10 ? "E0" : "E") + std::to_string(goal),
                    (i + goal) % 4 ? "Expected" : "Emerging", reception_year);
        if (nc_year >= 2) {
            add(statutory_kind::phonics_mark, "", std::to_string(20 + i % 21), reception_year + 1);
            add(statutory_kind::phonics_outcome, "", 20 + i % 21 >= 32 ? "Wa" : "Wt", reception_year + 1);
        }
        if (nc_year >= 3) {
            add(statutory_kind::ks1_ta, "reading", i % 3 ? "EXS" : "WTS", reception_year + 2);
            add(statutory_kind::ks1_ta, "writing", "GDS", reception_year + 2);
            add(statutory_kind::ks1_ta, "maths", "EXS", reception_year + 2);
            add(statutory_kind::ks1_ta, "science", "HNM", reception_year + 2);
            add(statutory_kind::ks1_scaled, "reading", std::to_string(85 + i % 31), reception_year + 2);
        }
        if (nc_year == 6) {
            add(statutory_kind::ks2_ta, "writing", "EXS", 2024);
            add(statutory_kind::ks2_scaled, "maths", std::to_string(80 + i % 41), 2024);
            add(statutory_kind::ks2_scaled, "gps", "110", 2024);
        }
        document.pupils.push_back(std::move(pupil));
    }
    return document;
}

}  // namespace waymark::test
