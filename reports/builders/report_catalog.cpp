#include "reports/builders/report_catalog.hpp"

#include "reports/builders/full_report.hpp"
#include "reports/builders/meeting_forms.hpp"
#include "reports/builders/progress_matrix.hpp"
#include "reports/builders/progress_report.hpp"
#include "reports/builders/pupil_profile.hpp"
#include "reports/builders/summary_table.hpp"
#include "reports/builders/trends_report.hpp"
#include "reports/builders/venn_report.hpp"

#include "domain/whole_number.hpp"
#include "plugin_host/plugin_error.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace waymark::reports {
namespace {

// The reports of one assessment (--assessment), or of each year group's latest without it.
assessment_cohort cohort_of(const report_request &asked) {
    std::optional<services::assessment> assessment;
    if (const auto named = asked.option("assessment")) assessment = asked.assessment_named(*named, "assessment");
    return load_assessment_cohort(asked.session, asked.schemes,
                                  {asked.school, std::move(assessment), asked.filter, asked.as_of, asked.generated});
}

document full(const report_request &asked) { return build_full_report(cohort_of(asked), asked.schemes); }
document venn_of(const report_request &asked) { return build_venn_report(cohort_of(asked)); }
document summary_of(const report_request &asked) { return build_summary_table(asked.session, cohort_of(asked)); }

// --from and --to: ASSESSMENT[:SUBJECT] each.
data_set data_set_of(const report_request &asked, std::string_view option, const std::vector<std::string> &subjects) {
    const auto given = asked.option(option);
    if (!given || given->empty())
        throw services::filter_error("--" + std::string(option) + " names the " + (option == "from" ? "earlier" : "later") +
                                     " data set: an assessment, or ASSESSMENT:SUBJECT such as \"Autumn 1:reading\"" +
                                     (option == "from" ? std::string(", or statutory data: ks1:reading, eyfs:maths, eyfs:gld.") : std::string(".")));
    auto [assessment, subject] = split_data_set(*given, subjects);
    return {asked.assessment_named(assessment, option), std::move(subject)};
}

// --from may also name statutory data: ks1[:SUBJECT], eyfs[:SUBJECT], eyfs:gld.
document matrix_of(const report_request &asked) {
    const auto subjects = services::assessable_subjects(asked.session);
    const report_scope scope{asked.school, std::nullopt, asked.filter, asked.as_of, asked.generated};
    if (const auto statutory = parse_statutory_set(asked.option("from").value_or("")))
        return build_statutory_matrix(asked.session, asked.schemes, scope, *statutory, data_set_of(asked, "to", subjects));
    const data_set from = data_set_of(asked, "from", subjects);
    return build_progress_matrix(asked.session, asked.schemes, scope, from, data_set_of(asked, "to", subjects));
}

document trends_of(const report_request &asked) {
    return build_trends_report(asked.session, asked.schemes, {asked.school, std::nullopt, asked.filter, asked.as_of, asked.generated});
}

// --from (the earlier) and --assessment (the later): progress is measured between the two.
document progress_of(const report_request &asked) {
    const auto from = asked.option("from");
    const auto to = asked.option("assessment");
    if (!from || !to)
        throw services::filter_error("--from NAME (the earlier) and --assessment NAME (the later) name the two assessments to "
                                     "measure progress between; give both.");
    const services::assessment earlier = asked.assessment_named(*from, "from");
    const auto cohort = load_assessment_cohort(
        asked.session, asked.schemes, {asked.school, asked.assessment_named(*to, "assessment"), asked.filter, asked.as_of, asked.generated});
    return build_progress_report(asked.session, asked.schemes, cohort, earlier, asked.trajectory);
}

// --upn for one pupil; otherwise every pupil the filters select, one after another.
document profile_of(const report_request &asked) {
    return build_pupil_profiles(
        load_pupil_profiles(asked.session, asked.schemes, {asked.school, asked.option("upn"), asked.filter, asked.as_of, asked.generated},
                            asked.trajectory),
        asked.schemes);
}

long long whole_number(const std::string &text, std::string_view option, long long highest) {
    const auto value = domain::parse_whole_number(text, 0, highest);
    if (!value) throw services::filter_error("--" + std::string(option) + " takes a whole number, not \"" + text + "\".");
    return *value;
}

// --meeting ID prints a saved meeting; otherwise a blank form for --upn (pupil) or --year [--class] (cohort).
document meeting_form_of(const report_request &asked, bool pupil) {
    const meeting_form_scope scope{asked.school, asked.as_of, asked.generated};
    const auto meeting = asked.option("meeting");
    const auto whose = asked.option(pupil ? "upn" : "year");
    if (meeting.has_value() == whose.has_value())
        throw services::filter_error(pupil ? "--upn UPN for a blank form for that pupil, or --meeting ID for a saved meeting: "
                                             "give one of them."
                                           : "--year N (and --class C) for a blank form, or --meeting ID for a saved meeting: "
                                             "give one of them.");
    if (meeting) {
        const long long id = whole_number(*meeting, "meeting", INT32_MAX);
        return pupil ? saved_pupil_meeting_form(asked.session, asked.schemes, scope, id)
                     : saved_cohort_meeting_form(asked.session, asked.schemes, scope, id);
    }
    if (pupil) return blank_pupil_meeting_form(asked.session, asked.schemes, scope, *whose);
    return blank_cohort_meeting_form(asked.session, asked.schemes, scope, static_cast<int>(whole_number(*whose, "year", 11)),
                                     asked.option("class"));
}

document pupil_meeting_of(const report_request &asked) { return meeting_form_of(asked, true); }
document cohort_meeting_of(const report_request &asked) { return meeting_form_of(asked, false); }

constexpr std::array<report_kind, 9> kinds{{
    {"full", "per subject, the number and percentage of pupils at each grade, on track and with no judgement", full},
    {"venn", "reading, writing and maths on track or above as a three-circle Venn diagram", venn_of},
    {"matrix", "an earlier data set (an assessment, KS1 or EYFS) against a later one, pupils named in each cell, with No data", matrix_of},
    {"summary", "prior attainment, teacher assessment and test averages by year group and pupil characteristic", summary_of},
    {"trends", "the share on track or above per subject, term by term across academic years, as a table and a chart", trends_of},
    {"progress", "each pupil's progress between two assessments against the scheme's expectation, the key measures, and attainment "
                 "against targets", progress_of},
    {"profile", "one pupil's whole journey: every assessment, statutory results, interventions, meetings and targets", profile_of},
    {"pupil-meeting", "the pupil progress meeting form, saved or blank with the standards filled in", pupil_meeting_of},
    {"cohort-meeting", "the cohort progress meeting form, saved or blank with the band percentages filled in", cohort_meeting_of},
}};

}  // namespace

std::optional<plugins::trajectory> report_trajectory(const plugins::registry &plugins) {
    try {
        return plugins::find_trajectory(plugins);
    } catch (const plugins::plugin_error &) {
        return std::nullopt;
    }
}

std::span<const report_kind> report_kinds() { return kinds; }

const report_kind *find_report_kind(std::string_view name) {
    const auto found = std::find_if(kinds.begin(), kinds.end(), [&](const report_kind &kind) { return kind.name == name; });
    return found == kinds.end() ? nullptr : &*found;
}

std::string report_kind_names() {
    std::string names;
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        if (i > 0) names += i + 1 == kinds.size() ? " or " : ", ";
        names += kinds[i].name;
    }
    return names;
}

}  // namespace waymark::reports
