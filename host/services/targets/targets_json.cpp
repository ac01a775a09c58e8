#include "services/targets/targets_json.hpp"

#include "services/record_json.hpp"

namespace waymark::services {
namespace {

std::optional<std::string> iso(const std::optional<domain::date> &day) {
    return day ? std::optional<std::string>(domain::format_iso_date(*day)) : std::nullopt;
}

std::string year_text(int start_year) { return domain::format_academic_year({start_year}); }

Poco::JSON::Object trajectory_term_json(const trajectory_term &t) {
    return json_object({{"academic_year", year_text(t.academic_year)}, {"nc_year", t.nc_year},
                        {"term", std::string(domain::term_name(t.term))}, {"points", t.points}, {"grade", t.grade},
                        {"attained", or_null(t.attained)}, {"position", text_or_null(t.position)}, {"gap", t.gap}});
}

}  // namespace

Poco::JSON::Object target_json(const target_record &record) {
    return json_object({{"id", record.id}, {"upn", record.target.upn}, {"subject", record.target.subject},
                        {"horizon", std::string(target_horizon_name(record.target.horizon))},
                        {"academic_year", year_text(record.academic_year)}, {"grade", text_or_null(record.grade_code)},
                        {"scheme", record.scheme_id}, {"cleared", record.cleared}, {"set_by", record.set_by},
                        {"set_at", record.set_at}, {"supersedes", or_null(record.supersedes)}});
}

Poco::JSON::Object target_policy_json(const target_policy &policy) {
    return json_object({{"who_may_set", policy.who_may_set}, {"window_from", or_null(iso(policy.window_from))},
                        {"window_to", or_null(iso(policy.window_to))}, {"rate_points", policy.rate_points},
                        {"rate_terms", policy.rate_terms}, {"rate_per_term", policy.rate_per_term()},
                        {"rounding", std::string(trajectory_rounding_name(policy.rounding))},
                        {"term_weights", json_array(policy.term_weights)},
                        {"changed_by", text_or_null(policy.changed_by)}, {"changed_at", text_or_null(policy.changed_at)}});
}

Poco::JSON::Object trajectory_json(const pupil_trajectory &line) {
    auto json = json_object({{"upn", line.upn}, {"subject", line.subject}, {"scheme", line.scheme_id}, {"notional", true},
                             {"available", line.unavailable.empty()}, {"unavailable", text_or_null(line.unavailable)},
                             {"target", line.target_grade},
                             {"rounding", std::string(trajectory_rounding_name(line.rounding))},
                             {"plugin", line.plugin_id}});
    if (line.unavailable.empty()) {
        json.set("baseline", json_object({{"grade", line.baseline_grade}, {"academic_year", year_text(line.baseline_year)},
                                          {"term", std::string(domain::term_name(line.baseline_term))}}));
        json.set("weighting", line.weighting);
        json.set("terms", json_array(line.terms, trajectory_term_json));
    } else {
        json.set("terms", Poco::JSON::Array());
    }
    return json;
}

Poco::JSON::Object target_flag_json(const target_flag_record &flag) {
    return json_object({{"target_id", flag.target_id}, {"upn", flag.upn}, {"subject", flag.subject},
                        {"horizon", std::string(target_horizon_name(flag.horizon))}, {"target", flag.grade_code},
                        {"code", flag.code}, {"severity", flag.severity_name()}, {"sentence", flag.sentence},
                        {"raised_at", flag.raised_at}});
}

Poco::JSON::Object prediction_json(const prediction_record &record) {
    return json_object({{"upn", record.upn}, {"subject", record.subject},
                        {"academic_year", year_text(record.academic_year)}, {"scheme", record.scheme_id},
                        {"predictor", record.predictor_id}, {"sufficient", record.sufficient},
                        {"likely", text_or_null(record.likely_grade)}, {"percent_expected", or_null(record.percent_expected)},
                        {"percent_higher", or_null(record.percent_higher)}, {"based_on", record.based_on},
                        {"history", std::string(history_scope_name(record.scope))}, {"note", record.note},
                        {"made_at", record.made_at}});
}

}  // namespace waymark::services
