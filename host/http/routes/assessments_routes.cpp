// A school's assessments (issue 4, item 1) and the class grid of one as it stands now or stood at
// any instant. {assessment} is the assessment's id.
//   GET  /api/v1/schools/{school}/assessments
//   POST /api/v1/schools/{school}/assessments   {name, date, year_groups, subjects?, scheme?, term?, ...}
//   GET  /api/v1/schools/{school}/assessments/{assessment}
//   GET  /api/v1/schools/{school}/assessments/{assessment}/grid[?class=&year=&upns=&as_of=]
//   GET  /api/v1/schools/{school}/assessments/{assessment}/grid/spreadsheet[?the grid's filters]  (.xlsx)
#include "http/routes/tracking_scope.hpp"

#include "plugin_host/plugin_error.hpp"
#include "plugin_host/renderer.hpp"
#include "reports/builders/grid_spreadsheet.hpp"
#include "reports/document_json.hpp"
#include "store/database.hpp"

#include "services/tracking/class_grid.hpp"
#include "services/tracking/class_grid_json.hpp"

#include <algorithm>
#include <sstream>

namespace waymark::http {

namespace {

constexpr int64_t reception = 0;
constexpr int64_t year_eleven = 11;

services::assessment_subject subject_of(const json_object &given) {
    services::assessment_subject subject{given.required_string("code"), given.optional_string("scheme").value_or(""), {}};
    if (const auto kind = given.optional_string("test_score")) {
        subject.test_score = services::parse_test_score_kind(*kind);
        if (!subject.test_score)
            throw invalid(given.path() + ".test_score", given.path() + ".test_score takes standardised, raw, percentage or "
                                                                       "reading_age, not \"" + *kind + "\".");
    }
    return subject;
}

services::assessment spec_of(const json_object &given) {
    services::assessment spec;
    spec.name = given.required_string("name");
    const std::string date_text = given.required_string("date");
    const auto date = domain::parse_iso_date(date_text);
    if (!date) throw invalid("date", "date takes a date as YYYY-MM-DD, not \"" + date_text + "\".");
    spec.assessed_on = *date;
    spec.year = domain::academic_year_of(*date);
    spec.term = domain::term_of(*date);
    if (const auto term = given.optional_string("term")) {
        const auto named = domain::parse_term(*term);
        if (!named) throw invalid("term", "term takes Autumn, Spring or Summer, not \"" + *term + "\".");
        spec.term = *named;
    }
    for (const int64_t year : given.required_integer_array("year_groups", reception, year_eleven))
        spec.year_groups.push_back(static_cast<int>(year));
    if (given.has("subjects"))
        for (const auto &subject : given.required_object_array("subjects")) spec.subjects.push_back(subject_of(subject));
    spec.formative_title = given.optional_string("formative_title");
    spec.test_scores_title = given.optional_string("test_scores_title");
    spec.phonics = given.has("phonics") && given.required_bool("phonics");
    return spec;
}

void create_assessment(const api_services &services, const request &asked, response &reply) {
    const auto database = services.database();
    const store::school school = school_in_path(database->session(), asked);
    const json_object given = asked.json_body();
    auto spec = spec_of(given);
    const std::string scheme = given.optional_string("scheme").value_or(std::string(services::default_scheme_id));
    const auto made = services::create_assessment(*database, school, std::move(spec), scheme_library_of(services), scheme);
    asked.note("created the assessment " + made.name + " of " + domain::format_iso_date(made.assessed_on));
    reply.json(services::assessment_json(made), status::HTTP_CREATED);
}

// ?class=4A&year=4&sen=K&upns=A,B: the pupils of the grid (any pupil filter), each part given narrowing it.
services::pupil_selection selection_in_query(const request &asked) {
    services::pupil_selection which{filter_in_query(asked), {}};
    const std::string upns = asked.query("upns").value_or("");
    for (std::size_t at = 0; at < upns.size();) {
        const std::size_t comma = std::min(upns.find(',', at), upns.size());
        if (comma > at) which.upns.push_back(upns.substr(at, comma - at));
        at = comma + 1;
    }
    return which;
}

std::string as_of_of_grid(const request &asked) {
    const auto given = asked.query("as_of");
    if (!given) return "";
    const auto instant = services::as_of_instant(*given);
    if (!instant) throw invalid("as_of", "as_of takes YYYY-MM-DD (the end of that day) or YYYY-MM-DDTHH:MM:SSZ, not \"" + *given + "\".");
    return *instant;
}

void load_grid(const api_services &services, const request &asked, response &reply) {
    const auto database = services.database();
    const store::school school = school_in_path(database->session(), asked);
    const auto which = assessment_in_path(database->session(), school, asked);
    reply.json(services::class_grid_json(services::load_class_grid(database->session(), school, which, scheme_library_of(services),
                                                                   selection_in_query(asked), as_of_of_grid(asked),
                                                                   services::grid_contents::cells_and_pupil_details)));
}

// The grid as the spreadsheet renderer writes it: the service's grid, then the document, then the file.
void send_grid_spreadsheet(const api_services &services, const request &asked, response &reply) {
    const auto database = services.database();
    const store::school school = school_in_path(database->session(), asked);
    const auto which = assessment_in_path(database->session(), school, asked);
    std::optional<plugins::renderer> renderer;
    try {
        renderer.emplace(plugins::find_renderer(services.registry, "xlsx", "", services.renderer_worker));
    } catch (const plugins::plugin_error &missing) {
        throw api_error(status::HTTP_SERVICE_UNAVAILABLE, "unavailable", std::nullopt, missing.what());
    }
    const auto schemes = scheme_library_of(services);
    const auto selection = selection_in_query(asked);
    const auto grid = services::load_class_grid(database->session(), school, which, schemes, selection, as_of_of_grid(asked),
                                                services::grid_contents::cells_and_pupil_details);
    const reports::grid_spreadsheet_scope scope{school.name, selection.filter, services::subject_names(database->session()),
                                                store::utc_timestamp_now()};
    std::ostringstream rendered;
    renderer->render(reports::build_grid_spreadsheet(grid, schemes, scope), rendered);
    reply.stream(renderer->media_type(), which.name + " grid" + renderer->file_extension()) << rendered.str();
}

void list_assessments(const api_services &services, const request &asked, response &reply) {
    const auto database = services.database();
    const store::school school = school_in_path(database->session(), asked);
    Poco::JSON::Array list;
    for (const auto &which : services::list_assessments(database->session(), school.id)) list.add(services::assessment_json(which));
    reply.json(list);
}

void show_assessment(const api_services &services, const request &asked, response &reply) {
    const auto database = services.database();
    const store::school school = school_in_path(database->session(), asked);
    reply.json(services::assessment_json(assessment_in_path(database->session(), school, asked)));
}

}  // namespace

void add_assessments_routes(router &routes, const api_services &services) {
    add_tracking_route(routes, "GET", school_path + "/assessments", permission::read_school, list_assessments, services);
    add_tracking_route(routes, "POST", school_path + "/assessments", permission::write_tracking, create_assessment, services);
    add_tracking_route(routes, "GET", school_path + "/assessments/{assessment}", permission::read_school, show_assessment,
                       services);
    add_tracking_route(routes, "GET", school_path + "/assessments/{assessment}/grid", permission::read_school, load_grid,
                       services);
    add_tracking_route(routes, "GET", school_path + "/assessments/{assessment}/grid/spreadsheet", permission::read_school,
                       send_grid_spreadsheet, services);
}

}  // namespace waymark::http
