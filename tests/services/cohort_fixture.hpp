// Brookside Primary (school_fixture.hpp) with six pupils whose characteristics each filter can tell
// apart, in 2025/2026: Ava and Ben in Year 4 (class Oak), Cara in Year 5 and Eve taught in Year 5 by a
// year override though Year 4 by age (class Ash), Dev in Year 2 (class Elm, an intervention this
// year), and Finn, who has left (archived, never in any list).
#pragma once

#include "sample_pupils.hpp"
#include "school_fixture.hpp"
#include "services/pupils/pupil_filter.hpp"

#include <algorithm>
#include <map>

namespace waymark::testing {

// A filter read from CLI-style options.
inline services::pupil_filter parsed_filter(const std::map<std::string, std::string, std::less<>> &options) {
    return services::parse_pupil_filter([&](std::string_view name) -> std::optional<std::string> {
        const auto found = options.find(name);
        if (found == options.end()) return std::nullopt;
        return found->second;
    });
}

class cohort_test : public school_test {
protected:
    void SetUp() override {
        school_test::SetUp();
        if (IsSkipped()) return;
        using namespace std::chrono;
        std::vector<domain::pupil> pupils;
        pupils.reserve(6);  // the references below stay valid
        const auto pupil = [&](int serial, const char *forename, domain::date born, char gender, const char *class_name) -> domain::pupil & {
            domain::pupil p;
            p.upn = sample_upn(serial);
            p.surname = "Pupil";
            p.forename = forename;
            p.date_of_birth = born;
            p.gender = gender;
            p.class_name = class_name;
            p.ethnicity = "WBRI";
            upns_[forename] = p.upn;
            return pupils.emplace_back(std::move(p));
        };
        auto &ava = pupil(1, "Ava", 2016y / October / 5d, 'F', "Oak");
        ava.sen = 'K';
        ava.fsm = ava.ever6_fsm = ava.pupil_premium = true;
        auto &ben = pupil(2, "Ben", 2017y / May / 20d, 'M', "Oak");
        ben.ethnicity = "WENG";
        ben.looked_after = ben.eal = true;
        ben.custom_flags[0] = true;
        auto &cara = pupil(3, "Cara", 2016y / March / 1d, 'F', "Ash");
        cara.sen = 'E';
        cara.ethnicity = "APKN";
        cara.previously_looked_after = cara.pupil_premium = true;
        auto &dev = pupil(4, "Dev", 2019y / January / 10d, 'M', "Elm");
        dev.ethnicity = "AOTH";
        auto &eve = pupil(5, "Eve", 2016y / December / 1d, 'F', "Ash");
        eve.year_override = 5;
        eve.custom_flags[5] = true;
        auto &finn = pupil(6, "Finn", 2015y / June / 15d, 'M', "Oak");
        finn.archived = true;
        db().transaction("adding the cohort", [&](soci::session &session) {
            store::insert_pupils(session, school_.id, pupils);
            const auto ids = store::pupil_ids_by_upn(session, school_.id);
            for (const auto &[who, year] : {std::pair{"Dev", 2025}, std::pair{"Ben", 2024}}) {
                const long long id = ids.at(upns_.at(who));
                session << "INSERT INTO wm_interventions (pupil_id, description, academic_year, started_on) "
                           "VALUES (:p, 'Reading catch-up', :y, '2024-10-01')",
                    soci::use(id, "p"), soci::use(year, "y");
            }
        });
    }

    // The forenames of the pupils a filter selects, in list order.
    std::vector<std::string> names(const services::pupil_filter &filter,
                                   services::inclusion which = services::inclusion::all) {
        std::vector<std::string> result;
        for (const auto &p : services::filtered_pupils(db().session(), school_, filter, which)) result.push_back(p.forename);
        return result;
    }

    static services::pupil_filter parsed(const std::map<std::string, std::string, std::less<>> &options) {
        return parsed_filter(options);
    }

    std::map<std::string, std::string, std::less<>> upns_;  // forename -> UPN
};

}  // namespace waymark::testing
