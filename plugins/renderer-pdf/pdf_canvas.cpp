#include "pdf_canvas.hpp"
#include "pdf_fonts.hpp"

#include "module_folder.hpp"

#include <waymark/plugin.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <set>
#include <stdexcept>

namespace waymark::renderers {

namespace {

const iconv_t no_converter = reinterpret_cast<iconv_t>(-1);
constexpr float a4_short = 595.28f;
constexpr float a4_long = 841.89f;

float red(uint32_t c) { return static_cast<float>((c >> 16) & 0xFF) / 255.0f; }
float green(uint32_t c) { return static_cast<float>((c >> 8) & 0xFF) / 255.0f; }
float blue(uint32_t c) { return static_cast<float>(c & 0xFF) / 255.0f; }

// `utf8` in the converter's code page, or nothing when one of its characters has no place there.
std::optional<std::string> in_single_byte(iconv_t converter, std::string_view utf8) {
    std::string in(utf8);
    std::string out(in.size(), '\0');
    char *from = in.data();
    char *to = out.data();
    std::size_t from_left = in.size();
    std::size_t to_left = out.size();
    if (iconv(converter, &from, &from_left, &to, &to_left) == static_cast<std::size_t>(-1)) return std::nullopt;
    out.resize(out.size() - to_left);
    return out;
}

// Each character of `utf8` beyond ASCII once: all a code page must hold to print the text, and a few
// bytes to convert instead of the whole document five times.
std::string characters_beyond_ascii(std::string_view utf8) {
    std::set<std::string_view> seen;
    for (std::size_t at = 0; at < utf8.size();) {
        const auto lead = static_cast<unsigned char>(utf8[at]);
        const std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        if (length > 1) seen.insert(utf8.substr(at, length));
        at += length;
    }
    std::string characters;
    for (std::string_view character : seen) characters += character;
    return characters;
}

}  // namespace

std::string find_font(std::string_view configured) {
    const std::string path = configured.empty() ? std::string(debian_font) : std::string(configured);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        throw std::runtime_error("The PDF renderer needs the TrueType font " + path +
                                 ", which is missing; install the Debian package fonts-dejavu-core or give the "
                                 "path of a .ttf font as the renderer's configuration.");
    }
    return path;
}

std::string code_page_font(const std::string &font_file, std::string_view configured) {
    if (!configured.empty()) return font_file;
    const auto folder = plugin_files::module_folder();
    if (folder.empty()) return font_file;
    const auto cut_down = folder / code_page_font_name;
    std::error_code ec;
    return std::filesystem::is_regular_file(cut_down, ec) ? cut_down.string() : font_file;
}

std::string encoding_for(std::string_view document_json) {
    // A JSON escape may hide any character: such a document takes the font that prints them all.
    if (document_json.find("\\u") != std::string_view::npos) return unicode;
    const std::string characters = characters_beyond_ascii(document_json);
    for (const char *code_page : code_pages) {
        const iconv_t converter = iconv_open(code_page, unicode);
        if (converter == no_converter) continue;
        const bool fits = in_single_byte(converter, characters).has_value();
        iconv_close(converter);
        if (fits) return code_page;
    }
    return unicode;
}

// libharu calls this on every failure; it is C code, so nothing may be thrown through it: the
// error is remembered and check() throws once control is back in C++.
void pdf_canvas::on_error(HPDF_STATUS error, HPDF_STATUS detail, void *self) {
    auto *canvas = static_cast<pdf_canvas *>(self);
    if (canvas->error_ == HPDF_OK) {
        canvas->error_ = error;
        canvas->detail_ = detail;
    }
}

void pdf_canvas::check(const char *doing) const {
    if (error_ == HPDF_OK) return;
    char text[200];
    std::snprintf(text, sizeof text, "libharu failed while %s (error 0x%04X, detail %u).", doing,
                  static_cast<unsigned>(error_), static_cast<unsigned>(detail_));
    throw std::runtime_error(text);
}

