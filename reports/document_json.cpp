#include "reports/document_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <set>

namespace waymark::reports {

using json = nlohmann::ordered_json;

std::string colour_text(uint32_t rgb) {
    char text[8];
    std::snprintf(text, sizeof text, "#%06X", static_cast<unsigned>(rgb & 0xFFFFFFu));
    return text;
}

namespace {

// ---- Writing ---------------------------------------------------------------------------------

json band_json(const band &b) {
    json out{{"code", b.code}, {"colour", colour_text(b.colour_rgb)}};
    if (!b.label.empty()) out["label"] = b.label;
    return out;
}

json cell_json(const cell &c) {
    json out{{"text", c.text}};
    if (c.value) out["value"] = *c.value;
    if (c.cell_band) out["band"] = band_json(*c.cell_band);
    if (!c.pupils.empty()) out["pupils"] = c.pupils;
    if (c.span != 1) out["span"] = c.span;
    return out;
}

json rows_json(const std::vector<row> &rows) {
    json out = json::array();
    for (const row &r : rows) {
        json cells = json::array();
        for (const cell &c : r) cells.push_back(cell_json(c));
        out.push_back(std::move(cells));
    }
    return out;
}

json heading_json(const matrix_heading &h) {
    json out{{"label", h.label}};
    if (h.heading_band) out["band"] = band_json(*h.heading_band);
    if (h.no_data) out["no_data"] = true;
    return out;
}

json block_json(const heading &h) { return {{"text", h.text}, {"level", h.level}}; }
json block_json(const paragraph &p) {
    json out{{"text", p.text}};
    if (p.notice) out["notice"] = true;
    return out;
}
json block_json(const key_values &k) {
    json items = json::array();
    for (const key_value &item : k.items) items.push_back({{"key", item.key}, {"value", item.value}});
    return {{"items", items}};
}
json block_json(const table &t) {
    json columns = json::array();
    for (const column &c : t.columns) {
        json col{{"label", c.label}, {"type", column_type_name(c.type)}};
        if (c.width != 1.0) col["width"] = c.width;
        columns.push_back(std::move(col));
    }
    json out{{"title", t.title}, {"columns", columns}};
    if (!t.header_rows.empty()) out["header_rows"] = rows_json(t.header_rows);
    out["rows"] = rows_json(t.rows);
    if (!t.footer_rows.empty()) out["footer_rows"] = rows_json(t.footer_rows);
    return out;
}
json block_json(const matrix &m) {
    json rows = json::array(), columns = json::array(), cells = json::array();
    for (const auto &h : m.rows) rows.push_back(heading_json(h));
    for (const auto &h : m.columns) columns.push_back(heading_json(h));
    for (const auto &r : m.cells) {
        json out_row = json::array();
        for (const matrix_cell &c : r) {
            json out{{"count", c.count}};
            if (c.percent) out["percent"] = *c.percent;
            if (c.cell_band) out["band"] = band_json(*c.cell_band);
            if (!c.pupils.empty()) out["pupils"] = c.pupils;
            out_row.push_back(std::move(out));
        }
        cells.push_back(std::move(out_row));
    }
    return {{"title", m.title}, {"row_title", m.row_title}, {"column_title", m.column_title},
            {"rows", rows},     {"columns", columns},       {"cells", cells}};
}
json block_json(const venn &v) {
    json regions = json::array();
    for (const venn_region &r : v.regions) {
        json in = json::array();
        for (std::size_t i = 0; i < r.membership.size(); ++i) {
            if (r.membership[i]) in.push_back(i);
        }
        json out{{"in", in}, {"count", r.count}, {"percent", r.percent}};
        if (!r.pupils.empty()) out["pupils"] = r.pupils;
        regions.push_back(std::move(out));
    }
    json out{{"title", v.title}, {"sets", v.sets}, {"total", v.total}, {"regions", regions}};
    if (v.unjudged) {
        json unjudged{{"label", v.unjudged->label}, {"count", v.unjudged->count}};
        if (!v.unjudged->pupils.empty()) unjudged["pupils"] = v.unjudged->pupils;
        out["unjudged"] = std::move(unjudged);
    }
    return out;
}
json block_json(const chart &c) {
    json series = json::array();
    for (const chart_series &s : c.series) {
        json values = json::array();
        for (const auto &v : s.values) values.push_back(v ? json(*v) : json(nullptr));
        json out{{"name", s.name}, {"values", values}};
        if (s.colour_rgb) out["colour"] = colour_text(*s.colour_rgb);
        series.push_back(std::move(out));
    }
    json out{{"title", c.title},        {"kind", c.kind == chart_kind::line ? "line" : "bar"},
             {"x_title", c.x_title},    {"y_title", c.y_title},
             {"categories", c.categories}, {"series", series}};
    if (c.y_min) out["y_min"] = *c.y_min;
    if (c.y_max) out["y_max"] = *c.y_max;
    return out;
}
json block_json(const pupil_lists &p) {
    json lists = json::array();
    for (const pupil_list &l : p.lists) {
        json pupils = json::array();
        for (const listed_pupil &pupil : l.pupils) pupils.push_back({{"name", pupil.name}, {"values", pupil.values}});
        lists.push_back({{"id", l.id}, {"title", l.title}, {"columns", l.columns}, {"pupils", pupils}});
    }
    return {{"title", p.title}, {"lists", lists}};
}
json block_json(const form &f) {
    json fields = json::array();
    for (const form_field &field : f.fields) {
        json out{{"label", field.label}};
        if (!field.answers.empty()) out["answers"] = field.answers;
        if (field.lines != 1) out["lines"] = field.lines;
        fields.push_back(std::move(out));
    }
    json out{{"title", f.title}};
    if (!f.answer_columns.empty()) out["answer_columns"] = f.answer_columns;
    out["fields"] = fields;
    return out;
}
json block_json(const page_break &) { return json::object(); }

// ---- Reading ---------------------------------------------------------------------------------

// A JSON value and where it is; every read names the path when the value is not what it should be,
// and finish() refuses members nobody asked for.
class node {
public:
    node(const json &value, std::string path) : value_(value), path_(std::move(path)) {}
    node(const node &) = delete;
    node &operator=(const node &) = delete;
    node(node &&) = default;

