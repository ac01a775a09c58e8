// The cells of an assessment (issue 4, item 2): record, clear and colour one cell, read its history,
// flood-fill a column for a set of pupils, and import many cells from CSV. Every change is a new
// record naming the principal who made it; nothing is overwritten. {subject} is "phonics" for the
// phonics column; the kind of cell (judgement unless given) is a body field or, for GET and
// DELETE, a query parameter.
//   PUT    .../assessments/{assessment}/judgements/{upn}/{subject}          {value, kind?, against?, colour?}
//   DELETE .../assessments/{assessment}/judgements/{upn}/{subject}[?kind=]
//   PUT    .../assessments/{assessment}/judgements/{upn}/{subject}/colour   {colour: "#RRGGBB" or null, kind?}
//   GET    .../assessments/{assessment}/judgements/{upn}/{subject}/history[?kind=]
//   POST   .../assessments/{assessment}/judgements         {changes: [{upn, subject, value, kind?, against?, colour?, seen?}]}
//   POST   .../assessments/{assessment}/judgements/fill    {subject, value, kind?, against?, colour?, class?, year?, upns?}
//   POST   .../assessments/{assessment}/judgements/import  (text/csv: UPN, subject, value[, kind, against])
#include "http/routes/tracking_scope.hpp"

#include "services/tracking/class_grid_json.hpp"
#include "services/tracking/judgement_import.hpp"
#include "services/tracking/pupil_selection.hpp"

#include <Poco/Net/MediaType.h>

#include <limits>

