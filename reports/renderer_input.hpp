// What a renderer plugin does first: read the document it was given, and refuse a malformed one as
// the caller's mistake (WAYMARK_ERROR_INVALID_INPUT with the sentence naming the JSON path).
#pragma once

#include "reports/document.hpp"

#include <string_view>

namespace waymark::reports {

// parse_document(), with document_error turned into waymark::invalid_input for the SDK's trampolines.
document read_for_rendering(std::string_view json);

}  // namespace waymark::reports