pdf_canvas::pdf_canvas(const std::string &font_file, const std::string &encoding) {
    doc_ = HPDF_New(&pdf_canvas::on_error, this);
    if (doc_ == nullptr) throw std::bad_alloc();
    HPDF_SetCompressionMode(doc_, HPDF_COMP_ALL);
    if (encoding == unicode) {
        HPDF_UseUTFEncodings(doc_);
        HPDF_SetCurrentEncoder(doc_, unicode);
    } else {
        to_single_byte_ = iconv_open(encoding.c_str(), unicode);
        if (to_single_byte_ == no_converter) throw std::runtime_error("iconv cannot convert UTF-8 to " + encoding + " here.");
    }
    const char *name = HPDF_LoadTTFontFromFile(doc_, font_file.c_str(), HPDF_TRUE);
    check(("loading the font " + font_file).c_str());
    font_ = HPDF_GetFont(doc_, name, encoding.c_str());
    check("preparing the document");
}

pdf_canvas::~pdf_canvas() {
    if (to_single_byte_ != no_converter) iconv_close(to_single_byte_);
    HPDF_Free(doc_);
}

std::string pdf_canvas::encoded(std::string_view utf8) const {
    if (to_single_byte_ == no_converter) return std::string(utf8);
    // ASCII is the same bytes in every code page tried, so most of a report's words skip iconv.
    if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return std::string(utf8);
    std::optional<std::string> single_byte = in_single_byte(to_single_byte_, utf8);
    // encoding_for() saw every character of the document: only the renderer's own words can fail.
    if (!single_byte) throw std::logic_error("The PDF renderer drew text outside the document's code page: " + std::string(utf8));
    return std::move(*single_byte);
}

void pdf_canvas::set_info(const std::string &title, const std::string &author) {
    HPDF_SetInfoAttr(doc_, HPDF_INFO_TITLE, title.c_str());
    HPDF_SetInfoAttr(doc_, HPDF_INFO_AUTHOR, author.c_str());
    HPDF_SetInfoAttr(doc_, HPDF_INFO_CREATOR, "Waymark");
}

void pdf_canvas::add_page(bool landscape) {
    HPDF_Page page = HPDF_AddPage(doc_);
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, landscape ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
    check("adding a page");
    pages_.push_back(page);
    select_page(pages_.size() - 1);
}

void pdf_canvas::select_page(std::size_t index) {
    current_ = index;
    page_ = pages_.at(index);
    drawn_ = {};
    width_ = HPDF_Page_GetWidth(page_);
    height_ = HPDF_Page_GetHeight(page_);
    if (width_ <= 0) width_ = a4_short;
    if (height_ <= 0) height_ = a4_long;
}

float pdf_canvas::text_width(std::string_view text, const text_style &style) const {
    const std::string copy = encoded(text);
    const HPDF_TextWidth measured =
        HPDF_Font_TextWidth(font_, reinterpret_cast<const HPDF_BYTE *>(copy.data()), static_cast<HPDF_UINT>(copy.size()));
    return static_cast<float>(measured.width) * style.size / 1000.0f;
}

void pdf_canvas::text(float x, float baseline, std::string_view text, const text_style &style) {
    if (text.empty()) return;
    const std::string copy = encoded(text);
    HPDF_Page_BeginText(page_);
    // The font, its size and the rendering mode are text state, which lasts from one text object to
    // the next on a page.
    if (drawn_.font_size != style.size) HPDF_Page_SetFontAndSize(page_, font_, style.size);
    drawn_.font_size = style.size;
    set_fill(style.colour);
    const HPDF_TextRenderingMode rendering = style.bold ? HPDF_FILL_THEN_STROKE : HPDF_FILL;
    if (style.bold) {
        // One font embedded, bold drawn by stroking the glyph outlines too.
        set_stroke(style.colour);
        set_line_width(style.size * 0.035f);
    }
    if (drawn_.rendering != rendering) HPDF_Page_SetTextRenderingMode(page_, rendering);
    drawn_.rendering = rendering;
    HPDF_Page_TextOut(page_, x, pdf_y(baseline), copy.c_str());
    HPDF_Page_EndText(page_);
}

void pdf_canvas::set_fill(uint32_t colour) {
    if (drawn_.fill != colour) HPDF_Page_SetRGBFill(page_, red(colour), green(colour), blue(colour));
    drawn_.fill = colour;
}

void pdf_canvas::set_stroke(uint32_t colour) {
    if (drawn_.stroke != colour) HPDF_Page_SetRGBStroke(page_, red(colour), green(colour), blue(colour));
    drawn_.stroke = colour;
}

void pdf_canvas::set_line_width(float width) {
    if (drawn_.line_width != width) HPDF_Page_SetLineWidth(page_, width);
    drawn_.line_width = width;
}

