// The HTML renderer plugin (org.waymark.renderer.html): a report as one self-contained page that a
// browser shows and prints. No script, no external file: the styles are inline, the Venn and the
// charts are SVG, drill-down figures link to their pupil lists further down the page. The page is
// also well-formed XML (XHTML served as HTML), so the same tools that read the other formats can
// check it. It is what the web page shows a report with, and what headless Chromium prints in the
// side-by-side benchmark against the PDF renderer.
#pragma once

#include <waymark/plugin.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace waymark::renderers {

class html_renderer {
public:
    static constexpr waymark::plugin_info info{"org.waymark.renderer.html", WAYMARK_KIND_RENDERER, "HTML", "Waymark", "1.0.0",
                                               "Writes a report as one self-contained web page with SVG figures."};
    static constexpr const char *format = "html";
    static constexpr const char *media_type = "text/html; charset=utf-8";
    static constexpr const char *file_extension = ".html";

    explicit html_renderer(const waymark::plugin_args &) {}

    void render(std::string_view document, const std::function<void(const uint8_t *, uint64_t)> &write) const;
};

// Text with &, <, > and quotes escaped for HTML text and attribute values.
std::string html_escaped(std::string_view text);

}  // namespace waymark::renderers
