// A libharu document seen from the top-left corner of A4 pages, in points: the drawing primitives
// the PDF renderer needs, one embedded UTF-8 TrueType font (bold is the same font filled and
// stroked, so the font is embedded once per document), and libharu's errors turned into exceptions.
#pragma once

#include <hpdf.h>
#include <iconv.h>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::renderers {

// The TrueType font the renderer embeds: `configured` when the plugin's configuration names one,
// otherwise DejaVu Sans from Debian's fonts-dejavu-core. Throws a sentence naming the path and the
// package when the file is missing.
std::string find_font(std::string_view configured);

// The font for a document drawn in a single-byte code page: the configured one when there is one,
// else DejaVu Sans cut down to the code pages' characters (built beside the module), which libharu
// embeds several times faster, else `font_file` when that was not built.
std::string code_page_font(const std::string &font_file, std::string_view configured);

// The encoding a document's text is drawn in. libharu's UTF-8 (CID) font prints any name, but it
// builds its glyph map over all 65,536 code points: a third of a one-page report's time. So a
// document whose text all fits one of libharu's single-byte code pages (Western, Central European,
// Turkish, Baltic, Cyrillic) is drawn in the first that does, with the same embedded glyphs, and
// only a document mixing scripts pays for "UTF-8".
inline constexpr const char *unicode = "UTF-8";
std::string encoding_for(std::string_view document_json);


struct point {
    float x = 0;
    float y = 0;
};

struct text_style {
    float size = 9.0f;
    bool bold = false;
    uint32_t colour = 0x000000;
};

class pdf_canvas {
public:
    pdf_canvas(const std::string &font_file, const std::string &encoding);
    ~pdf_canvas();
    pdf_canvas(const pdf_canvas &) = delete;
    pdf_canvas &operator=(const pdf_canvas &) = delete;

    void set_info(const std::string &title, const std::string &author);

    // Adds an A4 page and makes it the one drawn on.
    void add_page(bool landscape);
    std::size_t page_count() const { return pages_.size(); }
    // Draws on an earlier page again (headers and "page x of y" go on once the count is known).
    void select_page(std::size_t index);
    std::size_t current_page() const { return current_; }
    float width() const { return width_; }
    float height() const { return height_; }

    float text_width(std::string_view text, const text_style &style) const;
    // `baseline` is measured from the top of the page.
    void text(float x, float baseline, std::string_view text, const text_style &style);

    void fill_rect(float x, float top, float w, float h, uint32_t colour);
    void stroke_rect(float x, float top, float w, float h, uint32_t colour, float line_width);
    void line(point from, point to, uint32_t colour, float line_width, bool dashed = false);
    void polyline(const std::vector<point> &points, uint32_t colour, float line_width, bool dashed);
    // A filled circle at `alpha` opacity (so overlaps show through) with a solid outline.
    void circle(point centre, float radius, uint32_t fill, float alpha, uint32_t outline);
    void fill_polygon(const std::vector<point> &points, uint32_t colour);

    // A clickable area on the current page that jumps to `target_page` at `target_top`.
    void link(float x, float top, float w, float h, std::size_t target_page, float target_top);

    // Writes the finished PDF in pieces.
    void save(const std::function<void(const uint8_t *, uint64_t)> &write);

private:
    static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *self);
    void check(const char *doing) const;
    float pdf_y(float top) const { return height_ - top; }
    void set_fill(uint32_t colour);
    void set_stroke(uint32_t colour);
    void set_line_width(float width);
    // `utf8` as the font's encoding expects it.
    std::string encoded(std::string_view utf8) const;

    HPDF_Doc doc_ = nullptr;
    HPDF_Font font_ = nullptr;
    iconv_t to_single_byte_ = reinterpret_cast<iconv_t>(-1);
    std::map<float, HPDF_ExtGState> translucency_;
    std::vector<HPDF_Page> pages_;
    std::size_t current_ = 0;
    HPDF_Page page_ = nullptr;
    // What the current page's graphics state already holds, so each setting is written only when it
    // changes: a table cell otherwise repeats its font, colours and line width, half of a page's bytes.
    struct graphics_state {
        std::optional<uint32_t> fill;
        std::optional<uint32_t> stroke;
        std::optional<float> line_width;
        std::optional<float> font_size;
        std::optional<HPDF_TextRenderingMode> rendering;
    } drawn_;
    float width_ = 0;
    float height_ = 0;
    HPDF_STATUS error_ = HPDF_OK;
    HPDF_STATUS detail_ = 0;
};

}  // namespace waymark::renderers
