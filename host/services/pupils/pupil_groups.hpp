// Stored groups of pupils (issue 4, item 6): a school names a set of pupils once ("Year 5 recent
// arrivals") and filters any list or statistic by it (pupil_filter::group). Membership is by pupil,
// so a group follows its pupils through the rollover.
#pragma once

#include "services/pupils/pupil_filter.hpp"
#include "store/database.hpp"

#include <span>
#include <string>
#include <vector>

namespace waymark::services {

struct pupil_group {
    long long id = 0;
    std::string name;
    int members = 0;  // on roll; pupils who left stay members but are not counted
    std::string created_by;
    std::string created_at;
    bool operator==(const pupil_group &) const = default;
};

// A new empty group. An empty name, one over 100 characters or one the school already uses is a
// filter_error.
pupil_group create_group(store::database &db, const store::school &school, const std::string &name, const std::string &by);

// Adds the pupils to the group in one transaction (members already in it are left as they are);
// returns how many were added. An unknown group or UPN is a filter_error and adds nobody.
std::size_t add_to_group(store::database &db, const store::school &school, const std::string &name,
                         std::span<const std::string> upns, const std::string &by);

// Takes the pupils out of the group; returns how many were members.
std::size_t remove_from_group(store::database &db, const store::school &school, const std::string &name,
                              std::span<const std::string> upns);

// The school's groups by name.
std::vector<pupil_group> list_groups(soci::session &session, const store::school &school);

// A group's members on roll, ordered by name (filtered_pupils with the group as the filter).
std::vector<filtered_pupil> group_members(soci::session &session, const store::school &school, const std::string &name);

}  // namespace waymark::services
