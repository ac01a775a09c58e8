#include "services/statutory/statutory_json.hpp"

#include "services/record_json.hpp"

namespace waymark::services {
namespace {

Poco::Dynamic::Var phonics_json(const std::optional<phonics_check> &check) {
    if (!check) return {};
    return json_object({{"academic_year", domain::format_academic_year(check->year)}, {"mark", or_null(check->mark)},
                        {"outcome", check->outcome}});
}

Poco::JSON::Object statutory_pupil_json(const statutory_row &row) {
    return json_object({{"upn", row.upn}, {"surname", row.surname}, {"forename", row.forename},
                        {"gld", or_null(row.gld)}, {"elg", json_by_key(row.elg)},
                        {"phonics_year1", phonics_json(row.phonics_year1)},
                        {"phonics_year2", phonics_json(row.phonics_year2)}, {"ks1_ta", json_by_key(row.ks1_ta)},
                        {"ks1_scaled", json_by_key(row.ks1_scaled)}, {"ks2_ta", json_by_key(row.ks2_ta)},
                        {"ks2_scaled", json_by_key(row.ks2_scaled)}});
}

}  // namespace

Poco::JSON::Object submission_json(const submission &made) {
    return json_object({{"kind", std::string(submission_kind_name(made.kind))},
                        {"academic_year", domain::format_academic_year(made.year)}, {"submitted_by", made.submitted_by},
                        {"submitted_at", made.submitted_at}, {"declaration", made.declaration}, {"pupils", made.pupils},
                        {"locked", made.in_force()}, {"unlocked_by", or_null(made.unlocked_by)},
                        {"unlocked_at", or_null(made.unlocked_at)}, {"unlock_reason", or_null(made.unlock_reason)}});
}

Poco::JSON::Object statutory_view_json(const statutory_view &view) {
    return json_object({{"academic_year", domain::format_academic_year(view.year)}, {"year_group", view.year_group},
                        {"pupils", json_array(view.pupils, statutory_pupil_json)},
                        {"submissions", json_array(view.submissions, submission_json)}});
}

}  // namespace waymark::services
