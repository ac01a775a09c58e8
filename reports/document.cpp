#include "reports/document.hpp"

#include <algorithm>
#include <set>

namespace waymark::reports {

document_error::document_error(const std::string &path, const std::string &problem)
    : std::runtime_error("The report document is not valid at " + path + ": " + problem), path_(path) {}

namespace {

std::string indexed(const std::string &path, std::size_t index) { return path + "[" + std::to_string(index) + "]"; }

void require_text(const std::string &text, const std::string &path) {
    if (text.empty()) throw document_error(path, "it must not be empty.");
}

bool is_digits(const std::string &text, std::size_t from, std::size_t count) {
    return text.size() >= from + count &&
           std::all_of(text.begin() + static_cast<std::ptrdiff_t>(from),
                       text.begin() + static_cast<std::ptrdiff_t>(from + count),
                       [](char c) { return c >= '0' && c <= '9'; });
}

bool is_iso_date(const std::string &text) {
    return text.size() >= 10 && is_digits(text, 0, 4) && text[4] == '-' && is_digits(text, 5, 2) && text[7] == '-' &&
           is_digits(text, 8, 2);
}

// Checks the references cells make to pupil lists once every list id is known.
class checker {
public:
    explicit checker(const document &doc) : doc_(doc) {}

    void run() {
        check_metadata();
        collect_list_ids();
        for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
            const std::string path = indexed("$.blocks", i);
            std::visit([&](const auto &b) { check(b, path); }, doc_.blocks[i]);
        }
    }

private:
    void check_metadata() {
        require_text(doc_.title, "$.title");
        require_text(doc_.school, "$.school");
        require_text(doc_.kind, "$.kind");
        require_text(doc_.counts, "$.counts");
        if (!is_iso_date(doc_.generated) || doc_.generated.size() < 16 || doc_.generated[10] != 'T') {
            throw document_error("$.generated", "give the date and time as YYYY-MM-DDTHH:MM, for example 2026-11-22T14:05:00Z.");
        }
        if (!is_iso_date(doc_.as_of) || doc_.as_of.size() != 10) {
            throw document_error("$.as_of", "give the date as YYYY-MM-DD, for example 2026-11-22.");
        }
        for (std::size_t i = 0; i < doc_.filters.size(); ++i) require_text(doc_.filters[i], indexed("$.filters", i));
        for (std::size_t i = 0; i < doc_.schemes.size(); ++i) require_text(doc_.schemes[i], indexed("$.schemes", i));
        if (doc_.excluded_pupils < 0) throw document_error("$.excluded_pupils", "it cannot be negative.");
    }

    void collect_list_ids() {
        for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
            const auto *lists = std::get_if<pupil_lists>(&doc_.blocks[i]);
            if (lists == nullptr) continue;
            for (std::size_t l = 0; l < lists->lists.size(); ++l) {
                const std::string path = indexed(indexed("$.blocks", i) + ".lists", l) + ".id";
                require_text(lists->lists[l].id, path);
                if (!list_ids_.insert(lists->lists[l].id).second) {
                    throw document_error(path, "the pupil list id '" + lists->lists[l].id + "' is used twice.");
                }
            }
        }
    }

    void check_reference(const std::string &id, const std::string &path) const {
        if (!id.empty() && list_ids_.count(id) == 0) {
            throw document_error(path, "no pupil list has the id '" + id + "'; add it to a pupil_lists block.");
        }
    }

    static void check_band(const std::optional<band> &b, const std::string &path) {
        if (!b) return;
        require_text(b->code, path + ".code");
        if (b->colour_rgb > 0xFFFFFF) throw document_error(path + ".colour", "a colour is #RRGGBB.");
    }

    void check_cell(const cell &c, const std::string &path, bool header) const {
        check_band(c.cell_band, path + ".band");
        check_reference(c.pupils, path + ".pupils");
        if (c.span == 0) throw document_error(path + ".span", "a cell spans at least one column.");
        if (!header && c.span != 1) throw document_error(path + ".span", "only header cells may span columns.");
    }

