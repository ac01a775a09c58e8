// "Include in data" (issue 4, item 3): a pupil set to No is left out of every statistic and report
// until set back; every statistic says how many pupils its filter excluded (excluded_pupils in
// pupil_filter.hpp). Each change is recorded with who made it and when.
#pragma once

#include "services/pupils/pupil_filter.hpp"
#include "store/database.hpp"

#include <span>
#include <string>
#include <vector>

namespace waymark::services {

// Sets include-in-data for these pupils in one transaction and records who changed it for each pupil
// whose flag changed; returns how many changed. An unknown UPN is a filter_error and changes nothing.
std::size_t set_included(store::database &db, const store::school &school, std::span<const std::string> upns,
                         bool included, const std::string &by);

// Records that these pupils' include-in-data flag was set to `included` by `by`, now (inside the
// transaction that set it): the pupil form and bulk edit change the flag too.
void record_inclusion_changes(soci::session &session, std::vector<long long> pupil_ids, bool included,
                              const std::string &by);

}  // namespace waymark::services