void pdf_canvas::fill_rect(float x, float top, float w, float h, uint32_t colour) {
    set_fill(colour);
    HPDF_Page_Rectangle(page_, x, pdf_y(top + h), w, h);
    HPDF_Page_Fill(page_);
}

void pdf_canvas::stroke_rect(float x, float top, float w, float h, uint32_t colour, float line_width) {
    set_stroke(colour);
    set_line_width(line_width);
    HPDF_Page_Rectangle(page_, x, pdf_y(top + h), w, h);
    HPDF_Page_Stroke(page_);
}

void pdf_canvas::line(point from, point to, uint32_t colour, float line_width, bool dashed) {
    polyline({from, to}, colour, line_width, dashed);
}

void pdf_canvas::polyline(const std::vector<point> &points, uint32_t colour, float line_width, bool dashed) {
    if (points.size() < 2) return;
    set_stroke(colour);
    set_line_width(line_width);
    static const HPDF_UINT16 dash[] = {4, 2};
    if (dashed) HPDF_Page_SetDash(page_, dash, 2, 0);
    HPDF_Page_MoveTo(page_, points[0].x, pdf_y(points[0].y));
    for (std::size_t i = 1; i < points.size(); ++i) HPDF_Page_LineTo(page_, points[i].x, pdf_y(points[i].y));
    HPDF_Page_Stroke(page_);
    if (dashed) HPDF_Page_SetDash(page_, nullptr, 0, 0);
}

void pdf_canvas::fill_polygon(const std::vector<point> &points, uint32_t colour) {
    if (points.size() < 3) return;
    set_fill(colour);
    HPDF_Page_MoveTo(page_, points[0].x, pdf_y(points[0].y));
    for (std::size_t i = 1; i < points.size(); ++i) HPDF_Page_LineTo(page_, points[i].x, pdf_y(points[i].y));
    HPDF_Page_ClosePath(page_);
    HPDF_Page_Fill(page_);
}

void pdf_canvas::circle(point centre, float radius, uint32_t fill, float alpha, uint32_t outline) {
    HPDF_Page_GSave(page_);
    if (alpha < 1.0f) {
        // One graphics state per opacity for the whole document, not one per circle.
        HPDF_ExtGState &translucent = translucency_[alpha];
        if (translucent == nullptr) {
            translucent = HPDF_CreateExtGState(doc_);
            HPDF_ExtGState_SetAlphaFill(translucent, alpha);
        }
        HPDF_Page_SetExtGState(page_, translucent);
    }
    set_fill(fill);
    HPDF_Page_Circle(page_, centre.x, pdf_y(centre.y), radius);
    HPDF_Page_Fill(page_);
    HPDF_Page_GRestore(page_);
    drawn_.fill.reset();  // back to what it was before the save, whatever that was
    set_stroke(outline);
    set_line_width(1.2f);
    HPDF_Page_Circle(page_, centre.x, pdf_y(centre.y), radius);
    HPDF_Page_Stroke(page_);
    check("drawing a circle");
}

void pdf_canvas::link(float x, float top, float w, float h, std::size_t target_page, float target_top) {
    HPDF_Destination destination = HPDF_Page_CreateDestination(pages_.at(target_page));
    HPDF_Destination_SetFitH(destination, pdf_y(target_top) + 20.0f);
    const HPDF_Rect area{x, pdf_y(top + h), x + w, pdf_y(top)};
    HPDF_Annotation annotation = HPDF_Page_CreateLinkAnnot(page_, area, destination);
    HPDF_LinkAnnot_SetBorderStyle(annotation, 0, 0, 0);
    check("adding a link");
}

void pdf_canvas::save(const std::function<void(const uint8_t *, uint64_t)> &write) {
    check("drawing the report");
    HPDF_SaveToStream(doc_);
    check("writing the PDF");
    HPDF_ResetStream(doc_);
    std::vector<HPDF_BYTE> buffer(1 << 16);
    for (;;) {
        HPDF_UINT32 size = static_cast<HPDF_UINT32>(buffer.size());
        const HPDF_STATUS status = HPDF_ReadFromStream(doc_, buffer.data(), &size);
        if (size > 0) write(buffer.data(), size);
        if (status == HPDF_STREAM_EOF) break;
        if (status != HPDF_OK) {
            error_ = status;
            check("reading the finished PDF");
        }
    }
}

}  // namespace waymark::renderers
