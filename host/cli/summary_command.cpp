#include "command.hpp"
#include "print_json.hpp"
#include "pupil_list.hpp"
#include "text_table.hpp"
#include "tracking_session.hpp"

#include "services/tracking/summary_statistics.hpp"
#include "services/tracking/summary_statistics_json.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>

namespace waymark::cli {
namespace {

std::string two_places(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", value);
    return text;
}

// Seed 000's SUMMARY DATA: a number and a percentage row per grade, subjects across, with the
// combined reading-writing-maths column filled where it means something (on track or above).
void print_summary(const services::assessment_summary &summary, std::ostream &out) {
    std::vector<std::string> headings{""};
    for (const auto &row : summary.subjects) headings.push_back(row.subject);
    headings.emplace_back("R,W,M");
    text_table table(headings);
    // Subjects judged against different schemes have different grades: a label row per grade seen.
    std::vector<std::string> labels;
    for (const auto &row : summary.subjects)
        for (const auto &grade : row.grades)
            if (std::find(labels.begin(), labels.end(), grade.label) == labels.end()) labels.push_back(grade.label);
    for (const auto &label : labels) {
        std::vector<std::string> count{"Number " + label}, percent{"% " + label};
        for (const auto &row : summary.subjects) {
            const auto grade = std::find_if(row.grades.begin(), row.grades.end(), [&](const auto &g) { return g.label == label; });
            count.push_back(grade == row.grades.end() ? "" : std::to_string(grade->pupils));
            percent.push_back(grade == row.grades.end() ? "" : two_places(grade->percent));
        }
        table.add_row(std::move(count));
        table.add_row(std::move(percent));
    }
    std::vector<std::string> on_track{"Number on track or above"}, on_track_percent{"% on track or above"}, missing{"No judgement"};
    for (const auto &row : summary.subjects) {
        on_track.push_back(std::to_string(row.on_track));
        on_track_percent.push_back(two_places(row.on_track_percent));
        missing.push_back(std::to_string(row.no_judgement));
    }
    on_track.push_back(std::to_string(summary.reading_writing_maths_on_track));
    on_track_percent.push_back(two_places(summary.reading_writing_maths_percent));
    table.add_row(std::move(on_track));
    table.add_row(std::move(on_track_percent));
    table.add_row(std::move(missing));

    out << summary.assessment << (summary.as_of.empty() ? std::string() : " as of " + summary.as_of) << " ("
        << summary.filter << "): " << summary.pupils << (summary.pupils == 1 ? " pupil" : " pupils") << "; "
        << summary.excluded_pupils << " excluded from data.\n";
    table.print(out, "");
    for (const auto &score : summary.test_scores) {
        out << "Average " << score.subject << " test score (" << score.kind << "): "
            << (score.average ? two_places(*score.average) : std::string("none")) << " over " << score.pupils
            << (score.pupils == 1 ? " pupil" : " pupils") << ".\n";
    }
}

int run_summary(const invocation &args, io streams) {
    tracking_session session(args, streams);
    const auto which = session.assessment(args);
    const services::pupil_filter filter = filter_of(args);
    services::assessment_summary summary;
    try {
        summary = services::summarise(session.database().session(), session.school(), which, session.schemes(), filter,
                                      as_of_instant(args));
    } catch (const services::filter_error &error) {
        throw usage_error(error.what());
    }
    if (args.has_switch("json")) {
        print_json(streams.out, services::summary_json(summary));
    } else {
        print_summary(summary, streams.out);
    }
    return 0;
}

// Beside the filters: the session's school, the assessment and the instant counted at.
constexpr std::string_view summary_options[]{"school", "assessment", "as-of"};

}  // namespace

extern const command summary_command{
    "summary",
    "summary --assessment NAME [filters] [--as-of DATE] [--json]  [--school LAESTAB]",
    "Summary data under an assessment: pupils per grade and on track or above, per subject and for R,W,M.",
    "Counts and percentages (two decimals) of the included pupils the filters choose in the assessment's\n"
    "year groups: each grade of each subject, on track or above (as each subject's scheme decides in the\n"
    "pupil's context), pupils with no judgement, reading, writing and maths all on track or above, and\n"
    "the average of each test score column. The first line says how many pupils the filters chose but\n"
    "\"include in data\" leaves out. --as-of YYYY-MM-DD (end of that day) or YYYY-MM-DDTHH:MM:SSZ counts\n"
    "the judgements as they stood then. The filters are those of `waymark pupils list` (see\n"
    "`waymark help pupils`); --academic-year defaults to the assessment's.",
    {"json"},
    option_names({services::pupil_filter_options(), summary_options}),
    run_summary};

}  // namespace waymark::cli
