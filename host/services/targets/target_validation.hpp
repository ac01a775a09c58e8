// Target validation (seed 004 B.4): each current target of a pupil, with what is known about the
// pupil in the same subject and scheme (the earliest judgement as the prior result, the latest as
// current attainment, the latest stored prediction, the terms from the prior result to the target
// and the school's minimum rate), goes to the loaded validator plugin; its flags replace the pupil's
// stored ones, so a raised target's flags clear themselves. Runs when targets are set or imported
// (set_targets and import take the validator) and after judgements are recorded.
#pragma once

#include "plugin_host/target_plugins.hpp"
#include "services/targets/targets.hpp"

#include "services/tracking/judgements.hpp"

#include <optional>
#include <span>
#include <set>
#include <string>
#include <vector>

namespace waymark::services {

struct target_flag_record {
    long long target_id = 0;
    std::string upn;
    std::string subject;
    target_horizon horizon = target_horizon::end_of_key_stage;
    std::string grade_code;
    std::string code;      // the validator's: "below_prior", ...
    int severity = 0;      // WAYMARK_SEVERITY_INFO / WARNING / SERIOUS
    std::string severity_name() const;  // "info", "warning", "serious"
    std::string sentence;  // for the teacher
    std::string raised_at;
};

// Validates the current targets of these pupils (empty = every pupil of the school) in the caller's
// transaction and replaces their stored flags. Returns how many flags were raised.
std::size_t validate_targets(soci::session &session, const store::school &school, const scheme_library &schemes,
                             const plugins::validator &validator, const std::set<long long> &pupil_ids,
                             const std::string &at);

// Validates every target of every school in the database (an authority's, after a term's assessments
// or a bulk import) in one transaction, reading each kind of input once for all the schools rather
// than school by school. Returns how many flags were raised in all.
std::size_t validate_every_school(store::database &db, const scheme_library &schemes, const plugins::validator &validator,
                                  const std::string &at);

struct flag_query {
    std::optional<std::string> upn;
    std::optional<std::string> class_name;
};

// The stored flags of the school (one pupil, one class, or all), by UPN, subject and severity.
std::vector<target_flag_record> list_target_flags(soci::session &session, const store::school &school,
                                                  const flag_query &query);

// For a process's lifetime (a CLI session, the server): the loaded validator, if any, with which every
// save of judgements given this object revalidates the judged pupils' targets in its transaction. A
// school without targets pays one count; with no validator loaded it does nothing.
class target_revalidation final : public after_judgements {
public:
    target_revalidation(const plugins::registry &registry, const scheme_library &schemes);

    void judgements_recorded(soci::session &session, long long assessment_id, const std::set<long long> &judged_pupils,
                             const std::string &at) const override;

private:
    const scheme_library &schemes_;
    std::optional<plugins::validator> validator_;
};

}  // namespace waymark::services
