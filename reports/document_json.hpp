// The document model as JSON text: what builders hand to the host and the host hands to renderers.
#pragma once

#include "reports/document.hpp"

#include <string>
#include <string_view>

namespace waymark::reports {

// Validates `doc` (document_error when it is malformed) and writes it as compact UTF-8 JSON.
std::string to_json(const document &doc);

// Reads and validates a document. Throws document_error with the JSON path of the first problem:
// not JSON at all, a wrong schema, a missing or mistyped member, a member the schema does not
// have (typos are refused, not ignored), or anything validate() refuses.
document parse_document(std::string_view json);

// "#1A2B3C" <-> 0x1A2B3C.
std::string colour_text(uint32_t rgb);

}  // namespace waymark::reports
