#include "services/transfer/csv_upload.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace waymark::services {
namespace {

using connectors::csv::upload_problem;

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

}  // namespace

std::optional<std::string> read_upload_file(const std::filesystem::path &file, std::vector<upload_problem> &problems) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        problems.push_back({0, "", "Cannot read " + file.string() + "; check the path and that the file is readable."});
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<connectors::csv::csv_row> read_upload_rows(const std::string &text, std::string_view needs,
                                                       std::vector<upload_problem> &problems) {
    std::vector<connectors::csv::csv_row> rows;
    try {
        rows = connectors::csv::read_csv(text);
    } catch (const connectors::csv::csv_format_error &error) {
        problems.push_back({error.line(), "", "At character " + std::to_string(error.column()) + ", " + error.reason() + "."});
        return {};
    }
    if (rows.empty()) problems.push_back({0, "", "The file is empty; it needs " + std::string(needs) + "."});
    return rows;
}

std::vector<std::optional<std::size_t>> read_upload_header(const connectors::csv::csv_row &header,
                                                           std::span<const std::string_view> names, std::size_t required,
                                                           std::string_view file_kind, std::string_view columns_sentence,
                                                           std::vector<upload_problem> &problems) {
    std::vector<std::optional<std::size_t>> at(names.size());
    for (std::size_t cell = 0; cell < header.cells.size(); ++cell) {
        const auto name = lower(header.cells[cell]);
        const auto known = std::find_if(names.begin(), names.end(), [&](auto n) { return lower(n) == name; });
        if (known == names.end()) {
            problems.push_back({header.line, header.cells[cell],
                                "is not a column of the " + std::string(file_kind) + " file; " + std::string(columns_sentence)});
            continue;
        }
        at[static_cast<std::size_t>(known - names.begin())] = cell;
    }
    for (std::size_t c = 0; c < required; ++c) {
        if (!at[c]) problems.push_back({header.line, std::string(names[c]), "The header row has no " + std::string(names[c]) + " column; add it."});
    }
    return at;
}

std::string upload_cell(const connectors::csv::csv_row &row, const std::vector<std::optional<std::size_t>> &at,
                        std::size_t column) {
    return at[column] && *at[column] < row.cells.size() ? row.cells[*at[column]] : "";
}

}  // namespace waymark::services
