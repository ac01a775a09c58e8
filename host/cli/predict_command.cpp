#include "command.hpp"
#include "print_json.hpp"
#include "text_table.hpp"
#include "tracking_records_options.hpp"
#include "tracking_session.hpp"

#include "services/targets/targets_json.hpp"
#include "services/meetings/tracking_records_json.hpp"

#include <ostream>

namespace waymark::cli {
namespace {

int run_predict(const invocation &args, io streams) {
    tracking_session session(args, streams);
    const store::school &school = session.school();
    std::vector<services::prediction_record> predictions;
    if (args.has_switch("list")) {
        predictions = services::list_predictions(session.database().session(), school, args.option("upn"), args.option("subject"));
    } else {
        const std::string scope_text = args.option_or("history", "school");
        const auto scope = services::parse_history_scope(scope_text);
        if (!scope) throw usage_error("--history takes school or authority, not '" + scope_text + "'.");
        const plugins::predictor predictor = plugins::find_predictor(session.plugins());
        predictions = services::make_predictions(session.database(), school, session.schemes(), predictor,
                                                 args.positional(0, "the subject to predict"), *scope, args.option("upn"),
                                                 recorder_of(args));
    }
    if (args.has_switch("json")) {
        print_json(streams.out, services::json_array(predictions, services::prediction_json));
        return 0;
    }
    text_table table({"UPN", "Subject", "KS ends", "Likely", "Expected %", "Higher %", "Based on", "History", "Note"});
    for (const auto &p : predictions) {
        const auto percent = [](const std::optional<int> &value) { return value ? std::to_string(*value) : std::string(); };
        table.add_row({p.upn, p.subject, domain::format_academic_year({p.academic_year}), p.likely_grade,
                       percent(p.percent_expected), percent(p.percent_higher), std::to_string(p.based_on),
                       std::string(services::history_scope_name(p.scope)), p.note});
    }
    table.print_or(streams.out, "No predictions: no KS2 pupil has a KS1 judgement with points in that subject.");
    return 0;
}

}  // namespace

extern const command predict_command{
    "predict",
    "predict SUBJECT [--upn UPN] [--history school|authority] | predict --list [--upn UPN] [--subject CODE]  [--json] "
    "[--school LAESTAB] [--as NAME]",
    "Predicts KS2 pupils' end-of-key-stage outcomes from their KS1 results and earlier pupils' outcomes.",
    "For each KS2 pupil with a Year 2 Summer judgement in SUBJECT, the predictor plugin looks at earlier\n"
    "pupils with the same result and both a Year 2 and a Year 6 Summer judgement in the same scheme (this\n"
    "school's, or with --history authority every school's in the database) and gives the most likely\n"
    "outcome, the chance of reaching the expected and the higher standard, and how many pupils that rests\n"
    "on; with too few it says so instead of guessing. Predictions are stored, dated, apart from targets and\n"
    "never shown as one; --list shows each pupil's latest. A target well below the prediction is flagged\n"
    "by waymark targets flags.",
    {"json", "list"},
    {"school", "as", "history", "subject", "upn"},
    run_predict};

}  // namespace waymark::cli
