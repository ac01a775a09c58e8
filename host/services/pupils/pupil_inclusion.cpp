#include "services/pupils/pupil_inclusion.hpp"

#include <map>

namespace waymark::services {

std::size_t set_included(store::database &db, const store::school &school, std::span<const std::string> upns,
                         bool included, const std::string &by) {
    return db.transaction(included ? "including pupils in the data" : "excluding pupils from the data", [&](soci::session &session) {
        const std::vector<long long> wanted = on_roll_pupil_ids(session, school, upns);
        std::map<long long, bool> now;
        for (const auto &pupil : filtered_pupils(session, school, {}, inclusion::all)) now.emplace(pupil.id, pupil.included);
        std::vector<long long> changed;
        for (const long long id : wanted) {
            if (now.at(id) != included) changed.push_back(id);
        }
        if (changed.empty()) return std::size_t{0};
        std::vector<int> flags(changed.size(), included ? 1 : 0);
        session << "UPDATE wm_pupils SET include_in_data = :f WHERE id = :id", soci::use(flags, "f"), soci::use(changed, "id");
        const auto count = changed.size();
        record_inclusion_changes(session, std::move(changed), included, by);
        return count;
    });
}

void record_inclusion_changes(soci::session &session, std::vector<long long> pupil_ids, bool included,
                              const std::string &by) {
    if (pupil_ids.empty()) return;
    std::vector<int> flags(pupil_ids.size(), included ? 1 : 0);
    std::vector<std::string> who(pupil_ids.size(), by), when(pupil_ids.size(), store::utc_timestamp_now());
    session << "INSERT INTO wm_inclusion_changes (pupil_id, include_in_data, changed_by, changed_at) "
               "VALUES (:id, :f, :b, :a)",
        soci::use(pupil_ids, "id"), soci::use(flags, "f"), soci::use(who, "b"), soci::use(when, "a");
}

}  // namespace waymark::services
