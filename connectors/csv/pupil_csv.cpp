#include "csv/pupil_csv.hpp"

#include "csv/csv_table.hpp"
#include "domain/pupil_fields.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <optional>
#include <sstream>
#include <unordered_map>

namespace waymark::connectors::csv {

namespace {

enum class column { upn, surname, forename, dob, gender, postcode, fsm, ethnicity, eal, sen, la_reference };
constexpr std::size_t column_count = 11;

struct column_spec {
    column id;
    std::string_view name;
    std::array<std::string_view, 3> other_names;  // the template's long headings and common MIS names
};

constexpr std::array<column_spec, column_count> columns{{
    {column::upn, "UPN", {"Unique Pupil Number", "", ""}},
    {column::surname, "Surname", {"Legal Surname", "", ""}},
    {column::forename, "Forename", {"Legal Forename", "First name", ""}},
    {column::dob, "DOB", {"DOB dd/mm/yyyy", "Date of birth", ""}},
    {column::gender, "Gender", {"Gender M or F", "Sex", ""}},
    {column::postcode, "Postcode", {"Post code", "", ""}},
    {column::fsm, "FSM", {"FSM Allow Y, N or blank", "", ""}},
    {column::ethnicity, "Ethnic code", {"Ethnicity", "Ethnic", ""}},
    {column::eal, "EAL", {"English as additional language Allow Y, N or blank", "", ""}},
    {column::sen, "SEN", {"SEN Allow SEN_K, SEN_E, S For office use only", "", ""}},
    {column::la_reference, "LA reference", {"LCCNo", "LA ref", ""}},
}};

// Upper case with runs of white space made one space, for forgiving header matches.
std::string heading_key(std::string_view text) {
    std::string key;
    for (const char c : domain::upper_case(text)) {
        const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
        if (space && (key.empty() || key.back() == ' ')) continue;
        key += space ? ' ' : c;
    }
    if (!key.empty() && key.back() == ' ') key.pop_back();
    return key;
}

std::optional<column> column_named(std::string_view heading) {
    const std::string key = heading_key(heading);
    for (const auto &spec : columns) {
        if (key == heading_key(spec.name)) return spec.id;
        for (const auto other : spec.other_names)
            if (!other.empty() && key == heading_key(other)) return spec.id;
    }
    return std::nullopt;
}

std::string_view name_of(column id) { return columns[static_cast<std::size_t>(id)].name; }

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

// Where each template column sits in the file; unnamed columns are remembered so that a value
// under one can be reported rather than silently dropped.
struct header_layout {
    std::array<std::optional<std::size_t>, column_count> position{};
    std::vector<std::size_t> unnamed;
};

header_layout read_header(const csv_row &header, std::vector<upload_problem> &problems) {
    header_layout layout;
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
        const std::string &heading = header.cells[i];
        if (heading_key(heading).empty()) {
            layout.unnamed.push_back(i);
            continue;
        }
        const auto id = column_named(heading);
        if (!id) {
            problems.push_back({header.line, heading,
                                "The column " + in_quotes(heading) + " is not one of the template's columns (UPN, Surname, "
                                "Forename, DOB, Gender, Postcode, FSM, Ethnic code, EAL, SEN, LA reference); rename or "
                                "remove it."});
            continue;
        }
        auto &slot = layout.position[static_cast<std::size_t>(*id)];
        if (slot) {
            problems.push_back({header.line, std::string(name_of(*id)),
                                "The column " + std::string(name_of(*id)) + " appears twice in the header; keep one."});
            continue;
        }
        slot = i;
    }
    for (const auto &spec : columns)
        if (!layout.position[static_cast<std::size_t>(spec.id)])
            problems.push_back({header.line, std::string(spec.name),
                                "The column " + std::string(spec.name) + " is missing from the header row; add it "
                                "(it may be left blank where the template allows)."});
    return layout;
}

// Checks one data row and turns it into a pupil; each problem found is added to `problems`.
class row_reader {
public:
    row_reader(const csv_row &row, const header_layout &layout, const upload_options &options,
               std::vector<upload_problem> &problems)
        : row_(row), layout_(layout), options_(options), problems_(problems) {}

    domain::pupil read() {
        domain::pupil pupil;
        check_shape();
        read_upn(pupil);
        pupil.surname = name(column::surname);
        pupil.forename = name(column::forename);
        read_date_of_birth(pupil);
        read_gender(pupil);
        read_postcode(pupil);
        pupil.fsm = yes_no(column::fsm);
        read_ethnicity(pupil);
        pupil.eal = yes_no(column::eal);
        read_sen(pupil);
        read_la_reference(pupil);
        return pupil;
    }

private:
    std::string_view cell(column id) const {
        const auto position = layout_.position[static_cast<std::size_t>(id)];
        if (!position || *position >= row_.cells.size()) return {};
        return domain::trimmed(row_.cells[*position]);
    }

    void problem(column id, std::string reason) { problems_.push_back({row_.line, std::string(name_of(id)), std::move(reason)}); }

