#include "command.hpp"
#include "print_json.hpp"
#include "text_table.hpp"
#include "tracking_records_options.hpp"
#include "tracking_session.hpp"

#include "services/targets/target_import.hpp"
#include "services/targets/targets_json.hpp"
#include "services/meetings/tracking_records_json.hpp"

#include <ostream>

namespace waymark::cli {
namespace {

services::target_horizon horizon_of(const invocation &args) {
    const std::string text = args.option_or("horizon", "end_of_key_stage");
    const auto horizon = services::parse_target_horizon(text);
    if (!horizon) throw usage_error("--horizon takes end_of_year or end_of_key_stage, not '" + text + "'.");
    return *horizon;
}

std::string year_text(int start_year) { return domain::format_academic_year({start_year}); }

void print_targets(std::ostream &out, const std::vector<services::target_record> &targets, bool json) {
    if (json) return print_json(out, services::json_array(targets, services::target_json));
    text_table table({"UPN", "Subject", "Horizon", "Year", "Target", "Scheme", "Set by", "Set at"});
    for (const auto &t : targets) {
        table.add_row({t.target.upn, t.target.subject, std::string(services::target_horizon_name(t.target.horizon)),
                       year_text(t.academic_year), t.cleared ? "(cleared)" : t.grade_code, t.scheme_id, t.set_by, t.set_at});
    }
    table.print_or(out, "No targets; set one with waymark targets set UPN SUBJECT GRADE.");
}

void print_flags(std::ostream &out, const std::vector<services::target_flag_record> &flags, bool json) {
    if (json) return print_json(out, services::json_array(flags, services::target_flag_json));
    text_table table({"UPN", "Subject", "Target", "Severity", "Flag", "What to do"});
    for (const auto &f : flags) table.add_row({f.upn, f.subject, f.grade_code, f.severity_name(), f.code, f.sentence});
    table.print_or(out, "No target is flagged.");
}

void print_trajectories(std::ostream &out, const std::vector<services::pupil_trajectory> &lines, bool json) {
    if (json) return print_json(out, services::json_array(lines, services::trajectory_json));
    if (lines.empty()) out << "No end-of-key-stage targets, so no trajectories.\n";
    for (const auto &line : lines) {
        out << line.upn << " " << line.subject << ": ";
        if (!line.unavailable.empty()) {
            out << line.unavailable << "\n";
            continue;
        }
        out << "notional trajectory from " << line.baseline_grade << " (" << domain::term_name(line.baseline_term) << " "
            << year_text(line.baseline_year) << ") to " << line.target_grade << "; "
            << (line.rounding == services::trajectory_rounding::pair ? "pairs of grades where the line falls between"
                                                                     : "nearest grade")
            << ", " << line.weighting << " weighting\n";
        text_table table({"Year", "Term", "NC year", "Progress target", "Attained", "Against it", "Gap"});
        for (const auto &t : line.terms) {
            table.add_row({year_text(t.academic_year), std::string(domain::term_name(t.term)), std::to_string(t.nc_year),
                           t.grade, t.attained.value_or(""), t.position, t.gap > 0 ? std::to_string(t.gap) : ""});
        }
        table.print(out);
    }
}

services::target_policy policy_from(const invocation &args, services::target_policy policy) {
    if (auto who = args.option("who-may-set")) policy.who_may_set = *who;
    if (args.option("window-from")) policy.window_from = date_option(args, "window-from");
    if (args.option("window-to")) policy.window_to = date_option(args, "window-to");
    if (args.has_switch("no-window")) policy.window_from = policy.window_to = std::nullopt;
    if (auto points = args.option("rate-points")) policy.rate_points = whole_number_option(*points, "rate-points", 0, 1000);
    if (auto terms = args.option("rate-terms")) policy.rate_terms = whole_number_option(*terms, "rate-terms", 0, 100);
    if (auto rounding = args.option("rounding")) {
        const auto parsed = services::parse_trajectory_rounding(*rounding);
        if (!parsed) throw usage_error("--rounding takes nearest or pair, not '" + *rounding + "'.");
        policy.rounding = *parsed;
    }
    if (auto weights = args.option("weights")) policy.term_weights = services::parse_term_weights(*weights);
    return policy;
}

void print_policy(std::ostream &out, const services::target_policy &policy, bool json) {
    if (json) return print_json(out, services::target_policy_json(policy));
    const auto day = [](const auto &d) { return d ? domain::format_iso_date(*d) : std::string("any day"); };
    out << "Targets may change: from " << day(policy.window_from) << " to " << day(policy.window_to) << "\n"
        << "Who may set them: " << (policy.who_may_set.empty() ? "not restricted" : policy.who_may_set) << "\n"
        << "Minimum progress: "
        << (policy.rate_terms > 0 ? std::to_string(policy.rate_points) + " points over " + std::to_string(policy.rate_terms) + " terms"
                                  : std::string("none set"))
        << "\nTrajectories show: " << services::trajectory_rounding_name(policy.rounding) << "\nTerm weights: "
        << (policy.term_weights.empty() ? "the scheme's expected progress, else even" : services::format_term_weights(policy.term_weights))
        << "\n";
}

int run_targets(const invocation &args, io streams) {
    const std::string &action = args.positional(0, "what to do: set, clear, list, import, trajectory, flags or policy");
    tracking_session session(args, streams);
    const store::school &school = session.school();
    const bool json = args.has_switch("json");
    auto &db = session.database();
    if (action == "set") {
        const plugins::validator validator = plugins::find_validator(session.plugins());
        const services::target_change change{{args.positional(1, "the pupil's UPN"), args.positional(2, "the subject"), horizon_of(args)},
                                             args.positional(3, "the target grade"), args.option_or("scheme", "")};
        const auto set = services::set_targets(db, school, session.schemes(), {&change, 1}, recorder_of(args), &validator);
        if (json) print_json(streams.out, services::target_json(set.front()));
        else streams.out << "Target " << set.front().grade_code << " set for " << change.target.upn << " in " << change.target.subject << ".\n";
    } else if (action == "clear") {
        const plugins::validator validator = plugins::find_validator(session.plugins());
        const services::target_address target{args.positional(1, "the pupil's UPN"), args.positional(2, "the subject"), horizon_of(args)};
        services::clear_target(db, school, session.schemes(), target, recorder_of(args), &validator);
        streams.out << "Cleared the " << services::target_horizon_name(target.horizon) << " " << target.subject << " target of "
                    << target.upn << ".\n";
    } else if (action == "list") {
        print_targets(streams.out, services::list_targets(db.session(), school, {args.option("upn"), args.option("subject"),
                                                                                 as_of_instant(args), args.has_switch("history")}),
                      json);
    } else if (action == "import") {
        const plugins::validator validator = plugins::find_validator(session.plugins());
        const auto result = services::import_target_csv(db, school, session.schemes(), args.positional(1, "the CSV file"),
                                                        recorder_of(args), &validator);
        if (!result.ok()) {
            for (const auto &problem : result.problems) streams.err << connectors::csv::describe(problem) << "\n";
            streams.err << "Nothing was imported; fix the lines above and import the file again.\n";
            return 1;
        }
        streams.out << "Imported " << result.recorded.size() << " targets.\n";
    } else if (action == "trajectory") {
        const plugins::trajectory plotter = plugins::find_trajectory(session.plugins());
        print_trajectories(streams.out, services::school_trajectories(db.session(), school, session.schemes(), plotter,
                                                                       {args.option("upn"), args.option("subject")}),
                           json);
    } else if (action == "flags") {
        if (args.has_switch("every-school")) {
            const plugins::validator validator = plugins::find_validator(session.plugins());
            const auto raised = services::validate_every_school(db, session.schemes(), validator, store::utc_timestamp_now());
            streams.out << "Validated the targets of every school in the database: " << raised << (raised == 1 ? " flag" : " flags")
                        << " raised.\n";
            return 0;
        }
        if (args.has_switch("refresh")) {
            const plugins::validator validator = plugins::find_validator(session.plugins());
            db.transaction("validating every target", [&](soci::session &s) {
                services::validate_targets(s, school, session.schemes(), validator, {}, store::utc_timestamp_now());
            });
        }
        print_flags(streams.out, services::list_target_flags(db.session(), school, {args.option("upn"), args.option("class")}), json);
    } else if (action == "policy") {
        auto policy = services::read_target_policy(db.session(), school);
        const bool changing = args.option("who-may-set") || args.option("window-from") || args.option("window-to") ||
                              args.has_switch("no-window") || args.option("rate-points") || args.option("rate-terms") ||
                              args.option("rounding") || args.option("weights");
        if (changing) policy = services::save_target_policy(db, school, policy_from(args, policy), recorder_of(args));
        print_policy(streams.out, policy, json);
    } else {
        throw usage_error("waymark targets takes set, clear, list, import, trajectory, flags or policy, not '" + action + "'.");
    }
    return 0;
}

}  // namespace

extern const command targets_command{
    "targets",
    "targets set UPN SUBJECT GRADE [--horizon end_of_key_stage|end_of_year] [--scheme ID] | targets clear UPN SUBJECT "
    "[--horizon H] | targets list [--upn UPN] [--subject CODE] [--as-of DATE] [--history] | targets import FILE.csv | "
    "targets trajectory [--upn UPN] [--subject CODE] | targets flags [--upn UPN] [--class NAME] [--refresh|--every-school] | targets "
    "policy [--window-from DATE] [--window-to DATE] [--no-window] [--rate-points N --rate-terms N] [--rounding "
    "nearest|pair] [--weights A,S,S] [--who-may-set TEXT]  [--json] [--school LAESTAB] [--as NAME]",
    "Pupils' targets with their history, notional trajectories, target flags and the school's target policy.",
    "A target is the outcome agreed for a pupil in a subject at the end of the key stage (default) or of\n"
    "this year, in the subject's scheme (the one the school's latest assessment judges it in, or --scheme).\n"
    "Every change is kept: list --history shows them, --as-of shows the targets in force then. Targets are\n"
    "checked by the validator plugin as they are set, imported or cleared, and again when judgements are\n"
    "recorded: flags lists what it found (below the prior or current result, below the school's rate,\n"
    "well below the prediction); --refresh checks every target of the school again, --every-school every\n"
    "target of every school in the database (an authority's, after a term's assessments). import reads\n"
    "a CSV with the columns UPN, subject, horizon, grade (and optionally scheme): every bad line is listed\n"
    "and nothing is stored.\n"
    "trajectory draws the notional line from the pupil's earliest judgement to the end-of-key-stage target,\n"
    "one progress target a term, and marks each review's judgement above, on or below it with the gap.\n"
    "policy with no options shows the school's policy; with options it changes it: the window outside which\n"
    "targets cannot change, the minimum progress (e.g. --rate-points 12 --rate-terms 12 for two levels\n"
    "across KS2, 7 over 3 for 7 LEP points a year), nearest grade or pair on trajectories, and Autumn,\n"
    "Spring, Summer weights for uneven terms. Predictions are kept apart: see waymark predict.",
    {"json", "history", "refresh", "every-school", "no-window"},
    {"school", "as", "as-of", "class", "horizon", "rate-points", "rate-terms", "rounding", "scheme", "subject", "upn", "weights", "who-may-set", "window-from", "window-to"},
    run_targets};

}  // namespace waymark::cli
