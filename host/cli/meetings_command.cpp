#include "command.hpp"
#include "print_json.hpp"
#include "text_table.hpp"
#include "tracking_records_options.hpp"
#include "tracking_session.hpp"

#include "services/meetings/cohort_meetings.hpp"
#include "services/meetings/pupil_meetings.hpp"
#include "services/meetings/tracking_records_json.hpp"

#include <ostream>

namespace waymark::cli {
namespace {

void print_answers(std::ostream &out, const std::vector<services::meeting_answer> &answers) {
    text_table table({"Area", "Question", "Notes", "Agreed next steps"});
    for (const auto &a : answers) table.add_row({a.subject, a.question, a.notes, a.next_steps});
    table.print_or(out, "No discussion-area questions were live that day.");
}

void show_pupil_meeting(std::ostream &out, const services::pupil_meeting &m) {
    out << "Pupil progress meeting " << m.id << ": " << m.pupil_name << " (" << m.upn << "), " << m.teacher << ", "
        << domain::format_iso_date(m.held_on) << '\n';
    text_table standards({"", "Reading", "Writing", "Maths"});
    standards.add_row({"Previous (" + (m.previous_assessment.empty() ? "none" : m.previous_assessment) + ")", m.previous.reading,
                       m.previous.writing, m.previous.maths});
    standards.add_row({"Current (" + (m.assessment.empty() ? "none" : m.assessment) + ")", m.current.reading, m.current.writing,
                       m.current.maths});
    standards.print(out);
    print_answers(out, m.answers);
}

void show_cohort_meeting(std::ostream &out, const services::cohort_meeting &m) {
    out << "Cohort progress meeting " << m.id << ": year " << m.year_group << (m.class_name.empty() ? "" : ", class " + m.class_name)
        << ", " << m.assessment << ", " << m.teacher << ", " << domain::format_iso_date(m.held_on) << " (" << m.pupils
        << " pupils)\n";
    text_table outcomes({"Subject", "Band", "%", "% " + (m.previous_assessment.empty() ? "previous" : m.previous_assessment)});
    for (const auto &o : m.outcomes) {
        outcomes.add_row({o.subject, o.band, std::to_string(o.percent_now),
                          o.percent_previous ? std::to_string(*o.percent_previous) : ""});
    }
    outcomes.print(out);
    print_answers(out, m.answers);
    text_table barriers({"Pupil", "Barrier to learning and proposed support", "Agreed next steps"});
    for (const auto &b : m.barriers) barriers.add_row({b.pupil_name + " (" + b.upn + ")", b.barrier, b.next_steps});
    if (!barriers.empty()) barriers.print(out);
    out << "Targeted support: " << m.targeted_support << "\nSpecific groups: " << m.specific_groups << '\n';
}

void run_pupil(const invocation &args, io streams, tracking_session &session, const std::string &action, bool json) {
    const store::school &school = session.school();
    if (action == "add") {
        const auto words = meeting_words_from(args, 3);
        if (!words.barriers.empty()) throw usage_error("A pupil meeting takes answers (TEMPLATE_ID=NOTES|NEXT STEPS), not barriers.");
        const services::pupil_meeting_spec spec{args.required_option("teacher"), required_date_option(args, "date"),
                                                args.option("assessment"), words.answers};
        const auto made = services::add_pupil_meeting(session.database(), school, args.positional(2, "the pupil's UPN"), spec,
                                                      recorder_of(args).who);
        if (json) print_json(streams.out, services::pupil_meeting_json(made));
        else show_pupil_meeting(streams.out, made);
    } else if (action == "list") {
        const auto meetings = services::pupil_meetings(session.database().session(), school, args.positional(2, "the pupil's UPN"));
        if (json) return print_json(streams.out, services::json_array(meetings, services::pupil_meeting_json));
        text_table table({"Id", "Teacher", "Date", "Assessment"});
        for (const auto &m : meetings) table.add_row({std::to_string(m.id), m.teacher, domain::format_iso_date(m.held_on), m.assessment});
        table.print_or(streams.out, "No progress meetings for this pupil at " + school.name + ".");
    } else if (action == "show") {
        const auto meeting = services::find_pupil_meeting(session.database().session(), school, record_id(args, 2, "The meeting's id"));
        if (json) print_json(streams.out, services::pupil_meeting_json(meeting));
        else show_pupil_meeting(streams.out, meeting);
    } else if (action == "delete") {
        services::delete_pupil_meeting(session.database(), school, record_id(args, 2, "The meeting's id"));
        streams.out << "Deleted the meeting.\n";
    } else {
        throw usage_error("waymark meetings pupil takes add, list, show or delete, not '" + action + "'.");
    }
}

void run_cohort(const invocation &args, io streams, tracking_session &session, const std::string &action, bool json) {
    const store::school &school = session.school();
    if (action == "add") {
        const auto words = meeting_words_from(args, 2);
        services::cohort_meeting_spec spec;
        spec.year_group = whole_number_option(args.required_option("year"), "year", 0, 11);
        spec.class_name = args.option("class");
        spec.assessment = args.required_option("assessment");
        spec.teacher = args.required_option("teacher");
        spec.held_on = required_date_option(args, "date");
        spec.extra_subjects = comma_list(args.option_or("subjects", ""));
        spec.answers = words.answers;
        spec.barriers = words.barriers;
        spec.targeted_support = args.option_or("support", "");
        spec.specific_groups = args.option_or("groups", "");
        const auto made = services::add_cohort_meeting(session.database(), school, session.schemes(), spec, recorder_of(args).who);
        if (json) print_json(streams.out, services::cohort_meeting_json(made));
        else show_cohort_meeting(streams.out, made);
    } else if (action == "list") {
        const auto meetings = services::cohort_meetings(session.database().session(), school);
        if (json) return print_json(streams.out, services::json_array(meetings, services::cohort_meeting_json));
        text_table table({"Id", "Year", "Class", "Assessment", "Teacher", "Date"});
        for (const auto &m : meetings) {
            table.add_row({std::to_string(m.id), std::to_string(m.year_group), m.class_name, m.assessment, m.teacher,
                           domain::format_iso_date(m.held_on)});
        }
        table.print_or(streams.out, "No cohort progress meetings at " + school.name + ".");
    } else if (action == "show") {
        const auto meeting = services::find_cohort_meeting(session.database().session(), school, record_id(args, 2, "The meeting's id"));
        if (json) print_json(streams.out, services::cohort_meeting_json(meeting));
        else show_cohort_meeting(streams.out, meeting);
    } else if (action == "delete") {
        services::delete_cohort_meeting(session.database(), school, record_id(args, 2, "The meeting's id"));
        streams.out << "Deleted the meeting.\n";
    } else {
        throw usage_error("waymark meetings cohort takes add, list, show or delete, not '" + action + "'.");
    }
}

int run_meetings(const invocation &args, io streams) {
    const std::string &kind = args.positional(0, "which meetings: pupil or cohort");
    if (kind != "pupil" && kind != "cohort")
        throw usage_error("waymark meetings takes pupil or cohort first, not '" + kind + "'.");
    const std::string &action = args.positional(1, "what to do: add, list, show or delete");
    tracking_session session(args, streams);
    if (kind == "pupil") run_pupil(args, streams, session, action, args.has_switch("json"));
    else run_cohort(args, streams, session, action, args.has_switch("json"));
    return 0;
}

}  // namespace

extern const command meetings_command{
    "meetings",
    "meetings pupil add UPN --teacher NAME --date DATE [--assessment NAME] [ANSWER...] | meetings pupil list UPN | "
    "meetings cohort add --year N [--class C] --assessment NAME --teacher NAME --date DATE [--subjects a,b] "
    "[--support TEXT] [--groups TEXT] [ANSWER...] [BARRIER...] | meetings cohort list | "
    "meetings pupil|cohort show|delete ID  [--json] [--school LAESTAB] [--as NAME]",
    "Pupil and cohort progress meetings: standards and band percentages from the data, and answers.",
    "A pupil meeting fills the pupil's previous and current reading, writing and maths standards from the\n"
    "judgements of the assessment (--assessment, default the latest on or before --date) and the one before\n"
    "it that academic year. A cohort meeting gives, for the year group (and --class), the whole % of pupils\n"
    "in each band now and at the previous assessment, a discussion area per subject (reading, writing,\n"
    "maths and any --subjects), barriers per pupil, targeted support and specific groups.\n"
    "Both ask the school's questions live on the day (`waymark templates list --type pupil|cohort --on DATE`);\n"
    "answer them as TEMPLATE_ID=NOTES|NEXT STEPS (cohort: TEMPLATE_ID@SUBJECT=NOTES|NEXT STEPS) and give a\n"
    "barrier as UPN=BARRIER|NEXT STEPS. A saved meeting keeps the questions, standards and percentages as\n"
    "they were, whatever later changes. Pupil meetings stay with the school when a pupil moves.",
    {"json"},
    {"school", "as", "assessment", "class", "date", "groups", "subjects", "support", "teacher", "year"},
    run_meetings};

}  // namespace waymark::cli
