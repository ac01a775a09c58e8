// `waymark import judgements FILE.csv --assessment NAME`, reached from the import command.
#include "tracking_session.hpp"

#include "services/tracking/judgement_import.hpp"

#include <ostream>

namespace waymark::cli {

int import_judgements(const invocation &args, io streams) {
    const std::string &file = args.positional(1, "the CSV file to import (waymark import judgements FILE.csv --assessment NAME)");
    tracking_session session(args, streams);
    const auto which = session.assessment(args);
    const auto result =
        services::import_judgement_csv(session.database(), session.school(), which, session.schemes(), file, recorder_of(args),
                                       &session.revalidation());
    if (!result.ok()) {
        for (const auto &problem : result.problems) streams.err << file << ": " << connectors::csv::describe(problem) << '\n';
        streams.err << "Nothing was recorded: " << result.problems.size()
                    << (result.problems.size() == 1 ? " problem" : " problems") << " to fix, then run the import again.\n";
        return 1;
    }
    streams.out << "Recorded " << result.recorded << (result.recorded == 1 ? " cell" : " cells") << " of " << which.name << ".\n";
    return 0;
}

}  // namespace waymark::cli
