// The renderer-neutral report document (schema "waymark.report/1", described in DOCUMENT_MODEL.md):
// what every report states about itself, then an ordered list of blocks. Report builders fill
// these structs and serialise them with to_json(); renderers read them back with parse_document().
// This library uses the standard library and header-only nlohmann/json only, so renderer plugins
// link it without depending on the host.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace waymark::reports {

inline constexpr const char *schema_id = "waymark.report/1";
// 1.1 added the Venn's `unjudged`. to_json() writes 1.1 only for a document that uses it, so a
// renderer built before it still reads every other report.
inline constexpr const char *schema_id_1_1 = "waymark.report/1.1";

// A malformed document. what() is one sentence that starts with the JSON path of the problem.
class document_error : public std::runtime_error {
public:
    document_error(const std::string &path, const std::string &problem);
    const std::string &path() const { return path_; }

private:
    std::string path_;
};

enum class orientation { portrait, landscape };

// A judgement band: colour for the eye, code (and label) so a greyscale print still reads.
struct band {
    std::string code;            // "B", "OT", "Y4M": short, printed in the cell
    std::string label;           // "Below", optional
    uint32_t colour_rgb = 0xFFFFFF;
};

// One table cell. `text` is what every renderer shows; `value` lets a spreadsheet hold a number.
struct cell {
    std::string text;
    std::optional<double> value;
    std::optional<band> cell_band;
    std::string pupils;  // id of a pupil list (drill-down), or empty
    uint32_t span = 1;   // header cells only: how many columns it covers
};

enum class column_type { text, integer, number, percent, grade };

struct column {
    std::string label;
    column_type type = column_type::text;
    double width = 1.0;  // relative width; renderers share the page width in these proportions
};

using row = std::vector<cell>;

struct heading {
    std::string text;
    int level = 1;  // 1..3
};

struct paragraph {
    std::string text;
    bool notice = false;  // a banner the reader must not miss ("Include in Data is No for 2 pupils")
};

struct key_value {
    std::string key;
    std::string value;
};

struct key_values {
    std::vector<key_value> items;
};

struct table {
    std::string title;
    std::vector<column> columns;
    std::vector<row> header_rows;  // optional group headings above the column labels (cells may span)
    std::vector<row> rows;
    std::vector<row> footer_rows;  // statistics: totals, averages, % on track
};

struct matrix_heading {
    std::string label;
    std::optional<band> heading_band;
    bool no_data = false;  // the "No data" row or column
};

struct matrix_cell {
    int64_t count = 0;
    std::optional<double> percent;
    std::optional<band> cell_band;
    std::string pupils;
};

struct matrix {
    std::string title;
    std::string row_title;     // what the rows are: "Summer 2023 (KS1)"
    std::string column_title;  // what the columns are: "Autumn 2023"
    std::vector<matrix_heading> rows;
    std::vector<matrix_heading> columns;
    std::vector<std::vector<matrix_cell>> cells;  // cells[row][column]
};

// One of the eight regions of a three-set Venn: membership[i] says whether pupils are in set i.
struct venn_region {
    std::vector<bool> membership;  // three entries; all false is "in none"
    int64_t count = 0;
    double percent = 0.0;
    std::string pupils;
};

// Pupils the sets cannot place (no judgement in one of the subjects): counted beside the diagram,
// not in "none", so "none" means judged in all three and in none of the sets.
struct venn_unjudged {
    std::string label;  // "No judgement in at least one subject"
    int64_t count = 0;
    std::string pupils;
};

struct venn {
    std::string title;
    std::vector<std::string> sets;  // exactly three labels
    int64_t total = 0;              // pupils in the regions
    std::vector<venn_region> regions;  // exactly eight, each membership once
    std::optional<venn_unjudged> unjudged;  // schema 1.1
};

enum class chart_kind { line, bar };

struct chart_series {
    std::string name;
    std::vector<std::optional<double>> values;  // one per category; empty where there is no value
    std::optional<uint32_t> colour_rgb;
};

struct chart {
    std::string title;
    chart_kind kind = chart_kind::line;
    std::string x_title;
    std::string y_title;
    std::vector<std::string> categories;
    std::vector<chart_series> series;
    std::optional<double> y_min;
    std::optional<double> y_max;
};

struct listed_pupil {
    std::string name;                 // "ŁUKASZ-BRONTË, Zoë"
    std::vector<std::string> values;  // one per column of the list
};

// A named drill-down list; cells refer to it by id.
struct pupil_list {
    std::string id;
    std::string title;
    std::vector<std::string> columns;  // judgement headings after the name
    std::vector<listed_pupil> pupils;  // alphabetical, as the builder sorted them
};

struct pupil_lists {
    std::string title;  // "Appendix: pupils behind each figure"
    std::vector<pupil_list> lists;
};

struct form_field {
    std::string label;
    std::vector<std::string> answers;  // one per answer column; empty for a blank form
    int lines = 1;                     // writing lines when an answer is blank
};

struct form {
    std::string title;
    std::vector<std::string> answer_columns;  // empty: one unlabelled answer column
    std::vector<form_field> fields;
};

struct page_break {};

using block = std::variant<heading, paragraph, key_values, table, matrix, venn, chart, pupil_lists, form, page_break>;

struct document {
    std::string title;
    std::string school;
    std::string kind;    // "full_report", "progress_matrix", "venn", "pupil_profile", ...
    std::string counts;  // what the figures count: "Pupils on roll in Year 1 with a judgement"
    std::vector<std::string> filters;  // readable: "Year 1", "Autumn Term 2022", "All classes"
    std::string generated;  // ISO date and time, "2026-11-22T14:05:00Z"
    std::string as_of;      // ISO date the data stands as of
    std::vector<std::string> schemes;
    int64_t excluded_pupils = 0;  // left out by "Include in Data = No"
    reports::orientation page_orientation = orientation::portrait;
    std::vector<block> blocks;
};

// Throws document_error naming the first problem: required text empty, rows that do not match
// the columns, a Venn without its eight regions, a drill-down id no pupil list has, ...
void validate(const document &doc);

// The names used in JSON (and so in error messages).
const char *block_type_name(const block &b);
const char *column_type_name(column_type type);

}  // namespace waymark::reports
