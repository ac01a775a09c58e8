#include "demo_accounts_table.hpp"

#include "text_table.hpp"

#include "services/access/demo_accounts.hpp"
#include "services/access/sessions.hpp"
#include "store/pupils.hpp"
#include "store/schools.hpp"

#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace waymark::cli {
namespace {

// The demo MIS's first school as Waymark stores it (made now if no sync has yet) and its Year 4
// classes, for the demo's sign-in accounts.
std::pair<store::school, std::vector<std::string>> demo_school(store::database &database, std::string_view mis_schema,
                                                               domain::date as_of) {
    const std::string mis = mis_schema.empty() ? "" : std::string(mis_schema) + ".";
    soci::session &session = database.session();
    int la = 0, number = 0;
    std::string name, postcode;
    session << "SELECT la_code, estab_no, school_name, postcode FROM " + mis + "sims_establishment WHERE establishment_id = 1",
        soci::into(la), soci::into(number), soci::into(name), soci::into(postcode);
    std::vector<std::string> classes(16);
    session << "SELECT code FROM " + mis + "sims_base_group WHERE establishment_id = 1 AND group_type = 'REG' AND nc_year = 4 "
               "ORDER BY code",
        soci::into(classes);
    const store::school details{0, std::to_string(la), std::to_string(number), "", name, postcode, domain::academic_year_of(as_of)};
    auto school = database.transaction("adding the demo school", [&](soci::session &writing) {
        store::ensure_academic_year(writing, details.current_year);
        return store::find_or_create_school(writing, details);
    });
    return {std::move(school), std::move(classes)};
}

}  // namespace

void print_demo_accounts(store::database &database, std::string_view mis_schema, domain::date as_of, std::ostream &out) {
    const auto [school, classes] = demo_school(database, mis_schema, as_of);
    const auto made = services::add_demo_accounts(database, school, classes, services::instant_text(services::now_instant()));
    if (made.empty()) {
        out << "The demo accounts (admin, head, teacher4, governor, adviser) exist already; `waymark users reset-password "
               "NAME` gives one a new password and `waymark users code NAME` its current code.\n";
        return;
    }
    out << "Demo accounts for " << school.name << " (" << store::laestab(school)
        << "); sign in at the address `waymark serve` prints, then type the code `waymark users code NAME` prints (or "
           "add the secret to an authenticator app). Shown once:\n";
    text_table table({"User", "Role", "Password", "TOTP secret"});
    for (const auto &account : made)
        table.add_row({account.account.username, std::string(domain::role_name(account.account.role)), account.password,
                       account.totp_secret});
    table.print(out);
}

}  // namespace waymark::cli