    void check_rows(const std::vector<row> &rows, std::size_t width, const std::string &path, bool header) const {
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const std::string row_path = indexed(path, r);
            std::size_t covered = 0;
            for (std::size_t c = 0; c < rows[r].size(); ++c) {
                check_cell(rows[r][c], indexed(row_path, c), header);
                covered += rows[r][c].span;
            }
            if (covered != width) {
                throw document_error(row_path, "the row covers " + std::to_string(covered) + " columns but the table has " +
                                                   std::to_string(width) + ".");
            }
        }
    }

    void check(const heading &h, const std::string &path) const {
        require_text(h.text, path + ".text");
        if (h.level < 1 || h.level > 3) throw document_error(path + ".level", "a heading level is 1, 2 or 3.");
    }
    void check(const paragraph &p, const std::string &path) const { require_text(p.text, path + ".text"); }
    void check(const key_values &k, const std::string &path) const {
        for (std::size_t i = 0; i < k.items.size(); ++i) require_text(k.items[i].key, indexed(path + ".items", i) + ".key");
    }
    void check(const table &t, const std::string &path) const {
        require_text(t.title, path + ".title");
        if (t.columns.empty()) throw document_error(path + ".columns", "a table needs at least one column.");
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
            if (!(t.columns[i].width > 0.0)) {
                throw document_error(indexed(path + ".columns", i) + ".width", "a relative width is above 0.");
            }
        }
        check_rows(t.header_rows, t.columns.size(), path + ".header_rows", true);
        check_rows(t.rows, t.columns.size(), path + ".rows", false);
        check_rows(t.footer_rows, t.columns.size(), path + ".footer_rows", false);
    }
    void check(const matrix &m, const std::string &path) const {
        require_text(m.title, path + ".title");
        if (m.rows.empty() || m.columns.empty()) throw document_error(path, "a matrix needs rows and columns.");
        for (std::size_t i = 0; i < m.rows.size(); ++i) {
            require_text(m.rows[i].label, indexed(path + ".rows", i) + ".label");
            check_band(m.rows[i].heading_band, indexed(path + ".rows", i) + ".band");
        }
        for (std::size_t i = 0; i < m.columns.size(); ++i) {
            require_text(m.columns[i].label, indexed(path + ".columns", i) + ".label");
            check_band(m.columns[i].heading_band, indexed(path + ".columns", i) + ".band");
        }
        if (m.cells.size() != m.rows.size()) {
            throw document_error(path + ".cells", "there are " + std::to_string(m.cells.size()) + " rows of cells for " +
                                                      std::to_string(m.rows.size()) + " row headings.");
        }
        for (std::size_t r = 0; r < m.cells.size(); ++r) {
            const std::string row_path = indexed(path + ".cells", r);
            if (m.cells[r].size() != m.columns.size()) {
                throw document_error(row_path, "the row has " + std::to_string(m.cells[r].size()) + " cells for " +
                                                   std::to_string(m.columns.size()) + " column headings.");
            }
            for (std::size_t c = 0; c < m.cells[r].size(); ++c) {
                const matrix_cell &mc = m.cells[r][c];
                if (mc.count < 0) throw document_error(indexed(row_path, c) + ".count", "a count cannot be negative.");
                check_band(mc.cell_band, indexed(row_path, c) + ".band");
                check_reference(mc.pupils, indexed(row_path, c) + ".pupils");
            }
        }
    }
    void check(const venn &v, const std::string &path) const {
        require_text(v.title, path + ".title");
        if (v.sets.size() != 3) throw document_error(path + ".sets", "a Venn diagram has exactly three sets.");
        for (std::size_t i = 0; i < 3; ++i) require_text(v.sets[i], indexed(path + ".sets", i));
        if (v.regions.size() != 8) {
            throw document_error(path + ".regions", "give all eight regions (the seven overlaps and 'none').");
        }
        std::set<std::vector<bool>> seen;
        for (std::size_t i = 0; i < v.regions.size(); ++i) {
            const std::string region_path = indexed(path + ".regions", i);
            const venn_region &region = v.regions[i];
            if (region.membership.size() != 3) throw document_error(region_path + ".in", "name the sets by index 0, 1 and 2.");
            if (!seen.insert(region.membership).second) throw document_error(region_path + ".in", "this region is given twice.");
            if (region.count < 0) throw document_error(region_path + ".count", "a count cannot be negative.");
            check_reference(region.pupils, region_path + ".pupils");
        }
        if (v.unjudged) {
            require_text(v.unjudged->label, path + ".unjudged.label");
            if (v.unjudged->count < 0) throw document_error(path + ".unjudged.count", "a count cannot be negative.");
            check_reference(v.unjudged->pupils, path + ".unjudged.pupils");
        }
    }
    void check(const chart &c, const std::string &path) const {
        require_text(c.title, path + ".title");
        if (c.categories.empty()) throw document_error(path + ".categories", "a chart needs at least one category.");
        if (c.series.empty()) throw document_error(path + ".series", "a chart needs at least one series.");
        for (std::size_t i = 0; i < c.series.size(); ++i) {
            const std::string series_path = indexed(path + ".series", i);
            require_text(c.series[i].name, series_path + ".name");
            if (c.series[i].values.size() != c.categories.size()) {
                throw document_error(series_path + ".values", "give one value (or null) for each of the " +
                                                                  std::to_string(c.categories.size()) + " categories.");
            }
        }
        if (c.y_min && c.y_max && !(*c.y_min < *c.y_max)) throw document_error(path + ".y_max", "it must be above y_min.");
    }
    void check(const pupil_lists &p, const std::string &path) const {
        require_text(p.title, path + ".title");
        for (std::size_t l = 0; l < p.lists.size(); ++l) {
            const std::string list_path = indexed(path + ".lists", l);
            const pupil_list &list = p.lists[l];
            require_text(list.title, list_path + ".title");
            for (std::size_t i = 0; i < list.pupils.size(); ++i) {
                const std::string pupil_path = indexed(list_path + ".pupils", i);
                require_text(list.pupils[i].name, pupil_path + ".name");
                if (list.pupils[i].values.size() != list.columns.size()) {
                    throw document_error(pupil_path + ".values", "give one value for each of the " +
                                                                     std::to_string(list.columns.size()) + " columns.");
                }
            }
        }
    }
    void check(const form &f, const std::string &path) const {
        const std::size_t answers = std::max<std::size_t>(f.answer_columns.size(), 1);
        for (std::size_t i = 0; i < f.fields.size(); ++i) {
            const std::string field_path = indexed(path + ".fields", i);
            require_text(f.fields[i].label, field_path + ".label");
            if (!f.fields[i].answers.empty() && f.fields[i].answers.size() != answers) {
                throw document_error(field_path + ".answers", "give one answer per answer column (" +
                                                                  std::to_string(answers) + "), or none for a blank form.");
            }
            if (f.fields[i].lines < 1 || f.fields[i].lines > 40) {
                throw document_error(field_path + ".lines", "give between 1 and 40 writing lines.");
            }
        }
    }
    void check(const page_break &, const std::string &) const {}

    const document &doc_;
    std::set<std::string> list_ids_;
};

}  // namespace

void validate(const document &doc) { checker(doc).run(); }

const char *block_type_name(const block &b) {
    static constexpr const char *names[] = {"heading", "paragraph", "key_values", "table", "matrix",
                                            "venn",    "chart",     "pupil_lists", "form", "page_break"};
    static_assert(std::size(names) == std::variant_size_v<block>);
    return names[b.index()];
}

const char *column_type_name(column_type type) {
    switch (type) {
        case column_type::text: return "text";
        case column_type::integer: return "integer";
        case column_type::number: return "number";
        case column_type::percent: return "percent";
        case column_type::grade: return "grade";
    }
    return "text";
}

}  // namespace waymark::reports
