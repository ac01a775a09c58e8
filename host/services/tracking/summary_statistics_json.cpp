#include "services/tracking/summary_statistics_json.hpp"

#include <Poco/JSON/Array.h>

namespace waymark::services {

Poco::JSON::Object summary_json(const assessment_summary &summary) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("assessment", summary.assessment);
    json.set("filter", summary.filter);
    json.set("as_of", summary.as_of.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(summary.as_of));
    json.set("pupils", summary.pupils);
    json.set("excluded_pupils", summary.excluded_pupils);
    Poco::JSON::Array subjects;
    for (const auto &row : summary.subjects) {
        Poco::JSON::Object subject(Poco::JSON_PRESERVE_KEY_ORDER);
        subject.set("subject", row.subject);
        subject.set("scheme", row.scheme_id);
        Poco::JSON::Array grades;
        for (const auto &grade : row.grades) {
            Poco::JSON::Object counted(Poco::JSON_PRESERVE_KEY_ORDER);
            counted.set("code", grade.code);
            counted.set("label", grade.label);
            counted.set("pupils", grade.pupils);
            counted.set("percent", grade.percent);
            grades.add(counted);
        }
        subject.set("grades", grades);
        subject.set("judged", row.judged);
        subject.set("on_track", row.on_track);
        subject.set("on_track_percent", row.on_track_percent);
        subject.set("no_judgement", row.no_judgement);
        subject.set("unrecognised", row.unrecognised);
        subjects.add(subject);
    }
    json.set("subjects", subjects);
    Poco::JSON::Object combined(Poco::JSON_PRESERVE_KEY_ORDER);
    combined.set("on_track", summary.reading_writing_maths_on_track);
    combined.set("percent", summary.reading_writing_maths_percent);
    json.set("reading_writing_maths", combined);
    Poco::JSON::Array scores;
    for (const auto &score : summary.test_scores) {
        Poco::JSON::Object column(Poco::JSON_PRESERVE_KEY_ORDER);
        column.set("subject", score.subject);
        column.set("kind", score.kind);
        column.set("pupils", score.pupils);
        column.set("average", score.average ? Poco::Dynamic::Var(*score.average) : Poco::Dynamic::Var());
        scores.add(column);
    }
    json.set("test_scores", scores);
    return json;
}

}  // namespace waymark::services
