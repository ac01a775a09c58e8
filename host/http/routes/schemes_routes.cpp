// The descriptor schemes the host has loaded: the list, each scheme's grades (labelled and banded
// in a context when one is given) and reading a teacher's input as a grade.
//   GET  /api/v1/schemes
//   GET  /api/v1/schemes/{id}/grades[?year=&term=&subject=]
//   POST /api/v1/schemes/{id}/parse  {input, year, term, subject}
#include "http/api.hpp"

#include "plugin_host/plugin_error.hpp"
#include "plugin_host/plugin_listing_json.hpp"

#include <waymark/plugin.h>

#include <cstdio>

namespace waymark::http {

namespace {

constexpr int64_t lowest_year = -1;  // nursery and earlier
constexpr int64_t highest_year = 11;

const plugins::scheme &usable_scheme(const api_services &services, const std::string &id) {
    const plugins::scheme_entry *entry = services.schemes.find(id);
    if (entry == nullptr) {
        throw not_found(std::nullopt, "There is no scheme '" + id + "'; GET " + api_base + "/schemes lists them.");
    }
    if (!entry->ready) throw conflict(std::nullopt, entry->problem);
    return *entry->ready;
}

// The context from query parameters: all three or none (grades without context).
std::optional<plugins::judgement_context> query_context(const request &asked) {
    if (!asked.query("year") && !asked.query("term") && !asked.query("subject")) return std::nullopt;
    plugins::judgement_context context;
    context.nc_year = static_cast<int32_t>(asked.required_query_integer("year", lowest_year, highest_year));
    context.term = static_cast<int32_t>(asked.required_query_integer("term", WAYMARK_TERM_AUTUMN, WAYMARK_TERM_SUMMER));
    context.subject = asked.required_query("subject");
    return context;
}

Poco::Dynamic::Var band_name(int32_t band) {
    switch (band) {
        case WAYMARK_BAND_BELOW: return "below";
        case WAYMARK_BAND_AT: return "at";
        case WAYMARK_BAND_ABOVE: return "above";
        default: return {};  // the scheme has no expectation in this context
    }
}

std::string colour_text(uint32_t rgb) {
    char text[8];
    std::snprintf(text, sizeof text, "#%06X", rgb & 0xFFFFFFu);
    return text;
}

Poco::JSON::Object context_json(const plugins::judgement_context &context) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("year", context.nc_year);
    json.set("term", context.term);
    json.set("subject", context.subject);
    return json;
}

// One grade; with a context, its label there, band, on-track flag and the band's colour.
Poco::JSON::Object grade_json(const plugins::scheme &scheme, uint32_t index, const waymark_evaluation *evaluation,
                              const plugins::judgement_context *context) {
    const plugins::grade_info &grade = scheme.grades()[index];
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("index", index);
    json.set("code", grade.code);
    json.set("label", context != nullptr ? scheme.describe(index, *context) : grade.label);
    json.set("points", grade.points ? Poco::Dynamic::Var(*grade.points) : Poco::Dynamic::Var());
    json.set("band", evaluation != nullptr ? band_name(evaluation->band) : Poco::Dynamic::Var());
    json.set("on_track", evaluation != nullptr ? Poco::Dynamic::Var(evaluation->on_track != 0) : Poco::Dynamic::Var());
    json.set("colour", colour_text(evaluation != nullptr ? evaluation->colour_rgb : grade.colour_rgb));
    return json;
}

void list_schemes(const api_services &services, response &reply) {
    Poco::JSON::Array list;
    for (const plugins::scheme_entry &entry : services.schemes.entries()) {
        Poco::JSON::Object json = plugins::descriptor_json(entry.listing.descriptor);
        json.set("available", entry.ready.has_value());
        json.set("problem", entry.ready ? Poco::Dynamic::Var() : Poco::Dynamic::Var(entry.problem));
        json.set("grade_count", entry.ready ? Poco::Dynamic::Var(entry.ready->grade_count()) : Poco::Dynamic::Var());
        json.set("measures_progress",
                 entry.ready ? Poco::Dynamic::Var(entry.ready->progress() != nullptr) : Poco::Dynamic::Var());
        list.add(json);
    }
    Poco::JSON::Object body;
    body.set("schemes", list);
    reply.json(body);
}

void list_grades(const api_services &services, const request &asked, response &reply) {
    const plugins::scheme &scheme = usable_scheme(services, asked.path_parameter("id"));
    const auto context = query_context(asked);
    std::vector<waymark_evaluation> evaluations;
    if (context) {
        std::vector<uint32_t> all(scheme.grade_count());
        for (uint32_t i = 0; i < all.size(); ++i) all[i] = i;
        evaluations.resize(all.size());
        scheme.evaluate(*context, all, evaluations);
    }
    Poco::JSON::Array grades;
    for (uint32_t i = 0; i < scheme.grade_count(); ++i) {
        grades.add(grade_json(scheme, i, context ? &evaluations[i] : nullptr, context ? &*context : nullptr));
    }
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("scheme", scheme.descriptor().id);
    body.set("context", context ? Poco::Dynamic::Var(context_json(*context)) : Poco::Dynamic::Var());
    body.set("grades", grades);
    reply.json(body);
}

void parse_input(const api_services &services, const request &asked, response &reply) {
    const plugins::scheme &scheme = usable_scheme(services, asked.path_parameter("id"));
    const json_object given = asked.json_body();
    const std::string input = given.required_string("input");
    plugins::judgement_context context;
    context.nc_year = static_cast<int32_t>(given.required_integer("year", lowest_year, highest_year));
    context.term = static_cast<int32_t>(given.required_integer("term", WAYMARK_TERM_AUTUMN, WAYMARK_TERM_SUMMER));
    context.subject = given.required_string("subject");
    uint32_t grade = 0;
    try {
        grade = scheme.parse(input, context);
    } catch (const plugins::plugin_error &e) {
        if (e.status() != WAYMARK_ERROR_INVALID_INPUT) throw;
        throw invalid("input", e.what());  // the scheme's sentence, listing the valid choices
    }
    const waymark_evaluation evaluation = scheme.evaluate(context, grade);
    asked.note("read \"" + input + "\" in " + asked.path_parameter("id") + " (changes nothing)");
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("scheme", scheme.descriptor().id);
    body.set("context", context_json(context));
    body.set("grade", grade_json(scheme, grade, &evaluation, &context));
    reply.json(body);
}

}  // namespace

void add_schemes_routes(router &routes, const api_services &services) {
    routes.add("GET", api_base + "/schemes", permission::read_school,
               [&services](const request &, response &reply) { list_schemes(services, reply); });
    routes.add("GET", api_base + "/schemes/{id}/grades", permission::read_school,
               [&services](const request &asked, response &reply) { list_grades(services, asked, reply); });
    routes.add("POST", api_base + "/schemes/{id}/parse", permission::read_school,
               [&services](const request &asked, response &reply) { parse_input(services, asked, reply); });
}

}  // namespace waymark::http
