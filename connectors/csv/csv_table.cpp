#include "csv/csv_table.hpp"

#include <csv.h>

#include <memory>

namespace waymark::connectors::csv {

namespace {

// Length of the UTF-8 sequence starting at `text[at]`, or 0 when it is not well formed
// (overlong forms, surrogates and values past U+10FFFF included).
std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;
    } else
        return 0;
    if (at + length > text.size()) return 0;
    if (byte(at + 1) < low || byte(at + 1) > high) return 0;
    for (std::size_t i = 2; i < length; ++i)
        if (byte(at + i) < 0x80 || byte(at + i) > 0xBF) return 0;
    return length;
}

void check_utf8(std::string_view line_text, std::size_t line) {
    for (std::size_t at = 0; at < line_text.size();) {
        const std::size_t length = utf8_sequence_length(line_text, at);
        if (length == 0)
            throw csv_format_error(line, at + 1,
                                   "the text is not UTF-8 (save the file as \"CSV UTF-8\" rather than plain \"CSV\")");
        at += length;
    }
}

// What libcsv's callbacks build. libcsv reports every unquoted line break (CSV_REPALL_NL), blank
// lines included, so the line a row starts on follows from the last reported break: the next line
// after a line feed, the same line after a carriage return (the line feed of a CRLF is reported as a
// break of its own; a lone CR, which old Mac files use, does not start a new line of the file, so a
// line named in a message is always one the file has).
struct reader_state {
    std::vector<csv_row> rows;
    std::vector<std::string> cells;
    std::size_t current_line = 1;     // the physical line being fed to the parser
    std::size_t next_row_line = 1;    // the line the next row starts on
};

void on_cell(void *data, std::size_t size, void *context) {
    auto &state = *static_cast<reader_state *>(context);
    state.cells.emplace_back(data ? static_cast<const char *>(data) : "", data ? size : 0);
}

void on_row_end(int terminator, void *context) {
    auto &state = *static_cast<reader_state *>(context);
    if (!state.cells.empty()) state.rows.push_back({state.next_row_line, std::move(state.cells)});
    state.cells.clear();
    state.next_row_line = terminator == '\r' ? state.current_line : state.current_line + 1;
}

struct parser_deleter {
    void operator()(csv_parser *parser) const {
        csv_free(parser);
        delete parser;
    }
};

}  // namespace

csv_format_error::csv_format_error(std::size_t line, std::size_t column, const std::string &reason)
    : std::runtime_error("Line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + reason + "."),
      line_(line), column_(column), reason_(reason) {}

std::vector<csv_row> read_csv(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);

    std::unique_ptr<csv_parser, parser_deleter> parser(new csv_parser{});
    if (csv_init(parser.get(), CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI) != 0)
        throw std::bad_alloc();

    reader_state state;
    // Fed one physical line at a time, so every callback knows the line it happens on.
    for (std::size_t start = 0; start < text.size(); ++state.current_line) {
        const std::size_t newline = text.find('\n', start);
        const std::size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
        const std::string_view line_text = text.substr(start, end - start);
        check_utf8(line_text, state.current_line);
        const std::size_t parsed = csv_parse(parser.get(), line_text.data(), line_text.size(), on_cell, on_row_end, &state);
        if (parsed != line_text.size())
            throw csv_format_error(state.current_line, parsed + 1,
                                   "a quotation mark is out of place (a quoted cell must start and end with \", "
                                   "and a \" inside it is written twice)");
        start = end;
    }
    if (!text.empty() && text.back() == '\n') --state.current_line;
    if (csv_fini(parser.get(), on_cell, on_row_end, &state) != 0)
        throw csv_format_error(state.next_row_line, 1,
                               "a quoted cell in the row starting here is never closed (a \" is missing)");
    return std::move(state.rows);
}

}  // namespace waymark::connectors::csv
