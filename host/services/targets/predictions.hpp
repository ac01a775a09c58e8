// Predictions (seed 004 A.1): an estimate of a KS2 pupil's end-of-key-stage outcome in a subject from
// their KS1 result (the Year 2 Summer judgement), made by the loaded predictor plugin from the
// outcomes of earlier pupils with both a Year 2 Summer and a Year 6 Summer judgement in the same
// scheme: the school's own, or every school's in the database. Stored in a table of their own,
// dated, and never read as a target (seed 004: the two are kept apart and never confused).
#pragma once

#include "plugin_host/target_plugins.hpp"
#include "services/tracking/assessments.hpp"
#include "services/tracking/judgements.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::services {

enum class history_scope { school, authority };
std::string_view history_scope_name(history_scope scope);  // "school", "authority"
std::optional<history_scope> parse_history_scope(std::string_view name);

struct prediction_record {
    std::string upn;
    std::string subject;
    int academic_year = 0;  // the year the key stage ends
    std::string scheme_id;
    std::string predictor_id;
    bool sufficient = false;  // false: too few earlier pupils; `note` says how many
    std::string likely_grade;
    std::optional<int> percent_expected;  // chance of the expected standard, whole per cent
    std::optional<int> percent_higher;
    int based_on = 0;
    history_scope scope = history_scope::school;
    std::string note;
    std::string made_at;
};

// Predicts and stores, in one transaction, the KS2 outcome in `subject` of each of the school's KS2
// pupils (or the one with `upn`) who has a KS1 judgement in a scheme with points. Throws
// tracking_error for an unknown subject or a UPN not on roll.
std::vector<prediction_record> make_predictions(store::database &db, const store::school &school,
                                                const scheme_library &schemes, const plugins::predictor &predictor,
                                                const std::string &subject, history_scope scope,
                                                const std::optional<std::string> &upn, const recorder &by);

// Each pupil's latest stored prediction per subject, by UPN and subject.
std::vector<prediction_record> list_predictions(soci::session &session, const store::school &school,
                                                const std::optional<std::string> &upn,
                                                const std::optional<std::string> &subject);

}  // namespace waymark::services
