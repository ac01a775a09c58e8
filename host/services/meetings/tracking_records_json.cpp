#include "services/meetings/tracking_records_json.hpp"

namespace waymark::services {
namespace {

Poco::JSON::Object standards_json(const core_standards &standards) {
    return json_object({{"reading", standards.reading}, {"writing", standards.writing}, {"maths", standards.maths}});
}

Poco::JSON::Object answer_json(const meeting_answer &answer) {
    auto json = json_object({{"template_id", or_null(answer.template_id)}});
    if (!answer.subject.empty()) json.set("subject", answer.subject);
    json.set("question", answer.question);
    json.set("notes", answer.notes);
    json.set("next_steps", answer.next_steps);
    return json;
}

Poco::JSON::Object recorded(Poco::JSON::Object json, const std::string &by, const std::string &at) {
    json.set("recorded_by", by);
    json.set("recorded_at", at);
    return json;
}

}  // namespace

Poco::JSON::Object intervention_json(const intervention &record) {
    return recorded(json_object({{"id", record.id}, {"upn", record.upn}, {"pupil", record.pupil_name},
                                 {"school", record.school}, {"academic_year", domain::format_academic_year(record.year)},
                                 {"assessment", text_or_null(record.assessment)}, {"subject", text_or_null(record.subject)},
                                 {"description", record.description}, {"started_on", day_or_null(record.started_on)},
                                 {"ended_on", day_or_null(record.ended_on)}, {"cost_pence", or_null(record.cost_pence)}}),
                    record.recorded_by, record.recorded_at);
}

Poco::JSON::Object template_json(const discussion_template &record) {
    return json_object({{"id", record.id}, {"type", std::string(meeting_type_name(record.type))},
                        {"question", record.question}, {"sort_order", record.sort_order},
                        {"live_from", domain::format_iso_date(record.live_from)}, {"live_to", day_or_null(record.live_to)}});
}

Poco::JSON::Object pupil_meeting_json(const pupil_meeting &record) {
    const auto standards =
        json_object({{"previous", standards_json(record.previous)}, {"current", standards_json(record.current)}});
    return recorded(json_object({{"id", record.id}, {"upn", record.upn}, {"pupil", record.pupil_name},
                                 {"teacher", record.teacher}, {"held_on", domain::format_iso_date(record.held_on)},
                                 {"assessment", text_or_null(record.assessment)},
                                 {"previous_assessment", text_or_null(record.previous_assessment)},
                                 {"standards", standards}, {"answers", json_array(record.answers, answer_json)}}),
                    record.recorded_by, record.recorded_at);
}

Poco::JSON::Object cohort_meeting_json(const cohort_meeting &record) {
    const auto outcomes = json_array(record.outcomes, [](const band_outcome &outcome) {
        return json_object({{"subject", outcome.subject}, {"band", outcome.band}, {"percent", outcome.percent_now},
                            {"previous_percent", or_null(outcome.percent_previous)}});
    });
    const auto barriers = json_array(record.barriers, [](const pupil_barrier &barrier) {
        return json_object({{"upn", barrier.upn}, {"pupil", barrier.pupil_name}, {"barrier", barrier.barrier},
                            {"next_steps", barrier.next_steps}});
    });
    return recorded(json_object({{"id", record.id}, {"year_group", record.year_group},
                                 {"class", text_or_null(record.class_name)}, {"assessment", record.assessment},
                                 {"previous_assessment", text_or_null(record.previous_assessment)},
                                 {"teacher", record.teacher}, {"held_on", domain::format_iso_date(record.held_on)},
                                 {"pupils", record.pupils}, {"outcomes", outcomes},
                                 {"answers", json_array(record.answers, answer_json)}, {"barriers", barriers},
                                 {"targeted_support", record.targeted_support},
                                 {"specific_groups", record.specific_groups}}),
                    record.recorded_by, record.recorded_at);
}

}  // namespace waymark::services
