#include "services/meetings/tracking_records_json.hpp"

namespace waymark::services {
namespace {

Poco::Dynamic::Var day_or_null(const std::optional<domain::date> &day) {
    return day ? Poco::Dynamic::Var(domain::format_iso_date(*day)) : Poco::Dynamic::Var();
}

Poco::Dynamic::Var text_or_null(const std::string &text) { return text.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(text); }

Poco::JSON::Object standards_json(const core_standards &standards) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("reading", standards.reading);
    json.set("writing", standards.writing);
    json.set("maths", standards.maths);
    return json;
}

Poco::JSON::Object answer_json(const meeting_answer &answer) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("template_id", answer.template_id ? Poco::Dynamic::Var(*answer.template_id) : Poco::Dynamic::Var());
    if (!answer.subject.empty()) json.set("subject", answer.subject);
    json.set("question", answer.question);
    json.set("notes", answer.notes);
    json.set("next_steps", answer.next_steps);
    return json;
}

void set_recorded(Poco::JSON::Object &json, const std::string &by, const std::string &at) {
    json.set("recorded_by", by);
    json.set("recorded_at", at);
}

}  // namespace

Poco::JSON::Object intervention_json(const intervention &record) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("id", record.id);
    json.set("upn", record.upn);
    json.set("pupil", record.pupil_name);
    json.set("school", record.school);
    json.set("academic_year", domain::format_academic_year(record.year));
    json.set("assessment", text_or_null(record.assessment));
    json.set("subject", text_or_null(record.subject));
    json.set("description", record.description);
    json.set("started_on", day_or_null(record.started_on));
    json.set("ended_on", day_or_null(record.ended_on));
    json.set("cost_pence", record.cost_pence ? Poco::Dynamic::Var(*record.cost_pence) : Poco::Dynamic::Var());
    set_recorded(json, record.recorded_by, record.recorded_at);
    return json;
}

Poco::JSON::Object template_json(const discussion_template &record) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("id", record.id);
    json.set("type", std::string(meeting_type_name(record.type)));
    json.set("question", record.question);
    json.set("sort_order", record.sort_order);
    json.set("live_from", domain::format_iso_date(record.live_from));
    json.set("live_to", day_or_null(record.live_to));
    return json;
}

Poco::JSON::Object pupil_meeting_json(const pupil_meeting &record) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("id", record.id);
    json.set("upn", record.upn);
    json.set("pupil", record.pupil_name);
    json.set("teacher", record.teacher);
    json.set("held_on", domain::format_iso_date(record.held_on));
    json.set("assessment", text_or_null(record.assessment));
    json.set("previous_assessment", text_or_null(record.previous_assessment));
    Poco::JSON::Object standards(Poco::JSON_PRESERVE_KEY_ORDER);
    standards.set("previous", standards_json(record.previous));
    standards.set("current", standards_json(record.current));
    json.set("standards", standards);
    json.set("answers", json_array(record.answers, answer_json));
    set_recorded(json, record.recorded_by, record.recorded_at);
    return json;
}

Poco::JSON::Object cohort_meeting_json(const cohort_meeting &record) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("id", record.id);
    json.set("year_group", record.year_group);
    json.set("class", text_or_null(record.class_name));
    json.set("assessment", record.assessment);
    json.set("previous_assessment", text_or_null(record.previous_assessment));
    json.set("teacher", record.teacher);
    json.set("held_on", domain::format_iso_date(record.held_on));
    json.set("pupils", record.pupils);
    json.set("outcomes", json_array(record.outcomes, [](const band_outcome &outcome) {
                 Poco::JSON::Object row(Poco::JSON_PRESERVE_KEY_ORDER);
                 row.set("subject", outcome.subject);
                 row.set("band", outcome.band);
                 row.set("percent", outcome.percent_now);
                 row.set("previous_percent",
                         outcome.percent_previous ? Poco::Dynamic::Var(*outcome.percent_previous) : Poco::Dynamic::Var());
                 return row;
             }));
    json.set("answers", json_array(record.answers, answer_json));
    json.set("barriers", json_array(record.barriers, [](const pupil_barrier &barrier) {
                 Poco::JSON::Object row(Poco::JSON_PRESERVE_KEY_ORDER);
                 row.set("upn", barrier.upn);
                 row.set("pupil", barrier.pupil_name);
                 row.set("barrier", barrier.barrier);
                 row.set("next_steps", barrier.next_steps);
                 return row;
             }));
    json.set("targeted_support", record.targeted_support);
    json.set("specific_groups", record.specific_groups);
    set_recorded(json, record.recorded_by, record.recorded_at);
    return json;
}

}  // namespace waymark::services
