// What the interventions, templates and meetings commands share: record ids and dates on the command
// line, the answers and barriers a meeting is given as words, and printing a record as JSON.
#pragma once

#include "command.hpp"

#include "domain/calendar.hpp"
#include "services/meetings/cohort_meetings.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::cli {

// The positional at `index` as a record id; a usage_error naming `what` otherwise.
long long record_id(const invocation &args, std::size_t index, std::string_view what);

// --NAME YYYY-MM-DD, or nothing when not given; a usage_error for anything else.
std::optional<domain::date> date_option(const invocation &args, std::string_view name);
domain::date required_date_option(const invocation &args, std::string_view name);

// Meeting words after the fixed positionals: an answer is TEMPLATE_ID[@SUBJECT]=NOTES[|NEXT STEPS]
// (the id from waymark templates list), a barrier UPN=BARRIER[|NEXT STEPS]; a UPN starts with a letter
// and an id with a digit, which tells them apart.
struct meeting_words {
    std::vector<services::answer_input> answers;
    std::vector<services::barrier_input> barriers;
};
meeting_words meeting_words_from(const invocation &args, std::size_t first);

// "" for none, else the date as YYYY-MM-DD.
std::string day_text(const std::optional<domain::date> &day);

}  // namespace waymark::cli
