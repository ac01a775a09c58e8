// The PDF renderer plugin (org.waymark.renderer.pdf): a report document laid out on A4 pages with
// libharu, DejaVu Sans embedded once per document so every name prints as written.
#pragma once

#include <waymark/plugin.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace waymark::renderers {

class pdf_renderer {
public:
    static constexpr waymark::plugin_info info{
        "org.waymark.renderer.pdf", WAYMARK_KIND_RENDERER, "PDF", "Waymark", "1.0.0",
        "Renders reports as A4 PDF documents with page headers, repeated table headings and drill-down appendices."};
    static constexpr const char *format = "pdf";
    static constexpr const char *media_type = "application/pdf";
    static constexpr const char *file_extension = ".pdf";

    // The configuration, when not empty, is the path of the TrueType font to embed.
    explicit pdf_renderer(const waymark::plugin_args &args);

    void render(std::string_view document, const std::function<void(const uint8_t *, uint64_t)> &write) const;

private:
    std::string font_file_;
    std::string code_page_font_file_;
};

}  // namespace waymark::renderers
