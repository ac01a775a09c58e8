// Reports as files, the same documents `waymark report` writes (reports/builders), streamed with the
// renderer's content type.
//   GET /api/v1/schools/{school}/reports/{report}?format=pdf|xlsx|csv|json[&assessment=ID][&as_of=...][&<filters>]
// {report} is full or venn; without assessment each year group is counted in its latest assessment.
//   GET .../reports/progress?from=ID&assessment=ID[&<filters>]: progress between two assessments.
//   GET .../reports/profile?upn=UPN | ?<filters>: one pupil's profile, or every selected pupil's in one file.
//   GET .../reports/pupil-meeting?meeting=ID | ?upn=UPN, .../reports/cohort-meeting?meeting=ID | ?year=N[&class=C]:
//   a saved meeting's form, or a blank one filled from the data.
#include "http/routes/tracking_scope.hpp"

#include "plugin_host/plugin_error.hpp"
#include "plugin_host/renderer.hpp"
#include "reports/builders/full_report.hpp"
#include "reports/builders/meeting_forms.hpp"
#include "reports/builders/progress_report.hpp"
#include "reports/builders/pupil_profile.hpp"
#include "reports/builders/venn_report.hpp"
#include "reports/document_json.hpp"
#include "services/class_grid.hpp"
#include "services/tracking_records.hpp"
#include "store/database.hpp"

#include <algorithm>
#include <array>
#include <sstream>

namespace waymark::http {
namespace {

std::optional<services::assessment> assessment_in_query(soci::session &session, const store::school &school,
                                                        const request &asked, const std::string &parameter = "assessment") {
    const auto id = asked.query_integer(parameter, 1, INT64_MAX);
    if (!id) return std::nullopt;
    for (auto &which : services::list_assessments(session, school.id))
        if (which.id == *id) return std::move(which);
    throw not_found(parameter, "There is no assessment " + std::to_string(*id) + " at " + school.name + "; GET " + api_base +
                                      "/schools/" + store::laestab(school) + "/assessments lists them with their ids.");
}

std::string assessment_report(soci::session &session, const services::scheme_library &schemes, const store::school &school,
                              const std::string &name, const request &asked) {
    reports::report_scope scope{school, assessment_in_query(session, school, asked), filter_in_query(asked),
                                as_of_in_query(asked), store::utc_timestamp_now()};
    if (name == "progress" && !scope.assessment)
        throw invalid("assessment", "Give the two assessments to measure progress between: from=ID (the earlier) and assessment=ID (the later).");
    const auto from = name == "progress" ? assessment_in_query(session, school, asked, "from") : std::nullopt;
    if (name == "progress" && !from)
        throw invalid("from", "Give the two assessments to measure progress between: from=ID (the earlier) and assessment=ID (the later).");
    const auto cohort = reports::load_assessment_cohort(session, schemes, std::move(scope));
    if (from) return reports::to_json(reports::build_progress_report(session, schemes, cohort, *from));
    return reports::to_json(name == "full" ? reports::build_full_report(cohort, schemes) : reports::build_venn_report(cohort));
}

std::string profile_report(soci::session &session, const services::scheme_library &schemes, const store::school &school,
                           const request &asked) {
    const auto upn = asked.query("upn");
    reports::profile_scope scope{school, upn, filter_in_query(asked), as_of_in_query(asked), store::utc_timestamp_now()};
    try {
        return reports::to_json(reports::build_pupil_profiles(reports::load_pupil_profiles(session, schemes, std::move(scope)), schemes));
    } catch (const services::filter_error &missing) {
        if (upn) throw not_found("upn", missing.what());
        throw;
    }
}

std::string meeting_form(soci::session &session, const services::scheme_library &schemes, const store::school &school,
                         const std::string &name, const request &asked) {
    const bool pupil = name == "pupil-meeting";
    const reports::meeting_form_scope scope{school, as_of_in_query(asked), store::utc_timestamp_now()};
    const auto meeting = asked.query_integer("meeting", 1, INT32_MAX);
    const auto whose = asked.query(pupil ? "upn" : "year");
    if (meeting.has_value() == whose.has_value())
        throw invalid(pupil ? "upn" : "year", pupil ? "Give meeting=ID for a saved meeting's form, or upn=UPN for a blank form for that pupil."
                                                    : "Give meeting=ID for a saved meeting's form, or year=N (and class=C) for a blank form.");
    try {
        if (meeting)
            return reports::to_json(pupil ? reports::saved_pupil_meeting_form(session, schemes, scope, *meeting)
                                          : reports::saved_cohort_meeting_form(session, schemes, scope, *meeting));
        if (pupil) return reports::to_json(reports::blank_pupil_meeting_form(session, schemes, scope, *whose));
        return reports::to_json(reports::blank_cohort_meeting_form(session, schemes, scope,
                                                                   static_cast<int>(*asked.query_integer("year", 0, 11)),
                                                                   asked.query("class")));
    } catch (const services::record_not_found &missing) {
        throw not_found(meeting ? "meeting" : "upn", missing.what());
    }
}

void send_report(const api_services &services, const request &asked, response &reply) {
    const std::string &name = asked.path_parameter("report");
    constexpr std::array<std::string_view, 6> names{"full", "venn", "progress", "profile", "pupil-meeting", "cohort-meeting"};
    if (std::find(names.begin(), names.end(), name) == names.end())
        throw not_found(std::nullopt, "There is no report '" + name + "'; the reports are full, venn, progress, profile, "
                                      "pupil-meeting and cohort-meeting.");
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
    std::string document;
    if (name == "profile") document = profile_report(database->session(), schemes, school, asked);
    else if (name == "pupil-meeting" || name == "cohort-meeting") document = meeting_form(database->session(), schemes, school, name, asked);
    else document = assessment_report(database->session(), schemes, school, name, asked);
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
