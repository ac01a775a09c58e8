#include "services/tracking/school_settings_json.hpp"

#include "services/record_json.hpp"

#include <algorithm>

namespace waymark::services {

// These objects have always been written in key order (Poco's default), which the API's clients see.
Poco::JSON::Object class_json(const school_class &each) {
    return json_object({{"name", each.name}, {"pupils", each.pupils}});
}

Poco::JSON::Array classes_json(const std::vector<school_class> &classes) { return json_array(classes, class_json); }

Poco::JSON::Object custom_flags_json(const std::array<std::string, 6> &names) {
    return json_object({{"names", json_array(names)}});
}

Poco::JSON::Object subjects_json(soci::session &session, const std::vector<subject_scheme> &subjects) {
    const auto tracked = json_array(subjects, [](const subject_scheme &subject) {
        return json_object({{"code", subject.code}, {"name", subject.name}, {"scheme", subject.scheme_id}});
    });
    Poco::JSON::Array others;
    const auto names = subject_names(session);
    for (const auto &code : assessable_subjects(session)) {
        if (std::any_of(subjects.begin(), subjects.end(), [&](const auto &s) { return s.code == code; })) continue;
        others.add(json_object({{"code", code}, {"name", names.find(code)->second}}));
    }
    return json_object({{"others", others}, {"subjects", tracked}});
}

std::string custom_flags_summary(const std::array<std::string, 6> &names) {
    std::string summary;
    for (const auto &name : names) summary += (summary.empty() ? "" : ", ") + (name.empty() ? std::string("-") : name);
    return summary;
}

std::string subjects_summary(const std::vector<subject_scheme> &subjects) {
    std::string summary;
    for (const auto &subject : subjects) summary += (summary.empty() ? "" : ", ") + subject.code + " " + subject.scheme_id;
    return summary;
}

}  // namespace waymark::services
