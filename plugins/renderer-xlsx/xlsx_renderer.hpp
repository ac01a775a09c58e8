// The XLSX renderer plugin (org.waymark.renderer.xlsx): a workbook with a "Report" sheet saying what
// the report counts (filters, dates, schemes, pupils excluded), then one sheet per table, matrix,
// Venn and chart and one for the drill-down lists. Header rows are bold and frozen (and repeated
// when printed), band colours become cell fills with the band's code kept in the text, statistics
// rows are bold on grey, and columns are as wide as their longest entry.
#pragma once

#include <waymark/plugin.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace waymark::renderers {

class xlsx_renderer {
public:
    static constexpr waymark::plugin_info info{"org.waymark.renderer.xlsx", WAYMARK_KIND_RENDERER, "Excel workbook",
                                               "Waymark", "1.0.0",
                                               "Writes each table of a report to a sheet of an Excel workbook."};
    static constexpr const char *format = "xlsx";
    static constexpr const char *media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static constexpr const char *file_extension = ".xlsx";

    explicit xlsx_renderer(const waymark::plugin_args &) {}

    // Through the workbook writer (xlsx_workbook.hpp), loaded on the first call.
    void render(std::string_view document, const std::function<void(const uint8_t *, uint64_t)> &write) const;
};

}  // namespace waymark::renderers
