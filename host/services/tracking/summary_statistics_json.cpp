#include "services/tracking/summary_statistics_json.hpp"

#include "services/record_json.hpp"

namespace waymark::services {
namespace {

Poco::JSON::Object subject_summary_json(const subject_summary &row) {
    const auto grades = json_array(row.grades, [](const grade_count &grade) {
        return json_object({{"code", grade.code}, {"label", grade.label}, {"pupils", grade.pupils},
                            {"percent", grade.percent}});
    });
    return json_object({{"subject", row.subject}, {"scheme", row.scheme_id}, {"grades", grades}, {"judged", row.judged},
                        {"on_track", row.on_track}, {"on_track_percent", row.on_track_percent},
                        {"no_judgement", row.no_judgement}, {"unrecognised", row.unrecognised}});
}

Poco::JSON::Object test_score_json(const test_score_summary &score) {
    return json_object({{"subject", score.subject}, {"kind", score.kind}, {"pupils", score.pupils},
                        {"average", or_null(score.average)}});
}

}  // namespace

Poco::JSON::Object summary_json(const assessment_summary &summary) {
    const auto combined = json_object({{"on_track", summary.reading_writing_maths_on_track},
                                       {"percent", summary.reading_writing_maths_percent}});
    return json_object({{"assessment", summary.assessment}, {"filter", summary.filter},
                        {"as_of", text_or_null(summary.as_of)}, {"pupils", summary.pupils},
                        {"excluded_pupils", summary.excluded_pupils},
                        {"subjects", json_array(summary.subjects, subject_summary_json)},
                        {"reading_writing_maths", combined}, {"test_scores", json_array(summary.test_scores, test_score_json)}});
}

}  // namespace waymark::services
