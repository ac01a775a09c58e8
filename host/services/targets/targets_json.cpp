#include "services/targets/targets_json.hpp"

#include <Poco/JSON/Array.h>

namespace waymark::services {
namespace {

Poco::Dynamic::Var text_or_null(const std::string &text) {
    return text.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(text);
}

template <class T>
Poco::Dynamic::Var or_null(const std::optional<T> &value) {
    return value ? Poco::Dynamic::Var(*value) : Poco::Dynamic::Var();
}

std::optional<std::string> iso(const std::optional<domain::date> &day) {
    return day ? std::optional<std::string>(domain::format_iso_date(*day)) : std::nullopt;
}

std::string year_text(int start_year) { return domain::format_academic_year({start_year}); }

}  // namespace

Poco::JSON::Object target_json(const target_record &record) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("id", record.id);
    json.set("upn", record.target.upn);
    json.set("subject", record.target.subject);
    json.set("horizon", std::string(target_horizon_name(record.target.horizon)));
    json.set("academic_year", year_text(record.academic_year));
    json.set("grade", text_or_null(record.grade_code));
    json.set("scheme", record.scheme_id);
    json.set("cleared", record.cleared);
    json.set("set_by", record.set_by);
    json.set("set_at", record.set_at);
    json.set("supersedes", or_null(record.supersedes));
    return json;
}

Poco::JSON::Object target_policy_json(const target_policy &policy) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("who_may_set", policy.who_may_set);
    json.set("window_from", or_null(iso(policy.window_from)));
    json.set("window_to", or_null(iso(policy.window_to)));
    json.set("rate_points", policy.rate_points);
    json.set("rate_terms", policy.rate_terms);
    json.set("rate_per_term", policy.rate_per_term());
    json.set("rounding", std::string(trajectory_rounding_name(policy.rounding)));
    Poco::JSON::Array weights;
    for (const double w : policy.term_weights) weights.add(w);
    json.set("term_weights", weights);
    json.set("changed_by", text_or_null(policy.changed_by));
    json.set("changed_at", text_or_null(policy.changed_at));
    return json;
}

Poco::JSON::Object trajectory_json(const pupil_trajectory &line) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("upn", line.upn);
    json.set("subject", line.subject);
    json.set("scheme", line.scheme_id);
    json.set("notional", true);
    json.set("available", line.unavailable.empty());
    json.set("unavailable", text_or_null(line.unavailable));
    json.set("target", line.target_grade);
    json.set("rounding", std::string(trajectory_rounding_name(line.rounding)));
    json.set("plugin", line.plugin_id);
    Poco::JSON::Array terms;
    if (line.unavailable.empty()) {
        Poco::JSON::Object baseline;
        baseline.set("grade", line.baseline_grade);
        baseline.set("academic_year", year_text(line.baseline_year));
        baseline.set("term", std::string(domain::term_name(line.baseline_term)));
        json.set("baseline", baseline);
        json.set("weighting", line.weighting);
        for (const auto &t : line.terms) {
            Poco::JSON::Object term;
            term.set("academic_year", year_text(t.academic_year));
            term.set("nc_year", t.nc_year);
            term.set("term", std::string(domain::term_name(t.term)));
            term.set("points", t.points);
            term.set("grade", t.grade);
            term.set("attained", or_null(t.attained));
            term.set("position", text_or_null(t.position));
            term.set("gap", t.gap);
            terms.add(term);
        }
    }
    json.set("terms", terms);
    return json;
}

Poco::JSON::Object target_flag_json(const target_flag_record &flag) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("target_id", flag.target_id);
    json.set("upn", flag.upn);
    json.set("subject", flag.subject);
    json.set("horizon", std::string(target_horizon_name(flag.horizon)));
    json.set("target", flag.grade_code);
    json.set("code", flag.code);
    json.set("severity", flag.severity_name());
    json.set("sentence", flag.sentence);
    json.set("raised_at", flag.raised_at);
    return json;
}

Poco::JSON::Object prediction_json(const prediction_record &record) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("upn", record.upn);
    json.set("subject", record.subject);
    json.set("academic_year", year_text(record.academic_year));
    json.set("scheme", record.scheme_id);
    json.set("predictor", record.predictor_id);
    json.set("sufficient", record.sufficient);
    json.set("likely", text_or_null(record.likely_grade));
    json.set("percent_expected", or_null(record.percent_expected));
    json.set("percent_higher", or_null(record.percent_higher));
    json.set("based_on", record.based_on);
    json.set("history", std::string(history_scope_name(record.scope)));
    json.set("note", record.note);
    json.set("made_at", record.made_at);
    return json;
}

}  // namespace waymark::services
