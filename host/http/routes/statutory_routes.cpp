// Statutory results of a school (services/statutory/statutory_entry.hpp): a year group's data, recording values
// all or nothing, and submitting and unlocking a year group's phonics or KS1 results.
//   GET  /api/v1/schools/{school}/statutory?year=N[&academic_year=2025/2026]
//   PUT  /api/v1/schools/{school}/statutory               {academic_year?, values: [{upn, measure, subject?, value}]}
//   GET  /api/v1/schools/{school}/statutory/submissions
//   POST /api/v1/schools/{school}/statutory/submissions   {kind, academic_year?, declaration}
//   POST /api/v1/schools/{school}/statutory/unlocks       {kind, academic_year?, reason}   (administer)
#include "http/api.hpp"
#include "http/routes/school_scope.hpp"

#include "services/statutory/statutory_entry.hpp"
#include "services/statutory/statutory_json.hpp"

#include <algorithm>

namespace waymark::http {

namespace {

const std::string statutory_path = api_base + "/schools/{school}/statutory";

domain::academic_year year_from(const std::optional<std::string> &text, const std::string &field, const store::school &school) {
    if (!text) return school.current_year;
    const auto year = domain::parse_academic_year(*text);
    if (!year) throw invalid(field, field + " must be an academic year such as \"2025/2026\", not \"" + *text + "\".");
    return *year;
}

services::submission_kind kind_from(const json_object &body) {
    const std::string text = body.required_string("kind");
    const auto kind = services::parse_submission_kind(text);
    if (!kind) throw invalid("kind", "kind must be phonics-y1, phonics-y2 or ks1, not \"" + text + "\".");
    return *kind;
}

// A value may be sent as text ("EXS", "A") or, for marks and scores, as a whole number.
std::string value_text(const json_object &entry) {
    const std::string field = entry.path() + ".value";
    if (!entry.has("value")) throw invalid(field, field + " is required.");
    const Poco::Dynamic::Var given = entry.raw().get("value");
    if (given.isString()) return given.extract<std::string>();
    if (given.isInteger() && !given.isBoolean()) return given.toString();
    throw invalid(field, field + " must be a string or a whole number, not " + json_type_name(given) + ".");
}

std::vector<services::statutory_value> values_from(const json_object &body) {
    std::vector<services::statutory_value> values;
    for (const auto &entry : body.required_object_array("values")) {
        const std::string measure_text = entry.required_string("measure");
        const auto measure = services::parse_statutory_measure(measure_text);
        if (!measure)
            throw invalid(entry.path() + ".measure", "measure must be elg, phonics, ks1_ta, ks1_scaled, ks2_ta or ks2_scaled, not \"" +
                                                         measure_text + "\".");
        values.push_back({entry.required_string("upn"), *measure, entry.optional_string("subject").value_or(""), value_text(entry)});
    }
    if (values.empty()) throw invalid("values", "values must hold at least one value.");
    return values;
}

// The service's refusal as the API's error: a value's problem names it (values[i]), an unknown pupil
// is 404 on its upn, a locked year group or a submission step out of turn is 409.
api_error refusal(const services::statutory_error &error, const std::string &invalid_field) {
    const auto &problems = error.problems();
    const auto first = std::ranges::find_if(problems, [&](const auto &problem) { return problem.reason == error.reason(); });
    const bool about_a_value = first != problems.end() && first->index.has_value();
    const std::string value_field = about_a_value ? "values[" + std::to_string(first->index.value()) + "]" : invalid_field;
    switch (error.reason()) {
        case services::statutory_refusal::invalid: return invalid(value_field, error.what());
        case services::statutory_refusal::unknown_pupil: return not_found(value_field + ".upn", error.what());
        case services::statutory_refusal::locked:
        case services::statutory_refusal::conflict: return conflict(about_a_value ? std::optional(value_field) : std::nullopt, error.what());
        case services::statutory_refusal::not_administrator:
            return api_error(status::HTTP_FORBIDDEN, "forbidden", std::nullopt, error.what());
    }
    return invalid(value_field, error.what());
}

// Submitting and unlocking read the same body, {kind, academic_year?, <text>}, and answer 201 with
// the submission; `text` is the field the step needs (the declaration, the reason).
template <class Step>
void submission_step(const api_services &api, const request &asked, response &reply, const std::string &text, Step step) {
    const auto body = asked.json_body();
    const auto database = api.database();
    const auto school = school_in_path(database->session(), asked);
    const auto kind = kind_from(body);
    const auto year = year_from(body.optional_string("academic_year"), "academic_year", school);
    const std::string given = body.required_string(text);
    try {
        reply.json(services::submission_json(step(*database, school, kind, year, given)), status::HTTP_CREATED);
        asked.note((text == "reason" ? "unlocked the " : "submitted the ") + services::submission_title(kind) + " data of " +
                   domain::format_academic_year(year) + ": " + given);
    } catch (const services::statutory_error &error) {
        throw refusal(error, text);
    }
}

}  // namespace

// `api`, not `services`: the services namespace is what the handlers call.
void add_statutory_routes(router &routes, const api_services &api) {
    routes.add("GET", statutory_path, permission::read_school, [&api](const request &asked, response &reply) {
        const auto database = api.database();
        const auto school = school_in_path(database->session(), asked);
        const int year_group = static_cast<int>(asked.required_query_integer("year", 0, 6));
        const auto year = year_from(asked.query("academic_year"), "academic_year", school);
        reply.json(services::statutory_view_json(services::statutory_data(database->session(), school, year_group, year)));
    });
    routes.add("PUT", statutory_path, permission::write_tracking, [&api](const request &asked, response &reply) {
        const auto body = asked.json_body();
        const auto database = api.database();
        const auto school = school_in_path(database->session(), asked);
        const auto year = year_from(body.optional_string("academic_year"), "academic_year", school);
        const auto values = values_from(body);
        try {
            Poco::JSON::Object answer(Poco::JSON_PRESERVE_KEY_ORDER);
            answer.set("academic_year", domain::format_academic_year(year));
            const auto changed = services::record_statutory(*database, school, year, values);
            asked.note("recorded " + std::to_string(values.size()) + " statutory values of " + domain::format_academic_year(year) +
                       ", " + std::to_string(changed) + " of them changes");
            answer.set("changed", changed);
            reply.json(answer);
        } catch (const services::statutory_error &error) {
            throw refusal(error, "values");
        }
    });
    routes.add("GET", statutory_path + "/submissions", permission::read_school, [&api](const request &asked, response &reply) {
        const auto database = api.database();
        Poco::JSON::Array list;
        for (const auto &made : services::submissions_of(database->session(), school_in_path(database->session(), asked)))
            list.add(services::submission_json(made));
        reply.json(list);
    });
    routes.add("POST", statutory_path + "/submissions", permission::write_tracking, [&api](const request &asked, response &reply) {
        submission_step(api, asked, reply, "declaration", [&](store::database &db, const store::school &school,
                                                              services::submission_kind kind, domain::academic_year year,
                                                              const std::string &declaration) {
            return services::submit_statutory(db, school, kind, year, declaration, {asked.who().id, false});
        });
    });
    // The router lets only a holder of `administer` this far, so the service is told it is one.
    routes.add("POST", statutory_path + "/unlocks", permission::administer, [&api](const request &asked, response &reply) {
        submission_step(api, asked, reply, "reason", [&](store::database &db, const store::school &school,
                                                         services::submission_kind kind, domain::academic_year year,
                                                         const std::string &reason) {
            return services::unlock_statutory(db, school, kind, year, reason, {asked.who().id, true});
        });
    });
}

}  // namespace waymark::http
