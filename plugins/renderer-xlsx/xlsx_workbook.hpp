// The XLSX renderer's workbook writer, a module of its own (renderer-xlsx/workbook.so beside the
// plugin): libxlsxwriter brings OpenSSL's libcrypto, whose loading is a tenth of a `waymark report`
// process, so it is loaded when the first workbook is written, not with every plugin at start-up.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

// A report document (waymark.report/1 JSON) as an .xlsx workbook, handed to `write` in pieces.
// Throws std::runtime_error with a sentence when the document or libxlsxwriter fails. C linkage, so
// the plugin finds it by this name.
extern "C" [[gnu::visibility("default")]] void waymark_xlsx_write_workbook(
    std::string_view document, const std::function<void(const uint8_t *, uint64_t)> &write);

namespace waymark::renderers {

// A worksheet name Excel accepts: at most 31 characters (whole UTF-8 characters), none of []:*?/\.
std::string sheet_name(std::string_view title);

}  // namespace waymark::renderers
