#include "csv_renderer.hpp"

#include "reports/renderer_input.hpp"
#include "reports/grid.hpp"

#include <charconv>

namespace waymark::renderers {

namespace {

bool is_number(std::string_view text) {
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);  // from_chars reads "-2" but not "+2"
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

void add_record(std::string &out, const std::vector<std::string> &fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += ',';
        out += csv_field(fields[i]);
    }
    out += "\r\n";
}

void add_rows(std::string &out, const std::vector<reports::grid_row> &rows) {
    for (const reports::grid_row &r : rows) {
        std::vector<std::string> fields;
        for (const reports::grid_cell &c : r) {
            fields.push_back(c.text);
            for (uint32_t extra = 1; extra < c.span; ++extra) fields.emplace_back();
        }
        add_record(out, fields);
    }
}

}  // namespace

std::string csv_field(std::string_view text) {
    std::string field(text);
    if (!field.empty() && std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos && !is_number(field)) {
        field.insert(0, 1, '\'');
    }
    if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
    std::string quoted = "\"";
    for (char c : field) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

void csv_renderer::render(std::string_view document, const std::function<void(const uint8_t *, uint64_t)> &write) const {
    const reports::document doc = reports::read_for_rendering(document);
    std::string out = "\xEF\xBB\xBF";
    add_record(out, {doc.title});
    add_record(out, {"School", doc.school});
    add_record(out, {"What it counts", doc.counts});
    for (const std::string &filter : doc.filters) add_record(out, {"Filter", filter});
    add_record(out, {"Data as of", doc.as_of});
    add_record(out, {"Generated", doc.generated});
    for (const std::string &scheme : doc.schemes) add_record(out, {"Scheme", scheme});
    add_record(out, {"Pupils excluded (Include in Data is No)", std::to_string(doc.excluded_pupils)});
    for (const reports::block &b : doc.blocks) {
        for (const reports::grid &g : reports::grids_of(b)) {
            out += "\r\n";
            add_record(out, {g.title});
            add_rows(out, g.header_rows);
            add_rows(out, g.body_rows);
            add_rows(out, g.footer_rows);
        }
    }
    write(reinterpret_cast<const uint8_t *>(out.data()), out.size());
}

}  // namespace waymark::renderers
