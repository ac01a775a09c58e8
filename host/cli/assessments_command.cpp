#include "command.hpp"
#include "text_table.hpp"
#include "tracking_session.hpp"

#include <ostream>

namespace waymark::cli {
namespace {

std::string year_groups_text(const std::vector<int> &years) {
    std::string text;
    for (const int year : years) text += (text.empty() ? "" : ", ") + (year == 0 ? std::string("R") : std::to_string(year));
    return text;
}

services::assessment spec_of(const invocation &args) {
    services::assessment spec;
    spec.name = args.positional(1, "the assessment's name (waymark assessments create NAME --date YYYY-MM-DD --years 3,4)");
    const std::string &date_text = args.required_option("date");
    const auto date = domain::parse_iso_date(date_text);
    if (!date) throw usage_error("--date takes a date as YYYY-MM-DD, not '" + date_text + "'.");
    spec.assessed_on = *date;
    spec.year = domain::academic_year_of(*date);
    spec.term = domain::term_of(*date);
    if (auto term = args.option("term")) {
        const auto named = domain::parse_term(*term);
        if (!named) throw usage_error("--term takes Autumn, Spring or Summer, not '" + *term + "'.");
        spec.term = *named;
    }
    for (const auto &year : comma_list(args.required_option("years")))
        spec.year_groups.push_back(year == "R" ? 0 : whole_number_option(year, "years", -99, 99));
    for (const auto &code : comma_list(args.option_or("subjects", ""))) spec.subjects.push_back({code, "", {}});
    // --schemes history=org.waymark.lep-points,... overrides the default per subject.
    for (const auto &pair : comma_list(args.option_or("schemes", ""))) {
        const auto equals = pair.find('=');
        if (equals == std::string::npos) throw usage_error("--schemes takes SUBJECT=SCHEME pairs, not '" + pair + "'.");
        const std::string code = pair.substr(0, equals);
        if (!spec.subject(code)) spec.subjects.push_back({code, "", {}});
        for (auto &subject : spec.subjects)
            if (subject.code == code) subject.scheme_id = pair.substr(equals + 1);
    }
    // --tests reading=standardised,maths=raw: a test score column per subject, of that kind.
    for (const auto &pair : comma_list(args.option_or("tests", ""))) {
        const auto equals = pair.find('=');
        const auto kind = equals == std::string::npos ? std::nullopt : services::parse_test_score_kind(pair.substr(equals + 1));
        if (!kind) throw usage_error("--tests takes SUBJECT=KIND pairs, KIND one of standardised, raw, percentage, reading_age; not '" + pair + "'.");
        const std::string code = pair.substr(0, equals);
        if (!spec.subject(code)) spec.subjects.push_back({code, "", {}});
        for (auto &subject : spec.subjects)
            if (subject.code == code) subject.test_score = kind;
    }
    spec.formative_title = args.option("formative");
    spec.test_scores_title = args.option("tests-title");
    spec.phonics = args.has_switch("phonics");
    return spec;
}

void print_assessment(const services::assessment &a, std::ostream &out) {
    out << a.name << " (" << domain::format_iso_date(a.assessed_on) << ", " << domain::term_name(a.term) << ' '
        << domain::format_academic_year(a.year) << ", years " << year_groups_text(a.year_groups) << ")\n";
    text_table table({"subject", "scheme", "test score"});
    for (const auto &s : a.subjects)
        table.add_row({s.code, s.scheme_id, s.test_score ? std::string(services::test_score_kind_name(*s.test_score)) : ""});
    table.print(out);
    if (a.formative_title) out << "  formative column: " << *a.formative_title << '\n';
    if (a.test_scores_title) out << "  test scores title: " << *a.test_scores_title << '\n';
    if (a.phonics) out << "  phonics column\n";
}

int run_assessments(const invocation &args, io streams) {
    const std::string &action = args.positional(0, "what to do: create, list or show");
    if (action != "create" && action != "list" && action != "show")
        throw usage_error("waymark assessments takes create, list or show, not '" + action + "'.");
    tracking_session session(args, streams);
    if (action == "create") {
        const auto made = services::create_assessment(session.database(), session.school(), spec_of(args), session.schemes(),
                                                      args.option_or("scheme", default_scheme_id));
        streams.out << "Created assessment ";
        print_assessment(made, streams.out);
        return 0;
    }
    if (action == "show") {
        print_assessment(services::find_assessment(session.database().session(), session.school().id,
                                                   args.positional(1, "the assessment's name")),
                         streams.out);
        return 0;
    }
    text_table table({"name", "date", "term", "year groups", "subjects"});
    for (const auto &a : services::list_assessments(session.database().session(), session.school().id))
        table.add_row({a.name, domain::format_iso_date(a.assessed_on),
                       std::string(domain::term_name(a.term)) + ' ' + domain::format_academic_year(a.year),
                       year_groups_text(a.year_groups), std::to_string(a.subjects.size())});
    table.print_or(streams.out, session.school().name + " has no assessments yet.", "");
    return 0;
}

}  // namespace

extern const command assessments_command{
    "assessments",
    "assessments create NAME --date YYYY-MM-DD --years 3,4 [options] | assessments list | assessments show NAME",
    "Create, list and show the school's assessments (the columns judgements are recorded in).",
    "create: NAME and --date (the academic year and term follow from it; --term overrides the term),\n"
    "--years the year groups (R or 0 for Reception, 1..11). Reading, writing and maths are always judged;\n"
    "--subjects adds others (gps, science, history, geography, design_technology, art_design, music, pe,\n"
    "computing, languages_ks1, languages_ks2, pshe, citizenship, re). Each subject is judged against\n"
    "the school's scheme for it (waymark subjects), else --scheme ID (default org.waymark.lancashire-four-band),\n"
    "unless --schemes SUBJECT=ID,... says otherwise.\n"
    "Optional columns: --formative TITLE (free text), --tests SUBJECT=KIND,... with --tests-title TITLE\n"
    "(KIND: standardised, raw, percentage, reading_age in months), --phonics (free text, 50 characters).\n"
    "--school picks the school when the database holds several.",
    {"phonics"},
    {"school", "date", "formative", "scheme", "schemes", "subjects", "term", "tests", "tests-title", "years"},
    run_assessments};

}  // namespace waymark::cli
