// The CSV renderer plugin (org.waymark.renderer.csv): every tabular part of a report in one
// RFC 4180 file that Excel opens as UTF-8. Layout of the file (also in reports/DOCUMENT_MODEL.md):
//   - a UTF-8 byte order mark, CRLF line ends, fields quoted when they hold a comma, quote or line end;
//   - first the report's own description: a title line, then "field,value" lines (school, what it
//     counts, filters, dates, schemes, pupils excluded);
//   - then each table, matrix, Venn (its regions), chart (its data) and drill-down list in document
//     order, each after one empty line and a line holding only its title; header rows first (a
//     spanning heading is followed by empty fields), then body rows, then statistics rows.
//   - a field that a spreadsheet would run as a formula (starting =, +, -, @ and not a number)
//     gets a leading apostrophe.
#pragma once

#include <waymark/plugin.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace waymark::renderers {

class csv_renderer {
public:
    static constexpr waymark::plugin_info info{"org.waymark.renderer.csv", WAYMARK_KIND_RENDERER, "CSV", "Waymark",
                                               "1.0.0", "Writes every table of a report to one UTF-8 CSV file."};
    static constexpr const char *format = "csv";
    static constexpr const char *media_type = "text/csv; charset=utf-8";
    static constexpr const char *file_extension = ".csv";

    explicit csv_renderer(const waymark::plugin_args &) {}

    void render(std::string_view document, const std::function<void(const uint8_t *, uint64_t)> &write) const;
};

// One field quoted as RFC 4180 asks (and guarded against formula injection).
std::string csv_field(std::string_view text);

}  // namespace waymark::renderers
