// Reports as files, the same documents `waymark report` writes (reports/builders), streamed with the
// renderer's content type.
//   GET /api/v1/schools/{school}/reports/{report}?format=pdf|xlsx|csv|json[&assessment=ID][&as_of=...][&<filters>]
// {report} is a name of reports/builders/report_catalog.hpp; a report's own parameters (assessment,
// from, to, ...) name assessments by id; upn, meeting, year name pupils, meetings and year groups.
#include "http/routes/tracking_scope.hpp"

#include "domain/whole_number.hpp"

#include "plugin_host/plugin_error.hpp"
#include "plugin_host/renderer.hpp"
#include "reports/builders/report_catalog.hpp"
#include "reports/document_json.hpp"
#include "services/tracking/class_grid.hpp"
#include "services/tracking/tracking_records.hpp"
#include "store/database.hpp"

#include <optional>
#include <sstream>

namespace waymark::http {
namespace {

// The school's assessment whose id a report's parameter gives: 422 on that parameter when it is not an
// id, 404 when the school has no such assessment.
services::assessment assessment_with_id(soci::session &session, const store::school &school, const std::string &value,
                                        std::string_view option) {
    const auto id = domain::parse_whole_number(value, 1);
    if (!id)
        throw invalid(std::string(option), std::string(option) + " takes an assessment id, not \"" + value + "\"; GET " + api_base +
                                               "/schools/" + store::laestab(school) + "/assessments lists them.");
    if (auto found = services::find_assessment_by_id(session, school.id, *id)) return std::move(*found);
    throw not_found("assessment", "There is no assessment " + std::to_string(*id) + " at " + school.name + "; GET " + api_base +
                                      "/schools/" + store::laestab(school) + "/assessments lists them with their ids.");
}

void send_report(const api_services &services, const request &asked, response &reply) {
    const std::string &name = asked.path_parameter("report");
    const reports::report_kind *kind = reports::find_report_kind(name);
    if (kind == nullptr)
        throw not_found(std::nullopt, "There is no report '" + name + "'; the reports are " + reports::report_kind_names() + ".");
    const std::string format = asked.query("format").value_or("pdf");
    std::optional<plugins::renderer> renderer;
    if (format != "json") {
        try {
            renderer.emplace(plugins::find_renderer(services.registry, format, "", services.renderer_worker));
        } catch (const plugins::plugin_error &refused) {
            throw invalid("format", refused.what());
        }
    }

    // Reports read from the replica when there is one.
    const auto read = services.report_database();
    const auto &database = read.database;
    reply.header(reflects_header, read.reflects);
    const store::school school = school_in_path(database->session(), asked);
    const auto schemes = scheme_library_of(services);
    const auto plotter = reports::report_trajectory(services.registry);
    const reports::report_request request{
        database->session(), schemes, school, filter_in_query(asked), as_of_in_query(asked), store::utc_timestamp_now(),
        [&](std::string_view parameter) { return asked.query(std::string(parameter)); },
        [&](const std::string &value, std::string_view parameter) {
            return assessment_with_id(database->session(), school, value, parameter);
        },
        plotter ? &*plotter : nullptr};
    std::optional<reports::document> document;
    try {
        document = kind->build(request);
    } catch (const services::record_not_found &missing) {
        // The meeting or pupil a form or profile names.
        throw not_found(asked.query("meeting") ? "meeting" : "upn", missing.what());
    } catch (const services::filter_error &error) {
        // A report's own option ("--from ...") is the parameter of that name; the filter's are found as
        // the statistics routes find them.
        const std::string message = query_message(error);
        const bool own_option = std::string_view(error.what()).starts_with("--");
        throw invalid(own_option ? message.substr(0, message.find(' ')) : filter_error_field(error), message);
    }
    if (!renderer) {
        reply.stream(json_content_type) << reports::to_json(*document);
        return;
    }
    // Rendered whole before the first byte goes, so a renderer's failure is still an error body.
    std::ostringstream rendered;
    renderer->render(*document, rendered);
    reply.stream(renderer->media_type(), name + "-report" + renderer->file_extension()) << rendered.str();
}

}  // namespace

void add_reports_routes(router &routes, const api_services &services) {
    add_tracking_route(routes, "GET", school_path + "/reports/{report}", permission::read_school, send_report, services);
}

}  // namespace waymark::http
