#include "services/statutory/statutory_json.hpp"

#include <Poco/JSON/Array.h>

namespace waymark::services {
namespace {

template <class Value> Poco::JSON::Object by_key(const std::map<std::string, Value> &values) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto &[key, value] : values) json.set(key, value);
    return json;
}

template <class Value> Poco::Dynamic::Var or_null(const std::optional<Value> &value) {
    return value ? Poco::Dynamic::Var(*value) : Poco::Dynamic::Var();
}

Poco::Dynamic::Var phonics_json(const std::optional<phonics_check> &check) {
    if (!check) return {};
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("academic_year", domain::format_academic_year(check->year));
    json.set("mark", or_null(check->mark));
    json.set("outcome", check->outcome);
    return json;
}

}  // namespace

Poco::JSON::Object submission_json(const submission &made) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("kind", std::string(submission_kind_name(made.kind)));
    json.set("academic_year", domain::format_academic_year(made.year));
    json.set("submitted_by", made.submitted_by);
    json.set("submitted_at", made.submitted_at);
    json.set("declaration", made.declaration);
    json.set("pupils", made.pupils);
    json.set("locked", made.in_force());
    json.set("unlocked_by", or_null(made.unlocked_by));
    json.set("unlocked_at", or_null(made.unlocked_at));
    json.set("unlock_reason", or_null(made.unlock_reason));
    return json;
}

Poco::JSON::Object statutory_view_json(const statutory_view &view) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("academic_year", domain::format_academic_year(view.year));
    json.set("year_group", view.year_group);
    Poco::JSON::Array pupils;
    for (const auto &row : view.pupils) {
        Poco::JSON::Object pupil(Poco::JSON_PRESERVE_KEY_ORDER);
        pupil.set("upn", row.upn);
        pupil.set("surname", row.surname);
        pupil.set("forename", row.forename);
        pupil.set("gld", or_null(row.gld));
        pupil.set("elg", by_key(row.elg));
        pupil.set("phonics_year1", phonics_json(row.phonics_year1));
        pupil.set("phonics_year2", phonics_json(row.phonics_year2));
        pupil.set("ks1_ta", by_key(row.ks1_ta));
        pupil.set("ks1_scaled", by_key(row.ks1_scaled));
        pupil.set("ks2_ta", by_key(row.ks2_ta));
        pupil.set("ks2_scaled", by_key(row.ks2_scaled));
        pupils.add(pupil);
    }
    json.set("pupils", pupils);
    Poco::JSON::Array submissions;
    for (const auto &made : view.submissions) submissions.add(submission_json(made));
    json.set("submissions", submissions);
    return json;
}

}  // namespace waymark::services
