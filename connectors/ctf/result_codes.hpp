// What a CTF StageAssessment means to Waymark: a table kept as data (connectors/ctf/result_codes.csv,
// installed beside the host) rather than code, so a school or LA can correct or extend it when the
// CTF specification changes without a new build. Each row maps the key (Stage, Subject, Method,
// Component, ResultQualifier) to a statutory result kind, the Waymark subject and, where the CTF
// codes values differently, the value pairs (Waymark=CTF, separated by ';').
//
// The shipped codes follow shared/domain.md section 6; they have not yet been checked against the
// official CTF schema and code sets (see the file's history), which is why they are data.
#pragma once

#include "domain/statutory.hpp"

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::connectors::ctf {

struct result_key {
    std::string stage;
    std::string subject;
    std::string method;
    std::string component;
    std::string result_qualifier;

    bool operator==(const result_key &) const = default;
};

struct result_meaning {
    domain::statutory_kind kind{};
    std::string subject;  // the statutory_result's subject ("E01", "reading", "" ...)
    std::vector<std::pair<std::string, std::string>> values;  // (Waymark value, CTF value); empty = same text
};

// A bad mapping file: the message names the file and line.
class result_codes_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class result_codes {
public:
    // Reads and checks the table; throws result_codes_error naming the file and line of a bad row.
    static result_codes load(const std::filesystem::path &file);
    static result_codes parse(std::string_view text, std::string_view file_name);

    // The statutory result a CTF entry stands for; nullopt when no row maps the key, or the row
    // lists values and `ctf_value` is not one of them.
    std::optional<domain::statutory_result> to_waymark(const result_key &key, std::string_view ctf_value) const;

    // The CTF key and value for a Waymark result; nullopt when no row maps it.
    std::optional<std::pair<result_key, std::string>> to_ctf(const domain::statutory_result &result) const;

    std::size_t size() const { return rows_.size(); }

private:
    std::vector<std::pair<result_key, result_meaning>> rows_;
};

// The table the host uses: $WAYMARK_CTF_RESULT_CODES when set, else the copy installed
// with the executable (<prefix>/share/waymark/ctf), else the
// copy in the source tree (a development build).
std::filesystem::path default_result_codes_file();

}  // namespace waymark::connectors::ctf
