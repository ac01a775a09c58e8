#include "ctf/result_codes.hpp"

#include "csv/csv_table.hpp"

#include <array>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace waymark::connectors::ctf {

namespace {

constexpr std::array<std::string_view, 8> header{"stage",  "subject", "method",          "component",
                                                 "result_qualifier", "kind", "waymark_subject", "values"};

std::string upper(std::string_view text) {
    std::string result(text);
    for (char &c : result)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return result;
}

// Keys compare without regard to case: stored upper case, looked up upper case.
result_key normalised(const result_key &key) {
    return {upper(key.stage), upper(key.subject), upper(key.method), upper(key.component), upper(key.result_qualifier)};
}

std::vector<std::pair<std::string, std::string>> value_pairs(std::string_view text, const std::string &where) {
    std::vector<std::pair<std::string, std::string>> pairs;
    while (!text.empty()) {
        const auto end = text.find(';');
        const std::string_view pair = text.substr(0, end);
        const auto equals = pair.find('=');
        if (equals == std::string_view::npos || equals == 0 || equals + 1 == pair.size())
            throw result_codes_error(where + ": the value pair \"" + std::string(pair) +
                                     "\" should read waymark=ctf, e.g. Expected=2.");
        pairs.emplace_back(pair.substr(0, equals), pair.substr(equals + 1));
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    }
    return pairs;
}

}  // namespace

result_codes result_codes::parse(std::string_view text, std::string_view file_name) {
    std::vector<csv::csv_row> rows;
    try {
        rows = csv::read_csv(text);
    } catch (const csv::csv_format_error &error) {
        throw result_codes_error(std::string(file_name) + ", line " + std::to_string(error.line()) + ": " + error.reason() + ".");
    }
    if (rows.empty() || rows.front().cells != std::vector<std::string>(header.begin(), header.end()))
        throw result_codes_error(std::string(file_name) +
                                 ", line 1: the header should read "
                                 "stage,subject,method,component,result_qualifier,kind,waymark_subject,values.");
    result_codes codes;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto &cells = rows[i].cells;
        const std::string where = std::string(file_name) + ", line " + std::to_string(rows[i].line);
        if (cells.size() != header.size())
            throw result_codes_error(where + ": the row has " + std::to_string(cells.size()) + " cells; it needs " +
                                     std::to_string(header.size()) + ".");
        const auto kind = domain::parse_statutory_kind(cells[5]);
        if (!kind) throw result_codes_error(where + ": \"" + cells[5] + "\" is not a statutory result kind.");
        result_key key = normalised({cells[0], cells[1], cells[2], cells[3], cells[4]});
        for (const auto &[existing, meaning] : codes.rows_)
            if (existing == key) throw result_codes_error(where + ": this key is already mapped by an earlier row.");
        codes.rows_.emplace_back(std::move(key), result_meaning{*kind, cells[6], value_pairs(cells[7], where)});
    }
    return codes;
}

result_codes result_codes::load(const std::filesystem::path &file) {
    std::ifstream stream(file, std::ios::binary);
    if (!stream)
        throw result_codes_error("The CTF result code table " + file.string() + " cannot be opened; set "
                                 "WAYMARK_CTF_RESULT_CODES to its path.");
    std::ostringstream text;
    text << stream.rdbuf();
    return parse(text.str(), file.string());
}

std::optional<domain::statutory_result> result_codes::to_waymark(const result_key &key, std::string_view ctf_value) const {
    const result_key wanted = normalised(key);
    for (const auto &[mapped_key, meaning] : rows_) {
        if (mapped_key != wanted) continue;
        domain::statutory_result result;
        result.kind = meaning.kind;
        result.subject = meaning.subject;
        if (meaning.values.empty()) {
            result.value = std::string(ctf_value);
            return result;
        }
        for (const auto &[waymark_value, ctf_code] : meaning.values)
            if (ctf_code == ctf_value) {
                result.value = waymark_value;
                return result;
            }
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<std::pair<result_key, std::string>> result_codes::to_ctf(const domain::statutory_result &result) const {
    for (const auto &[key, meaning] : rows_) {
        if (meaning.kind != result.kind || meaning.subject != result.subject) continue;
        if (meaning.values.empty()) return std::pair{key, result.value};
        for (const auto &[waymark_value, ctf_code] : meaning.values)
            if (waymark_value == result.value) return std::pair{key, ctf_code};
        return std::nullopt;
    }
    return std::nullopt;
}

std::filesystem::path default_result_codes_file() {
    if (const char *configured = std::getenv("WAYMARK_CTF_RESULT_CODES"); configured && *configured) return configured;
    // Installed beside the executable (<prefix>/bin/waymark, <prefix>/share/waymark/ctf), wherever the
    // prefix is, as the plugins are found (lib/waymark/plugins).
    std::error_code no_executable;
    const auto executable = std::filesystem::read_symlink("/proc/self/exe", no_executable);
    const auto installed = executable.parent_path().parent_path() / "share" / "waymark" / "ctf" / "result_codes.csv";
    if (!no_executable && std::filesystem::exists(installed)) return installed;
    return WAYMARK_CTF_RESULT_CODES_SOURCE;
}

}  // namespace waymark::connectors::ctf
