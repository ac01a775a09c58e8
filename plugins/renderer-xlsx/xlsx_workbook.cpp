#include "xlsx_workbook.hpp"

#include "reports/grid.hpp"
#include "reports/renderer_input.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <tuple>
#include <unistd.h>

namespace waymark::renderers {

namespace {

constexpr uint32_t header_fill = 0xDDE3EA;
constexpr uint32_t statistics_fill = 0xEFEFEF;

std::size_t utf8_characters(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The text as a number when it is nothing but a number ("104", "72.5"), so the spreadsheet can add it up.
std::optional<double> plain_number(const std::string &text) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

enum class row_role { title, header, body, statistics };

// libxlsxwriter formats are workbook-wide objects: one per distinct look, made on first use.
class format_cache {
public:
    explicit format_cache(lxw_workbook *book) : book_(book) {}

    lxw_format *get(row_role role, uint32_t fill, reports::alignment align, bool bold) {
        const auto key = std::make_tuple(static_cast<int>(role), fill, static_cast<int>(align), bold);
        if (const auto it = formats_.find(key); it != formats_.end()) return it->second;
        lxw_format *f = workbook_add_format(book_);
        if (role == row_role::title) {
            format_set_bold(f);
            format_set_font_size(f, 13);
        } else {
            format_set_border(f, LXW_BORDER_THIN);
            format_set_border_color(f, 0x9A9A9A);
            format_set_text_wrap(f);
            format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        }
        if (bold) format_set_bold(f);
        if (role == row_role::statistics) format_set_top(f, LXW_BORDER_MEDIUM);
        if (fill != 0xFFFFFF) {
            format_set_pattern(f, LXW_PATTERN_SOLID);
            format_set_bg_color(f, fill);
        }
        if (align == reports::alignment::centre) format_set_align(f, LXW_ALIGN_CENTER);
        if (align == reports::alignment::right) format_set_align(f, LXW_ALIGN_RIGHT);
        formats_.emplace(key, f);
        return f;
    }

private:
    lxw_workbook *book_;
    std::map<std::tuple<int, uint32_t, int, bool>, lxw_format *> formats_;
};

// A file of our own in the temporary folder: libxlsxwriter 1.1 writes workbooks only to files.
class temporary_file {
public:
    temporary_file() {
        const char *folder = std::getenv("TMPDIR");
        std::string pattern = std::string(folder != nullptr && *folder != '\0' ? folder : "/tmp") + "/waymark-xlsx-XXXXXX";
        const int fd = mkstemp(pattern.data());
        if (fd < 0) throw std::runtime_error("Cannot create a temporary file in " + pattern.substr(0, pattern.rfind('/')) + ".");
        ::close(fd);
        path_ = pattern;
    }
    ~temporary_file() {
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
    temporary_file(const temporary_file &) = delete;
    temporary_file &operator=(const temporary_file &) = delete;
    const std::string &path() const { return path_; }

private:
    std::string path_;
};

class workbook_writer {
public:
    workbook_writer(const std::string &file, const reports::document &doc)
        : doc_(doc), book_(workbook_new(file.c_str())), formats_(book_) {
        if (book_ == nullptr) throw std::runtime_error("libxlsxwriter could not start a workbook.");
    }
    ~workbook_writer() {
        if (book_ != nullptr) workbook_close(book_);
    }
    workbook_writer(const workbook_writer &) = delete;
    workbook_writer &operator=(const workbook_writer &) = delete;

    void about_sheet() {
        lxw_worksheet *sheet = add_sheet("Report");
        lxw_format *title = formats_.get(row_role::title, 0xFFFFFF, reports::alignment::left, true);
        worksheet_write_string(sheet, 0, 0, doc_.title.c_str(), title);
        const auto joined = [](const std::vector<std::string> &parts) {
            std::string out;
            for (const auto &p : parts) out += (out.empty() ? "" : "; ") + p;
            return out.empty() ? std::string("None") : out;
        };
        const std::vector<std::pair<std::string, std::string>> items{
            {"School", doc_.school},
            {"What it counts", doc_.counts},
            {"Filters", joined(doc_.filters)},
            {"Data as of", doc_.as_of},
            {"Generated", doc_.generated},
            {"Schemes", joined(doc_.schemes)},
            {"Pupils excluded (Include in Data is No)", std::to_string(doc_.excluded_pupils)}};
        lxw_format *key = formats_.get(row_role::header, header_fill, reports::alignment::left, true);
        lxw_format *value = formats_.get(row_role::body, 0xFFFFFF, reports::alignment::left, false);
        lxw_row_t r = 2;
        for (const auto &[k, v] : items) {
            worksheet_write_string(sheet, r, 0, k.c_str(), key);
            worksheet_write_string(sheet, r, 1, v.c_str(), value);
            ++r;
        }
        worksheet_set_column(sheet, 0, 0, 38, nullptr);
        worksheet_set_column(sheet, 1, 1, 80, nullptr);
    }

    // One sheet holding `grids` one under another; a single grid's header rows are frozen.
    void grid_sheet(const std::string &title, const std::vector<reports::grid> &grids) {
        lxw_worksheet *sheet = add_sheet(title);
        std::vector<std::size_t> widths;
        lxw_row_t r = 0;
        for (const reports::grid &g : grids) {
            if (r > 0) ++r;
            worksheet_write_string(sheet, r++, 0, g.title.c_str(),
                                   formats_.get(row_role::title, 0xFFFFFF, reports::alignment::left, true));
            const lxw_row_t first_header = r;
            for (const auto &row : g.header_rows) write_row(sheet, r++, row, row_role::header, widths);
            if (grids.size() == 1) {
                worksheet_freeze_panes(sheet, r, 0);
                worksheet_repeat_rows(sheet, first_header, r - 1);
            }
            for (const auto &row : g.body_rows) write_row(sheet, r++, row, row_role::body, widths);
            for (const auto &row : g.footer_rows) write_row(sheet, r++, row, row_role::statistics, widths);
        }
        for (std::size_t c = 0; c < widths.size(); ++c) {
            const double width = static_cast<double>(std::clamp<std::size_t>(widths[c] + 2, 8, 48));
            worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr);
        }
    }

    void close() {
        const lxw_error error = workbook_close(book_);
        book_ = nullptr;
        if (error != LXW_NO_ERROR) throw std::runtime_error(std::string("libxlsxwriter could not save the workbook: ") + lxw_strerror(error) + ".");
    }

private:
    lxw_worksheet *add_sheet(const std::string &title) {
        std::string name = sheet_name(title);
        for (int n = 2; names_.count(name) != 0; ++n) {
            const std::string suffix = " (" + std::to_string(n) + ")";
            name = sheet_name(sheet_name(title).substr(0, 31 - suffix.size())) + suffix;
        }
        // libxlsxwriter keeps the name's pointer until the workbook closes: the set keeps it alive.
        const std::string &kept = *names_.insert(name).first;
        lxw_worksheet *sheet = workbook_add_worksheet(book_, kept.c_str());
        if (sheet == nullptr) throw std::runtime_error("libxlsxwriter refused the sheet name '" + name + "'.");
        worksheet_set_paper(sheet, 9);  // A4
        if (doc_.page_orientation == reports::orientation::landscape) worksheet_set_landscape(sheet);
        return sheet;
    }

    void write_row(lxw_worksheet *sheet, lxw_row_t r, const reports::grid_row &row, row_role role,
                   std::vector<std::size_t> &widths) {
        lxw_col_t c = 0;
        for (const reports::grid_cell &cell : row) {
            uint32_t fill = role == row_role::header ? header_fill : role == row_role::statistics ? statistics_fill : 0xFFFFFF;
            if (cell.cell_band) fill = cell.cell_band->colour_rgb;
            const bool bold = role != row_role::body || cell.row_heading;
            lxw_format *format = formats_.get(role, fill, cell.align, bold);
            // The band code stays in the text, so a black-and-white print still says the band.
            std::string text = cell.text.empty() && cell.cell_band ? cell.cell_band->code : cell.text;
            if (cell.cell_band && !cell.text.empty() && cell.text != cell.cell_band->code && cell.text != cell.cell_band->label) {
                text += " [" + cell.cell_band->code + "]";
            }
            if (cell.span > 1) {
                worksheet_merge_range(sheet, r, c, r, static_cast<lxw_col_t>(c + cell.span - 1), text.c_str(), format);
            } else if (const auto number = plain_number(text); number && role != row_role::header) {
                worksheet_write_number(sheet, r, c, *number, format);
            } else {
                worksheet_write_string(sheet, r, c, text.c_str(), format);
            }
            if (cell.span == 1) {
                if (widths.size() <= c) widths.resize(c + 1, 0);
                widths[c] = std::max(widths[c], utf8_characters(text));
            }
            c = static_cast<lxw_col_t>(c + cell.span);
        }
    }

    const reports::document &doc_;
    lxw_workbook *book_;
    format_cache formats_;
    std::set<std::string> names_;
};

}  // namespace

std::string sheet_name(std::string_view title) {
    std::string out;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < title.size() && characters < 31;) {
        const auto lead = static_cast<unsigned char>(title[i]);
        const std::size_t n = std::min<std::size_t>(lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4, title.size() - i);
        const char c = title[i];
        out += std::string_view("[]:*?/\\").find(c) != std::string_view::npos && n == 1 ? std::string("-") : std::string(title.substr(i, n));
        i += n;
        ++characters;
    }
    // Excel refuses a name that starts or ends with an apostrophe, and an empty one.
    while (!out.empty() && (out.back() == '\'' || out.back() == ' ')) out.pop_back();
    while (!out.empty() && out.front() == '\'') out.erase(0, 1);
    return out.empty() ? std::string("Sheet") : out;
}

namespace {

void write_workbook(std::string_view document, const std::function<void(const uint8_t *, uint64_t)> &write) {
    const reports::document doc = reports::read_for_rendering(document);
    temporary_file file;
    {
        workbook_writer book(file.path(), doc);
        book.about_sheet();
        for (const reports::block &b : doc.blocks) {
            std::vector<reports::grid> grids = reports::grids_of(b);
            if (grids.empty()) continue;
            const auto *lists = std::get_if<reports::pupil_lists>(&b);
            book.grid_sheet(lists != nullptr ? lists->title : grids.front().title, grids);
        }
        book.close();
    }
    std::ifstream in(file.path(), std::ios::binary);
    std::vector<char> buffer(1 << 16);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const std::streamsize n = in.gcount();
        if (n > 0) write(reinterpret_cast<const uint8_t *>(buffer.data()), static_cast<uint64_t>(n));
    }
}

}  // namespace

}  // namespace waymark::renderers

void waymark_xlsx_write_workbook(std::string_view document, const std::function<void(const uint8_t *, uint64_t)> &write) {
    waymark::renderers::write_workbook(document, write);
}