    const std::string &path() const { return path_; }

    node member(const char *key) {
        expect_object();
        asked_.insert(key);
        const auto it = value_.find(key);
        if (it == value_.end()) throw document_error(path_, std::string("the member '") + key + "' is missing.");
        return node(*it, path_ + "." + key);
    }
    bool has(const char *key) {
        expect_object();
        asked_.insert(key);
        return value_.contains(key);
    }

    std::string text() const {
        if (!value_.is_string()) fail("a string");
        return value_.get<std::string>();
    }
    double number() const {
        if (!value_.is_number()) fail("a number");
        return value_.get<double>();
    }
    int64_t integer() const {
        if (!value_.is_number_integer()) fail("a whole number");
        return value_.get<int64_t>();
    }
    bool boolean() const {
        if (!value_.is_boolean()) fail("true or false");
        return value_.get<bool>();
    }
    bool is_null() const { return value_.is_null(); }
    uint32_t colour() const {
        const std::string t = text();
        const bool ok = t.size() == 7 && t[0] == '#' &&
                        std::all_of(t.begin() + 1, t.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
        if (!ok) throw document_error(path_, "a colour is written #RRGGBB, for example #8FD18F.");
        return static_cast<uint32_t>(std::stoul(t.substr(1), nullptr, 16));
    }

    template <class F>
    void each(F &&read_item) const {
        if (!value_.is_array()) fail("an array");
        for (std::size_t i = 0; i < value_.size(); ++i) {
            node item(value_[i], path_ + "[" + std::to_string(i) + "]");
            read_item(item);
        }
    }
    std::vector<std::string> texts() const {
        std::vector<std::string> out;
        each([&](node &item) { out.push_back(item.text()); });
        return out;
    }

    void finish() const {
        for (const auto &[key, unused] : value_.items()) {
            if (asked_.count(key) == 0) {
                throw document_error(path_ + "." + key, "the schema has no member '" + key + "' here; check its spelling.");
            }
        }
    }

private:
    void expect_object() const {
        if (!value_.is_object()) fail("an object");
    }
    [[noreturn]] void fail(const char *wanted) const {
        throw document_error(path_, std::string("expected ") + wanted + ", found " + value_.type_name() + ".");
    }

    const json &value_;
    std::string path_;
    std::set<std::string> asked_;
};

std::string optional_text(node &n, const char *key) { return n.has(key) ? n.member(key).text() : std::string(); }

band read_band(node &&n) {
    band b;
    b.code = n.member("code").text();
    b.colour_rgb = n.member("colour").colour();
    b.label = optional_text(n, "label");
    n.finish();
    return b;
}

std::optional<band> optional_band(node &n) {
    if (!n.has("band")) return std::nullopt;
    return read_band(n.member("band"));
}

std::vector<row> read_rows(node &&n) {
    std::vector<row> rows;
    n.each([&](node &r) {
        row cells;
        r.each([&](node &c) {
            cell out;
            out.text = c.member("text").text();
            if (c.has("value")) out.value = c.member("value").number();
            out.cell_band = optional_band(c);
            out.pupils = optional_text(c, "pupils");
            if (c.has("span")) {
                node span = c.member("span");
                const int64_t given = span.integer();
                if (given < 1 || given > 1000) throw document_error(span.path(), "a span is between 1 and 1000.");
                out.span = static_cast<uint32_t>(given);
            }
            c.finish();
            cells.push_back(std::move(out));
        });
        rows.push_back(std::move(cells));
    });
    return rows;
}

column_type read_column_type(node &&n) {
    const std::string t = n.text();
    for (column_type type : {column_type::text, column_type::integer, column_type::number, column_type::percent,
                             column_type::grade}) {
        if (t == column_type_name(type)) return type;
    }
    throw document_error(n.path(), "a column type is text, integer, number, percent or grade, not '" + t + "'.");
}

matrix_heading read_matrix_heading(node &n) {
    matrix_heading h;
    h.label = n.member("label").text();
    h.heading_band = optional_band(n);
    if (n.has("no_data")) h.no_data = n.member("no_data").boolean();
    n.finish();
    return h;
}

block read_heading(node &n) {
    heading h{n.member("text").text(), 1};
    if (n.has("level")) h.level = static_cast<int>(std::clamp<int64_t>(n.member("level").integer(), -1, 99));
    return h;
}
block read_paragraph(node &n) {
    paragraph p{n.member("text").text(), false};
    if (n.has("notice")) p.notice = n.member("notice").boolean();
    return p;
}
block read_key_values(node &n) {
    key_values k;
    n.member("items").each([&](node &item) {
        k.items.push_back({item.member("key").text(), item.member("value").text()});
        item.finish();
    });
    return k;
}
block read_table(node &n) {
    table t;
    t.title = n.member("title").text();
    n.member("columns").each([&](node &c) {
        column col;
        col.label = c.member("label").text();
        col.type = read_column_type(c.member("type"));
        if (c.has("width")) col.width = c.member("width").number();
        c.finish();
        t.columns.push_back(std::move(col));
    });
    if (n.has("header_rows")) t.header_rows = read_rows(n.member("header_rows"));
    t.rows = read_rows(n.member("rows"));
    if (n.has("footer_rows")) t.footer_rows = read_rows(n.member("footer_rows"));
    return t;
}
block read_matrix(node &n) {
    matrix m;
    m.title = n.member("title").text();
    m.row_title = n.member("row_title").text();
    m.column_title = n.member("column_title").text();
    n.member("rows").each([&](node &h) { m.rows.push_back(read_matrix_heading(h)); });
    n.member("columns").each([&](node &h) { m.columns.push_back(read_matrix_heading(h)); });
    n.member("cells").each([&](node &r) {
        std::vector<matrix_cell> cells;
        r.each([&](node &c) {
            matrix_cell out;
            out.count = c.member("count").integer();
            if (c.has("percent")) out.percent = c.member("percent").number();
            out.cell_band = optional_band(c);
            out.pupils = optional_text(c, "pupils");
            c.finish();
            cells.push_back(std::move(out));
        });
        m.cells.push_back(std::move(cells));
    });
    return m;
}
block read_venn(node &n) {
    venn v;
    v.title = n.member("title").text();
    v.sets = n.member("sets").texts();
    v.total = n.member("total").integer();
    n.member("regions").each([&](node &r) {
        venn_region region;
        region.membership.assign(3, false);
        r.member("in").each([&](node &index) {
            const int64_t i = index.integer();
            if (i < 0 || i > 2) throw document_error(index.path(), "a set index is 0, 1 or 2.");
            region.membership[static_cast<std::size_t>(i)] = true;
        });
        region.count = r.member("count").integer();
        region.percent = r.member("percent").number();
        region.pupils = optional_text(r, "pupils");
        r.finish();
        v.regions.push_back(std::move(region));
    });
    if (n.has("unjudged")) {
        node u = n.member("unjudged");
        v.unjudged = venn_unjudged{u.member("label").text(), u.member("count").integer(), optional_text(u, "pupils")};
        u.finish();
    }
    return v;
}
block read_chart(node &n) {
    chart c;
    c.title = n.member("title").text();
    node kind = n.member("kind");
    const std::string k = kind.text();
    if (k != "line" && k != "bar") throw document_error(kind.path(), "a chart kind is line or bar, not '" + k + "'.");
    c.kind = k == "line" ? chart_kind::line : chart_kind::bar;
    c.x_title = optional_text(n, "x_title");
    c.y_title = optional_text(n, "y_title");
    c.categories = n.member("categories").texts();
    n.member("series").each([&](node &s) {
        chart_series out;
        out.name = s.member("name").text();
        s.member("values").each([&](node &v) {
            out.values.push_back(v.is_null() ? std::nullopt : std::optional<double>(v.number()));
        });
        if (s.has("colour")) out.colour_rgb = s.member("colour").colour();
        s.finish();
        c.series.push_back(std::move(out));
    });
    if (n.has("y_min")) c.y_min = n.member("y_min").number();
    if (n.has("y_max")) c.y_max = n.member("y_max").number();
    return c;
}
block read_pupil_lists(node &n) {
    pupil_lists p;
    p.title = n.member("title").text();
    n.member("lists").each([&](node &l) {
        pupil_list list;
        list.id = l.member("id").text();
        list.title = l.member("title").text();
        list.columns = l.member("columns").texts();
        l.member("pupils").each([&](node &pupil) {
            list.pupils.push_back({pupil.member("name").text(), pupil.member("values").texts()});
            pupil.finish();
        });
        l.finish();
        p.lists.push_back(std::move(list));
    });
    return p;
}
block read_form(node &n) {
    form f;
    f.title = optional_text(n, "title");
    if (n.has("answer_columns")) f.answer_columns = n.member("answer_columns").texts();
    n.member("fields").each([&](node &field) {
        form_field out;
        out.label = field.member("label").text();
        if (field.has("answers")) out.answers = field.member("answers").texts();
        if (field.has("lines")) out.lines = static_cast<int>(std::clamp<int64_t>(field.member("lines").integer(), -1, 999));
        field.finish();
        f.fields.push_back(std::move(out));
    });
    return f;
}
block read_page_break(node &) { return page_break{}; }

block read_block(node &n) {
    node type_node = n.member("type");
    const std::string type = type_node.text();
    using reader = block (*)(node &);
    static const std::pair<const char *, reader> readers[] = {
        {"heading", read_heading}, {"paragraph", read_paragraph}, {"key_values", read_key_values},
        {"table", read_table},     {"matrix", read_matrix},       {"venn", read_venn},
        {"chart", read_chart},     {"pupil_lists", read_pupil_lists}, {"form", read_form},
        {"page_break", read_page_break}};
    for (const auto &[name, read] : readers) {
        if (type == name) {
            block b = read(n);
            n.finish();
            return b;
        }
    }
    throw document_error(type_node.path(), "there is no block type '" + type +
                                               "'; use heading, paragraph, key_values, table, matrix, venn, chart, "
                                               "pupil_lists, form or page_break.");
}

document read_document(node &n) {
    node schema = n.member("schema");
    const std::string version = schema.text();
    if (version != schema_id && version != schema_id_1_1) {
        throw document_error(schema.path(), "this renderer reads \"" + std::string(schema_id) + "\" and \"" +
                                                schema_id_1_1 + "\", not \"" + version + "\".");
    }
    // A 1.0 document has no 1.1 member; refusing one keeps the version a promise a renderer can trust.
    const bool minor_1 = version == schema_id_1_1;
    document doc;
    doc.title = n.member("title").text();
    doc.school = n.member("school").text();
    doc.kind = n.member("kind").text();
    doc.counts = n.member("counts").text();
    doc.filters = n.member("filters").texts();
    doc.generated = n.member("generated").text();
    doc.as_of = n.member("as_of").text();
    doc.schemes = n.member("schemes").texts();
    doc.excluded_pupils = n.member("excluded_pupils").integer();
    node orientation_node = n.member("orientation");
    const std::string o = orientation_node.text();
    if (o != "portrait" && o != "landscape") {
        throw document_error(orientation_node.path(), "the page orientation is portrait or landscape, not '" + o + "'.");
    }
    doc.page_orientation = o == "portrait" ? orientation::portrait : orientation::landscape;
    n.member("blocks").each([&](node &b) {
        doc.blocks.push_back(read_block(b));
        const auto *v = std::get_if<venn>(&doc.blocks.back());
        if (v && v->unjudged && !minor_1) {
            throw document_error(b.path() + ".unjudged", "the Venn's unjudged pupils need the schema \"" +
                                                             std::string(schema_id_1_1) + "\".");
        }
    });
    n.finish();
    return doc;
}

}  // namespace

std::string to_json(const document &doc) {
    validate(doc);
    json blocks = json::array();
    for (const block &b : doc.blocks) {
        json out{{"type", block_type_name(b)}};
        out.update(std::visit([](const auto &typed) { return block_json(typed); }, b));
        blocks.push_back(std::move(out));
    }
    const bool uses_1_1 = std::any_of(doc.blocks.begin(), doc.blocks.end(), [](const block &b) {
        const auto *v = std::get_if<venn>(&b);
        return v && v->unjudged;
    });
    const json out{{"schema", uses_1_1 ? schema_id_1_1 : schema_id},
                   {"title", doc.title},
                   {"school", doc.school},
                   {"kind", doc.kind},
                   {"counts", doc.counts},
                   {"filters", doc.filters},
                   {"generated", doc.generated},
                   {"as_of", doc.as_of},
                   {"schemes", doc.schemes},
                   {"excluded_pupils", doc.excluded_pupils},
                   {"orientation", doc.page_orientation == orientation::portrait ? "portrait" : "landscape"},
                   {"blocks", blocks}};
    return out.dump(-1, ' ', false, json::error_handler_t::strict);
}

document parse_document(std::string_view text) {
    json root;
    try {
        root = json::parse(text.begin(), text.end());
    } catch (const json::parse_error &e) {
        std::string what = e.what();
        // nlohmann prefixes "[json.exception.parse_error.101] "; the rest names line and column.
        if (const auto end = what.find("] "); end != std::string::npos) what.erase(0, end + 2);
        throw document_error("$", "it is not JSON (" + what + ").");
    }
    node top(root, "$");
    document doc = read_document(top);
    validate(doc);
    return doc;
}

}  // namespace waymark::reports
