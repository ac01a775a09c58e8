#include "services/pupils/pupil_groups.hpp"

#include <set>

namespace waymark::services {
namespace {

long long group_id(soci::session &session, const store::school &school, const std::string &name) {
    std::vector<std::string> names;
    for (const auto &group : list_groups(session, school)) {
        if (group.name == name) return group.id;
        names.push_back(group.name);
    }
    std::string listed;
    for (const auto &each : names) listed += (listed.empty() ? "" : ", ") + each;
    throw filter_error("No group named \"" + name + "\" at " + school.name + "; its groups are: " +
                       (listed.empty() ? "none (create one with waymark groups create NAME)" : listed) + ".");
}

std::set<long long> member_ids(soci::session &session, long long group) {
    std::vector<long long> ids(512);
    std::set<long long> members;
    soci::statement rows = (session.prepare << "SELECT pupil_id FROM wm_group_members WHERE group_id = :g",
                            soci::into(ids), soci::use(group, "g"));
    rows.execute();
    while (rows.fetch()) {
        members.insert(ids.begin(), ids.end());
        ids.resize(512);
    }
    return members;
}

}  // namespace

pupil_group create_group(store::database &db, const store::school &school, const std::string &name, const std::string &by) {
    if (name.find_first_not_of(' ') == std::string::npos) throw filter_error("A group needs a name; the name given was empty.");
    if (name.size() > 100) throw filter_error("A group's name can be at most 100 characters; \"" + name + "\" is longer.");
    return db.transaction("creating the group " + name, [&](soci::session &session) {
        for (const auto &group : list_groups(session, school)) {
            if (group.name == name)
                throw filter_error(school.name + " already has a group named \"" + name + "\"; choose another name.");
        }
        const std::string at = store::utc_timestamp_now();
        session << "INSERT INTO wm_groups (school_id, name, created_by, created_at) VALUES (:s, :n, :b, :a)",
            soci::use(school.id, "s"), soci::use(name, "n"), soci::use(by, "b"), soci::use(at, "a");
        return pupil_group{group_id(session, school, name), name, 0, by, at};
    });
}

std::size_t add_to_group(store::database &db, const store::school &school, const std::string &name,
                         std::span<const std::string> upns, const std::string &by) {
    return db.transaction("adding pupils to the group " + name, [&](soci::session &session) {
        const long long group = group_id(session, school, name);
        const std::set<long long> members = member_ids(session, group);
        std::vector<long long> added;
        for (const long long id : on_roll_pupil_ids(session, school, upns)) {
            if (!members.contains(id)) added.push_back(id);
        }
        if (added.empty()) return std::size_t{0};
        std::vector<long long> groups(added.size(), group);
        std::vector<std::string> who(added.size(), by), when(added.size(), store::utc_timestamp_now());
        session << "INSERT INTO wm_group_members (group_id, pupil_id, added_by, added_at) VALUES (:g, :p, :b, :a)",
            soci::use(groups, "g"), soci::use(added, "p"), soci::use(who, "b"), soci::use(when, "a");
        return added.size();
    });
}

std::size_t remove_from_group(store::database &db, const store::school &school, const std::string &name,
                              std::span<const std::string> upns) {
    return db.transaction("removing pupils from the group " + name, [&](soci::session &session) {
        const long long group = group_id(session, school, name);
        const std::set<long long> members = member_ids(session, group);
        std::vector<long long> removed;
        for (const long long id : on_roll_pupil_ids(session, school, upns)) {
            if (members.contains(id)) removed.push_back(id);
        }
        if (removed.empty()) return std::size_t{0};
        std::vector<long long> groups(removed.size(), group);
        session << "DELETE FROM wm_group_members WHERE group_id = :g AND pupil_id = :p", soci::use(groups, "g"),
            soci::use(removed, "p");
        return removed.size();
    });
}

std::vector<pupil_group> list_groups(soci::session &session, const store::school &school) {
    constexpr std::size_t batch = 256;
    std::vector<long long> ids(batch);
    std::vector<std::string> names(batch), who(batch), when(batch);
    std::vector<int> members(batch);
    soci::statement rows =
        (session.prepare << "SELECT g.id, g.name, g.created_by, g.created_at, CAST((SELECT COUNT(*) FROM wm_group_members m "
                            "JOIN wm_pupils p ON p.id = m.pupil_id WHERE m.group_id = g.id AND p.archived = 0) AS INTEGER) "
                            "FROM wm_groups g WHERE g.school_id = :s ORDER BY g.name",
         soci::into(ids), soci::into(names), soci::into(who), soci::into(when), soci::into(members), soci::use(school.id, "s"));
    std::vector<pupil_group> groups;
    rows.execute();
    while (rows.fetch()) {
        for (std::size_t i = 0; i < ids.size(); ++i) groups.push_back({ids[i], names[i], members[i], who[i], when[i]});
        for (auto *column : {&names, &who, &when}) column->resize(batch);
        ids.resize(batch);
        members.resize(batch);
    }
    return groups;
}

std::vector<filtered_pupil> group_members(soci::session &session, const store::school &school, const std::string &name) {
    pupil_filter filter;
    filter.group = name;
    return filtered_pupils(session, school, filter, inclusion::all);
}

}  // namespace waymark::services