namespace waymark::http {

namespace {

const std::string cell_path = school_path + "/assessments/{assessment}/judgements/{upn}/{subject}";
const std::string column_path = school_path + "/assessments/{assessment}/judgements";

constexpr int64_t reception = 0;
constexpr int64_t year_eleven = 11;

services::cell_kind kind_named(const std::optional<std::string> &name) {
    if (!name) return services::cell_kind::judgement;
    const auto kind = services::parse_cell_kind(*name);
    if (!kind) throw invalid("kind", "kind takes judgement, formative, test or phonics, not \"" + *name + "\".");
    return *kind;
}

std::optional<uint32_t> colour_named(const std::string &text) {
    const auto colour = services::parse_colour_hex(text);
    if (!colour) throw invalid("colour", "colour takes six hexadecimal digits such as #FFA500, not \"" + text + "\".");
    return colour;
}

// What a request is about: its school, the assessment and (for one cell) the cell.
struct cell_request {
    http::database_pool::lease database;
    store::school school;
    services::assessment which;
};

cell_request assessment_request(const api_services &services, const request &asked) {
    auto database = services.database();
    store::school school = school_in_path(database->session(), asked);
    services::assessment which = assessment_in_path(database->session(), school, asked);
    return {std::move(database), std::move(school), std::move(which)};
}

services::cell_address cell_in_path(const cell_request &on, const request &asked, services::cell_kind kind) {
    const std::string upn = pupil_in_path(on.database->session(), on.school, asked);
    if (asked.method() != "GET") check_teaches(on.database->session(), on.school, asked, {&upn, 1});
    return {upn, asked.path_parameter("subject"), kind};
}

// value, against and colour of a change (a cell's or a column's).
services::cell_change change_of(const json_object &given, services::cell_address cell) {
    services::cell_change change{std::move(cell), given.required_string("value"), {}, {}, {}};
    if (const auto against = given.optional_integer("against", reception, year_eleven)) change.judged_year = static_cast<int>(*against);
    if (const auto colour = given.optional_string("colour")) change.colour = colour_named(*colour);
    return change;
}

Poco::JSON::Object record_json(const services::cell_record &record) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("id", record.id);
    json.set("upn", record.cell.upn);
    json.set("subject", record.cell.subject);
    json.set("kind", std::string(services::cell_kind_name(record.cell.kind)));
    json.set("value", record.cleared ? Poco::Dynamic::Var() : Poco::Dynamic::Var(record.value));
    json.set("against", record.judged_year ? Poco::Dynamic::Var(*record.judged_year) : Poco::Dynamic::Var());
    json.set("colour", record.colour ? Poco::Dynamic::Var(services::colour_hex(*record.colour)) : Poco::Dynamic::Var());
    json.set("cleared", record.cleared);
    json.set("recorded_by", record.recorded_by);
    json.set("recorded_at", record.recorded_at);
    json.set("supersedes", record.supersedes ? Poco::Dynamic::Var(*record.supersedes) : Poco::Dynamic::Var());
    return json;
}

// "the reading judgement of A801200000003 in Autumn 2": a cell as the audit log's summaries name it.
std::string cell_words(const services::cell_address &cell, const services::assessment &which) {
    return "the " + cell.subject + " " + std::string(services::cell_kind_name(cell.kind)) + " of " + cell.upn + " in " + which.name;
}

void set_cell(const api_services &services, const request &asked, response &reply) {
    const cell_request on = assessment_request(services, asked);
    const json_object given = asked.json_body();
    const auto change = change_of(given, cell_in_path(on, asked, kind_named(given.optional_string("kind"))));
    if (change.value.empty()) throw invalid("value", "value is empty; DELETE the cell to empty it.");
    asked.note("recorded \"" + change.value + "\" as " + cell_words(change.cell, on.which));
    reply.json(record_json(
        services::record_changes(*on.database, on.school, on.which, scheme_library_of(services), {&change, 1}, recorder_of(asked), services.after_judgements)
            .front()));
}

void clear_cell(const api_services &services, const request &asked, response &reply) {
    const cell_request on = assessment_request(services, asked);
    const auto cell = cell_in_path(on, asked, kind_named(asked.query("kind")));
    asked.note("emptied " + cell_words(cell, on.which));
    reply.json(record_json(services::clear_cell(*on.database, on.school, on.which, cell, recorder_of(asked), services.after_judgements)));
}

void colour_cell(const api_services &services, const request &asked, response &reply) {
    const cell_request on = assessment_request(services, asked);
    const json_object given = asked.json_body();
    if (!given.raw().has("colour"))
        throw invalid("colour", "colour is required: \"#RRGGBB\" to override the cell's colour, null for the scheme's.");
    const auto colour = given.has("colour") ? colour_named(given.required_string("colour")) : std::nullopt;
    const auto cell = cell_in_path(on, asked, kind_named(given.optional_string("kind")));
    asked.note((colour ? "coloured " + services::colour_hex(*colour) + " " : std::string("gave the scheme's colour back to ")) +
               cell_words(cell, on.which));
    reply.json(record_json(services::set_cell_colour(*on.database, on.school, on.which, cell, colour, recorder_of(asked), services.after_judgements)));
}

void cell_history(const api_services &services, const request &asked, response &reply) {
    const cell_request on = assessment_request(services, asked);
    const auto cell = cell_in_path(on, asked, kind_named(asked.query("kind")));
    Poco::JSON::Array records;
    for (const auto &record : services::cell_history(on.database->session(), on.school, on.which, cell))
        records.add(record_json(record));
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("upn", cell.upn);
    body.set("subject", cell.subject);
    body.set("kind", std::string(services::cell_kind_name(cell.kind)));
    body.set("records", records);
    reply.json(body);
}

// A grid's save: many cells at once, each naming the record the page showed (`seen`), all or none.
void save_cells(const api_services &services, const request &asked, response &reply) {
    const cell_request on = assessment_request(services, asked);
    const json_object given = asked.json_body();
    std::vector<services::cell_change> changes;
    for (const auto &cell : given.required_object_array("changes")) {
        services::cell_address address{cell.required_string("upn"), cell.required_string("subject"),
                                       kind_named(cell.optional_string("kind"))};
        auto change = change_of(cell, std::move(address));
        change.seen = cell.optional_integer("seen", 0, std::numeric_limits<int64_t>::max());
        changes.push_back(std::move(change));
    }
    if (changes.empty()) throw invalid("changes", "changes is empty: send at least one cell to save.");
    std::vector<std::string> upns;
    for (const auto &change : changes) upns.push_back(change.cell.upn);
    check_teaches(on.database->session(), on.school, asked, upns);
    try {
        Poco::JSON::Array records;
        for (const auto &record : services::record_changes(*on.database, on.school, on.which, scheme_library_of(services),
                                                           changes, recorder_of(asked), services.after_judgements))
            records.add(record_json(record));
        Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
        body.set("records", records);
        asked.note("saved " + std::to_string(changes.size()) + (changes.size() == 1 ? " cell" : " cells") + " of " + on.which.name);
        reply.json(body);
    } catch (const services::cells_changed_meanwhile &meanwhile) {
        asked.note(meanwhile.what());
        Poco::JSON::Object body = error_body(conflict(std::nullopt, meanwhile.what()));
        Poco::JSON::Array changed;
        for (const auto &record : meanwhile.changed()) changed.add(record_json(record));
        body.set("changed", changed);
        reply.json(body, status::HTTP_CONFLICT);
    }
}

void fill_column(const api_services &services, const request &asked, response &reply) {
    const cell_request on = assessment_request(services, asked);
    const json_object given = asked.json_body();
    const services::cell_address column{"", given.required_string("subject"), kind_named(given.optional_string("kind"))};
    const auto change = change_of(given, column);
    services::pupil_selection pupils{filter_in_body(given), {}};
    if (given.has("upns")) pupils.upns = given.required_string_array("upns");
    if (pupils.everyone())
        throw invalid("class", "Say whose cells to fill: class, year, another pupil filter or upns (a flood-fill of the "
                               "whole school is not offered).");
    if (asked.who().role == domain::user_role::teacher) {
        std::vector<long long> ids;
        for (const auto &pupil : services::select_pupils(on.database->session(), on.school, pupils, on.which.year))
            ids.push_back(pupil.id);
        check_teaches_ids(on.database->session(), on.school, asked, ids);
    }
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    const auto filled = services::fill_column(*on.database, on.school, on.which, scheme_library_of(services), pupils, change,
                                              recorder_of(asked), services.after_judgements);
    asked.note("filled " + std::to_string(filled) + " " + column.subject + " " + std::string(services::cell_kind_name(column.kind)) +
               " cells of " + on.which.name + " with \"" + change.value + "\"");
    body.set("filled", filled);
    reply.json(body);
}

void import_cells(const api_services &services, const request &asked, response &reply) {
    const std::string &type = asked.raw().getContentType();
    bool is_csv = false;
    try {
        is_csv = !type.empty() && Poco::Net::MediaType(type).matches("text", "csv");
    } catch (const Poco::Exception &) {
        is_csv = false;
    }
    if (!is_csv)
        throw api_error(status::HTTP_UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", std::nullopt,
                        "Send the judgements as CSV with the header Content-Type: text/csv" +
                            (type.empty() ? std::string(".") : ", not " + type + "."));
    if (asked.who().role == domain::user_role::teacher)
        throw api_error(status::HTTP_FORBIDDEN, "forbidden", std::nullopt,
                        "Importing judgements from a file is for leaders; a teacher pastes a column into the grid.");
    const cell_request on = assessment_request(services, asked);
    const auto result = services::import_judgement_csv_text(*on.database, on.school, on.which, scheme_library_of(services),
                                                            asked.body(), recorder_of(asked), services.after_judgements);
    if (result.ok()) {
        asked.note("imported " + std::to_string(result.recorded) + " cells of " + on.which.name + " from a CSV file");
        Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
        body.set("recorded", result.recorded);
        reply.json(body);
        return;
    }
    const std::size_t count = result.problems.size();
    Poco::JSON::Object body = error_body(unprocessable(
        "The CSV has " + std::to_string(count) + (count == 1 ? " problem" : " problems") +
        " (listed in problems with their lines); nothing was recorded. Correct them and send it again."));
    asked.note(body.getValue<std::string>("message"));
    Poco::JSON::Array problems;
    for (const auto &problem : result.problems) {
        Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
        json.set("line", problem.line);
        json.set("column", problem.column.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(problem.column));
        json.set("message", problem.reason);
        problems.add(json);
    }
    body.set("problems", problems);
    reply.json(body, status::HTTP_UNPROCESSABLE_ENTITY);
}

}  // namespace

void add_judgements_routes(router &routes, const api_services &services) {
    add_tracking_route(routes, "PUT", cell_path, permission::write_judgements, set_cell, services);
    add_tracking_route(routes, "DELETE", cell_path, permission::write_judgements, clear_cell, services);
    add_tracking_route(routes, "PUT", cell_path + "/colour", permission::write_judgements, colour_cell, services);
    add_tracking_route(routes, "GET", cell_path + "/history", permission::read_school, cell_history, services);
    add_tracking_route(routes, "POST", column_path, permission::write_judgements, save_cells, services);
    add_tracking_route(routes, "POST", column_path + "/fill", permission::write_judgements, fill_column, services);
    add_tracking_route(routes, "POST", column_path + "/import", permission::write_judgements, import_cells, services);
}

}  // namespace waymark::http
