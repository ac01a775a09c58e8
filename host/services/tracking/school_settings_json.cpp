#include "services/tracking/school_settings_json.hpp"

#include <algorithm>

namespace waymark::services {

Poco::JSON::Object class_json(const school_class &each) {
    Poco::JSON::Object out;
    out.set("name", each.name);
    out.set("pupils", each.pupils);
    return out;
}

Poco::JSON::Array classes_json(const std::vector<school_class> &classes) {
    Poco::JSON::Array list;
    for (const auto &each : classes) list.add(class_json(each));
    return list;
}

Poco::JSON::Object custom_flags_json(const std::array<std::string, 6> &names) {
    Poco::JSON::Array list;
    for (const auto &name : names) list.add(name);
    Poco::JSON::Object out;
    out.set("names", list);
    return out;
}

Poco::JSON::Object subjects_json(soci::session &session, const std::vector<subject_scheme> &subjects) {
    Poco::JSON::Array list;
    for (const auto &subject : subjects) {
        Poco::JSON::Object one;
        one.set("code", subject.code);
        one.set("name", subject.name);
        one.set("scheme", subject.scheme_id);
        list.add(one);
    }
    Poco::JSON::Array others;
    const auto names = subject_names(session);
    for (const auto &code : assessable_subjects(session)) {
        if (std::any_of(subjects.begin(), subjects.end(), [&](const auto &s) { return s.code == code; })) continue;
        Poco::JSON::Object one;
        one.set("code", code);
        one.set("name", names.find(code)->second);
        others.add(one);
    }
    Poco::JSON::Object out;
    out.set("subjects", list);
    out.set("others", others);
    return out;
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
