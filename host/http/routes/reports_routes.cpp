// Reports as files, the same documents `waymark report` writes (reports/builders), streamed with the
// renderer's content type.
//   GET /api/v1/schools/{school}/reports/{report}?format=pdf|xlsx|csv|json[&assessment=ID][&as_of=...][&<filters>]
// {report} is full or venn; without assessment each year group is counted in its latest assessment.
#include "http/routes/tracking_scope.hpp"

#include "plugin_host/plugin_error.hpp"
#include "plugin_host/renderer.hpp"
#include "reports/builders/full_report.hpp"
#include "reports/builders/venn_report.hpp"
#include "reports/document_json.hpp"
#include "services/class_grid.hpp"
#include "store/database.hpp"

#include <sstream>

namespace waymark::http {
namespace {

std::optional<services::assessment> assessment_in_query(soci::session &session, const store::school &school,
                                                        const request &asked) {
    const auto id = asked.query_integer("assessment", 1, INT64_MAX);
    if (!id) return std::nullopt;
    for (auto &which : services::list_assessments(session, school.id))
        if (which.id == *id) return std::move(which);
    throw not_found("assessment", "There is no assessment " + std::to_string(*id) + " at " + school.name + "; GET " + api_base +
                                      "/schools/" + store::laestab(school) + "/assessments lists them with their ids.");
}

void send_report(const api_services &services, const request &asked, response &reply) {
    const std::string &name = asked.path_parameter("report");
    if (name != "full" && name != "venn")
        throw not_found(std::nullopt, "There is no report '" + name + "'; the reports are full and venn.");
    const std::string format = asked.query("format").value_or("pdf");
    std::optional<plugins::renderer> renderer;
    if (format != "json") {
        try {
            renderer.emplace(plugins::find_renderer(services.registry, format));
        } catch (const plugins::plugin_error &refused) {
            throw invalid("format", refused.what());
        }
    }

    const auto database = services.database();
    const store::school school = school_in_path(database->session(), asked);
    const auto schemes = scheme_library_of(services);
    reports::report_scope scope{school, assessment_in_query(database->session(), school, asked), filter_in_query(asked),
                                as_of_in_query(asked), store::utc_timestamp_now()};
    const auto cohort = reports::load_assessment_cohort(database->session(), schemes, std::move(scope));
    const std::string document = reports::to_json(name == "full" ? reports::build_full_report(cohort, schemes)
                                                                 : reports::build_venn_report(cohort));
    if (!renderer) {
        reply.stream(json_content_type) << document;
        return;
    }
    // Rendered whole before the first byte goes, so a renderer's failure is still an error body.
    std::ostringstream rendered;
    renderer->render(document, rendered);
    reply.stream(renderer->media_type(), name + "-report" + renderer->file_extension()) << rendered.str();
}

}  // namespace

void add_reports_routes(router &routes, const api_services &services) {
    add_tracking_route(routes, "GET", school_path + "/reports/{report}", permission::read_school, send_report, services);
}

}  // namespace waymark::http
