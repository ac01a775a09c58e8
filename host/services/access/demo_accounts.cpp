#include "services/access/demo_accounts.hpp"

#include "store/pupils.hpp"

namespace waymark::services {

std::vector<user_credentials> add_demo_accounts(store::database &db, const store::school &school,
                                                const std::vector<std::string> &year4_classes, const std::string &at) {
    using domain::user_role;
    db.transaction("adding the demo's Year 4 classes",
                   [&](soci::session &session) { store::ensure_classes(session, school.id, year4_classes); });
    const std::string home = store::laestab(school);
    const user_details accounts[] = {
        {"admin", "Demo Administrator", user_role::administrator, home, {}, {}},
        {"head", "Demo Headteacher", user_role::leader, home, {}, {}},
        {"teacher4", "Demo Year 4 Teacher", user_role::teacher, home, year4_classes, {}},
        {"governor", "Demo Governor", user_role::read_only, home, {}, {}},
        {"adviser", "Demo LA Adviser", user_role::authority, "", {}, {home}},
    };
    std::vector<user_credentials> made;
    for (const auto &account : accounts) {
        if (!find_user(db.session(), account.username)) made.push_back(add_user(db, account, at));
    }
    return made;
}

}  // namespace waymark::services
