// Which pupils a teacher may change: those in the classes granted to them (by the MIS's class
// names). A change touching any other pupil is refused as a whole with a sentence naming the
// teacher's classes and where that pupil is ("You teach 4B; Amy Bell is in 5A.").
#pragma once

#include "store/schools.hpp"

#include <soci/soci.h>

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace waymark::services {

// The sentence for the first pupil (by UPN, of the school) who is not in one of `classes`; nothing
// when all are (UPNs the school does not have are left for the change itself to refuse).
std::optional<std::string> outside_classes_by_upn(soci::session &session, const store::school &school,
                                                  const std::vector<std::string> &classes, std::span<const std::string> upns);
// The same for pupils by their wm_pupils ids.
std::optional<std::string> outside_classes_by_id(soci::session &session, const store::school &school,
                                                 const std::vector<std::string> &classes, std::span<const long long> pupil_ids);

// "You teach 4A and 4B; Amy Bell is in 5A." ("in no class" for an unassigned pupil).
std::string outside_classes_sentence(const std::vector<std::string> &classes, const std::string &pupil_name,
                                     const std::string &class_name);

}  // namespace waymark::services
