// The demo's sign-in accounts, made once in the demo school and printed with what only that run can
// show (their passwords and TOTP secrets): by `waymark demo` and by the main job.
#pragma once

#include "domain/calendar.hpp"
#include "store/database.hpp"

#include <iosfwd>
#include <string_view>

namespace waymark::cli {

void print_demo_accounts(store::database &database, std::string_view mis_schema, domain::date as_of, std::ostream &out);

}  // namespace waymark::cli
