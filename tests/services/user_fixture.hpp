// Brookside Primary (school_fixture.hpp) with classes 4A, 4B and 5A, and a second school, Hillside
// (801/3000), for the user, session and audit tests; instants are fixed, never the clock.
#pragma once

#include "school_fixture.hpp"
#include "services/access/credentials.hpp"
#include "services/access/sessions.hpp"
#include "services/access/users.hpp"
#include "store/pupils.hpp"

#include <string>
#include <vector>

namespace waymark::testing {

// 10 February 2026, 09:00:00 UTC.
inline const services::instant monday_morning = *services::parse_instant("2026-02-10T09:00:00Z");

// The code the user's authenticator would show at `at`.
inline std::string code_at(const services::user_credentials &made, services::instant at) {
    return services::totp_code(*services::base32_decode(made.totp_secret), services::totp_step(at.time_since_epoch().count()));
}

class user_test : public school_test {
protected:
    void SetUp() override {
        school_test::SetUp();
        if (IsSkipped()) return;
        const std::vector<std::string> classes{"4A", "4B", "5A"};
        db().transaction("adding classes", [&](soci::session &session) { store::ensure_classes(session, school_.id, classes); });
        hillside_ = add_school({0, "801", "3000", "", "Hillside Primary", "PR2 1AA", {2025}});
    }

    services::user_credentials add(const std::string &name, domain::user_role role, std::vector<std::string> classes = {},
                                   std::vector<std::string> schools = {}) {
        const std::string school = domain::belongs_to_one_school(role) ? store::laestab(school_) : "";
        return services::add_user(db(), {name, "", role, school, std::move(classes), std::move(schools)},
                                  "2026-02-01T08:00:00Z");
    }

    store::school hillside_;
};

}  // namespace waymark::testing