    void check_shape() {
        for (const std::size_t unnamed : layout_.unnamed)
            if (unnamed < row_.cells.size() && !domain::trimmed(row_.cells[unnamed]).empty())
                problems_.push_back({row_.line, "",
                                     "Cell " + std::to_string(unnamed + 1) + " holds " + in_quotes(domain::trimmed(row_.cells[unnamed])) +
                                         " under a column with no heading; move it to the right column or delete it."});
        std::size_t header_width = layout_.unnamed.size();
        for (const auto &position : layout_.position) header_width += position ? 1 : 0;
        for (std::size_t i = header_width; i < row_.cells.size(); ++i)
            if (!domain::trimmed(row_.cells[i]).empty()) {
                problems_.push_back({row_.line, "",
                                     "The row has " + std::to_string(row_.cells.size()) + " cells but the header has " +
                                         std::to_string(header_width) + "; a comma inside a value needs the value in quotes."});
                break;
            }
    }

    void check(column id, domain::field_problem found) {
        if (found) problem(id, std::move(*found));
    }

    void read_upn(domain::pupil &pupil) { check(column::upn, domain::read_upn_field(cell(column::upn), pupil.upn)); }

    std::string name(column id) {
        std::string value;
        check(id, domain::read_name_field(name_of(id), cell(id), value));
        return value;
    }

    void read_date_of_birth(domain::pupil &pupil) {
        check(column::dob, domain::read_date_of_birth_field(cell(column::dob), options_.academic_year, pupil.date_of_birth));
    }

    void read_gender(domain::pupil &pupil) { check(column::gender, domain::read_gender_field(cell(column::gender), pupil.gender)); }

    void read_postcode(domain::pupil &pupil) {
        check(column::postcode, domain::read_postcode_field(cell(column::postcode), options_.school_postcode, pupil.postcode));
    }

    bool yes_no(column id) {
        bool value = false;
        check(id, domain::read_yes_no_field(name_of(id), cell(id), value));
        return value;
    }

    void read_ethnicity(domain::pupil &pupil) {
        check(column::ethnicity, domain::read_ethnicity_field(cell(column::ethnicity), pupil.ethnicity));
    }

    void read_sen(domain::pupil &pupil) { check(column::sen, domain::read_sen_field(cell(column::sen), pupil.sen)); }

    void read_la_reference(domain::pupil &pupil) {
        check(column::la_reference, domain::read_la_reference_field(cell(column::la_reference), pupil.la_reference));
    }

    const csv_row &row_;
    const header_layout &layout_;
    const upload_options &options_;
    std::vector<upload_problem> &problems_;
};

bool is_blank(const csv_row &row) {
    return std::ranges::all_of(row.cells, [](const std::string &cell) {
        return cell.find_first_not_of(" \t\r\n") == std::string::npos;
    });
}

}  // namespace

std::string describe(const upload_problem &problem) {
    if (problem.line == 0) return problem.reason;
    std::string text = "Line " + std::to_string(problem.line);
    if (!problem.column.empty()) text += ", " + problem.column;
    return text + ": " + problem.reason;
}

std::span<const std::string_view> pupil_upload_columns() {
    static const auto names = [] {
        std::array<std::string_view, column_count> result{};
        std::ranges::transform(columns, result.begin(), &column_spec::name);
        return result;
    }();
    return names;
}

pupil_upload read_pupil_upload(std::string_view text, const upload_options &options) {
    pupil_upload upload;
    std::vector<csv_row> rows;
    try {
        rows = read_csv(text);
    } catch (const csv_format_error &error) {
        upload.problems.push_back({error.line(), "", "At character " + std::to_string(error.column()) + ", " + error.reason() + "."});
        return upload;
    }
    if (rows.empty()) {
        upload.problems.push_back({0, "", "The file is empty; it needs a header row and a row for each pupil."});
        return upload;
    }
    const header_layout layout = read_header(rows.front(), upload.problems);
    if (!upload.problems.empty()) return upload;  // without the columns, every row would only repeat it

    std::unordered_map<std::string, std::size_t> first_line_of_upn;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        if (is_blank(rows[i])) continue;
        domain::pupil pupil = row_reader(rows[i], layout, options, upload.problems).read();
        if (!pupil.upn.empty()) {
            const auto [first, inserted] = first_line_of_upn.try_emplace(pupil.upn, rows[i].line);
            if (!inserted)
                upload.problems.push_back({rows[i].line, "UPN",
                                           "The UPN " + pupil.upn + " is also on line " + std::to_string(first->second) +
                                               "; each pupil appears once."});
        }
        upload.pupils.push_back(std::move(pupil));
        upload.lines.push_back(rows[i].line);
    }
    if (upload.pupils.empty() && upload.problems.empty())
        upload.problems.push_back({0, "", "The file has a header row but no pupils."});
    if (!upload.problems.empty()) {
        upload.pupils.clear();
        upload.lines.clear();
    }
    return upload;
}

pupil_upload read_pupil_upload_file(const std::filesystem::path &file, const upload_options &options) {
    std::ifstream stream(file, std::ios::binary);
    if (!stream) {
        pupil_upload upload;
        upload.problems.push_back({0, "", "The file " + file.string() + " cannot be opened; check the name and that it exists."});
        return upload;
    }
    std::ostringstream contents;
    contents << stream.rdbuf();
    return read_pupil_upload(contents.str(), options);
}

}  // namespace waymark::connectors::csv
