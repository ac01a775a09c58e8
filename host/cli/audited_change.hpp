// A change to the school's set-up made from the command line, written to the audit log as the API's
// changes are: who (--as NAME, else the operating-system user), at "cli", the method CLI with the
// command line as its path ("classes rename 4A": the method column holds 10 characters, too few for
// "custom-filters"), then 200 with what was done, or the refusal's status (404 for a record that is
// not there, else 422) and its sentence.
#pragma once

#include "tracking_session.hpp"

#include "services/access/audit_log.hpp"
#include "services/tracking/tracking_records.hpp"

#include <string>

namespace waymark::cli {

// Runs `change`; records `summary(result)` when it is done, or the tracking_error that refused it
// (rethrown, so the command still reports it).
template <class Change, class Summary>
auto audited_change(tracking_session &session, const invocation &args, const std::string &command_line, Change &&change,
                    Summary &&summary) {
    const std::string who = recorder_of(args).who;
    const auto record = [&](int status, const std::string &said) {
        services::record_audit(session.database(), {"", who, "cli", "CLI", command_line, status, said});
    };
    try {
        auto done = change();
        record(200, summary(done));
        return done;
    } catch (const services::record_not_found &missing) {
        record(404, missing.what());
        throw;
    } catch (const services::tracking_error &refused) {
        record(422, refused.what());
        throw;
    }
}

}  // namespace waymark::cli
