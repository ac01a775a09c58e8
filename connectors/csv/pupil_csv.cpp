#include "csv/pupil_csv.hpp"

#include "csv/csv_table.hpp"
#include "domain/calendar.hpp"
#include "domain/codes.hpp"
#include "domain/postcode.hpp"
#include "domain/upn.hpp"

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

constexpr std::size_t name_limit = 100;        // wm_pupils.surname / forename
constexpr std::size_t la_reference_limit = 20;  // wm_pupils.la_reference

std::string upper(std::string_view text) {
    std::string result(text);
    for (char &c : result)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return result;
}

// Upper case with runs of white space made one space, for forgiving header matches.
std::string heading_key(std::string_view text) {
    std::string key;
    for (const char c : upper(text)) {
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

std::size_t characters(std::string_view utf8) {
    return static_cast<std::size_t>(std::ranges::count_if(utf8, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

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

// One or two digits, one or two digits, four digits, separated by slashes: the template's date
// format, so a value of this shape that is no date names a day that does not exist (31/02/2019).
bool has_uk_date_shape(std::string_view text) {
    const auto is_digits = [](std::string_view part, std::size_t min_size, std::size_t max_size) {
        return part.size() >= min_size && part.size() <= max_size &&
               std::ranges::all_of(part, [](char c) { return c >= '0' && c <= '9'; });
    };
    const auto first = text.find('/');
    const auto second = first == std::string_view::npos ? first : text.find('/', first + 1);
    if (second == std::string_view::npos) return false;
    return is_digits(text.substr(0, first), 1, 2) && is_digits(text.substr(first + 1, second - first - 1), 1, 2) &&
           is_digits(text.substr(second + 1), 4, 4);
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
        return trimmed(row_.cells[*position]);
    }

    static std::string_view trimmed(std::string_view text) {
        const auto first = text.find_first_not_of(" \t\r\n");
        if (first == std::string_view::npos) return {};
        return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
    }

    void problem(column id, std::string reason) { problems_.push_back({row_.line, std::string(name_of(id)), std::move(reason)}); }

    void check_shape() {
        for (const std::size_t unnamed : layout_.unnamed)
            if (unnamed < row_.cells.size() && !trimmed(row_.cells[unnamed]).empty())
                problems_.push_back({row_.line, "",
                                     "Cell " + std::to_string(unnamed + 1) + " holds " + in_quotes(trimmed(row_.cells[unnamed])) +
                                         " under a column with no heading; move it to the right column or delete it."});
        std::size_t header_width = layout_.unnamed.size();
        for (const auto &position : layout_.position) header_width += position ? 1 : 0;
        for (std::size_t i = header_width; i < row_.cells.size(); ++i)
            if (!trimmed(row_.cells[i]).empty()) {
                problems_.push_back({row_.line, "",
                                     "The row has " + std::to_string(row_.cells.size()) + " cells but the header has " +
                                         std::to_string(header_width) + "; a comma inside a value needs the value in quotes."});
                break;
            }
    }

    void read_upn(domain::pupil &pupil) {
        pupil.upn = upper(cell(column::upn));
        if (auto upn_problem = domain::upn_problem(pupil.upn)) problem(column::upn, std::move(*upn_problem));
    }

    std::string name(column id) {
        const std::string_view value = cell(id);
        if (value.empty()) problem(id, "The " + std::string(name_of(id)) + " is missing; every pupil needs one.");
        else if (std::ranges::any_of(value, [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
            problem(id, "The " + std::string(name_of(id)) + " contains a line break or tab; keep a name on one line.");
        else if (characters(value) > name_limit)
            problem(id, "The " + std::string(name_of(id)) + " is longer than " + std::to_string(name_limit) + " characters.");
        return std::string(value);
    }

    void read_date_of_birth(domain::pupil &pupil) {
        const std::string_view value = cell(column::dob);
        const auto date = domain::parse_uk_date(value);
        if (value.empty()) problem(column::dob, "The date of birth is missing; write it as dd/mm/yyyy, e.g. 05/03/2019.");
        else if (!date && has_uk_date_shape(value))
            problem(column::dob, in_quotes(value) + " is not a day of the calendar; check the day and the month.");
        else if (!date)
            problem(column::dob, in_quotes(value) + " is not a date in the form dd/mm/yyyy, e.g. 05/03/2019.");
        else if (auto age_problem = school_age_problem(*date)) problem(column::dob, in_quotes(value) + *age_problem);
        if (date) pupil.date_of_birth = *date;
    }

    // Nursery (N1, NC year -2) to Year 11 in the school's current year, when the caller gave it.
    std::optional<std::string> school_age_problem(domain::date date_of_birth) const {
        if (!options_.academic_year) return std::nullopt;
        const int year_group = domain::nc_year(date_of_birth, *options_.academic_year);
        const std::string in_year = " in " + domain::format_academic_year(*options_.academic_year);
        if (year_group < -2) return " makes the pupil too young for Nursery" + in_year + "; check the year of birth.";
        if (year_group > 11)
            return " puts the pupil in Year " + std::to_string(year_group) + in_year + ", past Year 11; check the year of birth.";
        return std::nullopt;
    }

    void read_gender(domain::pupil &pupil) {
        const std::string_view value = cell(column::gender);
        const auto *gender = domain::find_gender(value);
        if (!gender) {
            problem(column::gender, value.empty() ? "The gender is missing; write M or F."
                                                  : "The gender " + in_quotes(value) + " should be M or F.");
            return;
        }
        pupil.gender = gender->code.front();
    }

    void read_postcode(domain::pupil &pupil) {
        const std::string_view value = cell(column::postcode);
        if (value.empty()) {
            problem(column::postcode, "The postcode is missing; write the pupil's postcode, or UNKNOWN to use the "
                                      "school's own.");
            return;
        }
        if (upper(value) == "UNKNOWN") {
            if (options_.school_postcode.empty())
                problem(column::postcode, "The postcode is UNKNOWN but the school's own postcode, which stands in for "
                                          "it, is not recorded; set the school's postcode first.");
            pupil.postcode = options_.school_postcode;
            return;
        }
        if (auto postcode = domain::normalise_postcode(value)) pupil.postcode = std::move(*postcode);
        else
            problem(column::postcode, in_quotes(value) + " is not a UK postcode (e.g. PR1 8XJ); write UNKNOWN to use the "
                                                      "school's own.");
    }

    bool yes_no(column id) {
        const std::string value = upper(cell(id));
        if (value.empty() || value == "N") return false;
        if (value == "Y") return true;
        problem(id, "The " + std::string(name_of(id)) + " value " + in_quotes(cell(id)) + " should be Y, N or blank.");
        return false;
    }

    void read_ethnicity(domain::pupil &pupil) {
        const std::string_view value = cell(column::ethnicity);
        const auto *ethnicity = domain::find_ethnicity(value);
        if (!ethnicity) {
            problem(column::ethnicity, value.empty() ? "The ethnic code is missing; every pupil needs one (REFU when "
                                                       "refused, NOBT when not yet obtained)."
                                                     : in_quotes(value) + " is not a known ethnic code (e.g. WBRI, MWBC, "
                                                                       "AIND; REFU when refused, NOBT when not obtained).");
            return;
        }
        pupil.ethnicity = std::string(ethnicity->code);
    }

    void read_sen(domain::pupil &pupil) {
        std::string value = upper(cell(column::sen));
        if (value.starts_with("SEN_")) value.erase(0, 4);  // the template's own spelling: SEN_K, SEN_E
        if (value.empty()) value = "N";
        const auto *sen = domain::find_sen(value);
        if (!sen) {
            problem(column::sen, "The SEN value " + in_quotes(cell(column::sen)) +
                                     " should be N, K (SEN support), E (EHC plan), a historic A, P or S, or blank.");
            return;
        }
        pupil.sen = sen->code.front();
    }

    void read_la_reference(domain::pupil &pupil) {
        const std::string_view value = cell(column::la_reference);
        if (characters(value) > la_reference_limit)
            problem(column::la_reference, "The LA reference is longer than " + std::to_string(la_reference_limit) + " characters.");
        pupil.la_reference = std::string(value);
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
