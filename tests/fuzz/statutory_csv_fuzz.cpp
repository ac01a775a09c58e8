// The statutory CSV (host/services/statutory/statutory_entry.hpp read_statutory_csv: the header
// UPN,measure,subject,value and a row per value). Invariants:
//   - the only failure is a statutory_error (invalid) with at least one problem, each a sentence that
//     names a line the file has ("Line N ..."), or about the file as a whole;
//   - the values read come in file order, after the header;
//   - the values read, written back with RFC 4180 quoting and read again, are the same values.
#include "fuzz_check.hpp"
#include "fuzz_csv.hpp"
#include "services/statutory/statutory_entry.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <tuple>

namespace {

using waymark::fuzz::require;
using waymark::services::statutory_file;
using waymark::services::statutory_value;

std::string written_back(const statutory_file &file) {
    std::string text = waymark::fuzz::quoted_line({"UPN", "measure", "subject", "value"});
    for (const auto &value : file.values)
        text += waymark::fuzz::quoted_line({value.upn, waymark::services::statutory_measure_name(value.measure), value.subject, value.value});
    return text;
}

auto fields(const statutory_value &value) { return std::tie(value.upn, value.measure, value.subject, value.value); }

// "Line N..." with N a line of the file, or a sentence without a line.
void require_names_a_line(const std::string &message, std::string_view text) {
    require(waymark::fuzz::is_sentence(message), "each problem is a sentence");
    if (!message.starts_with("Line ")) return;
    const auto line = std::stoull(message.substr(5));
    require(line >= 1 && line <= waymark::fuzz::line_count(text), "a problem names a line the file has");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    statutory_file file;
    try {
        file = waymark::services::read_statutory_csv(text);
    } catch (const waymark::services::statutory_error &refused) {
        require(!refused.problems().empty() && refused.reason() == waymark::services::statutory_refusal::invalid,
                "a refused file is invalid with its problems");
        for (const auto &problem : refused.problems()) require_names_a_line(problem.message, text);
        return 0;
    }
    require(file.values.size() == file.lines.size(), "each value read has its line");
    require(std::ranges::is_sorted(file.lines), "values come in file order");
    require(file.lines.empty() || file.lines.front() >= waymark::fuzz::header_line(text),
            "values come after the header (on its line only after a lone CR, which starts no line)");

    statutory_file again;
    try {
        again = waymark::services::read_statutory_csv(written_back(file));
    } catch (const waymark::services::statutory_error &refused) {
        std::fprintf(stderr, "%s\n", refused.what());
        require(false, "the values read, written back, are accepted");
    }
    require(std::ranges::equal(again.values, file.values, [](const auto &a, const auto &b) { return fields(a) == fields(b); }),
            "the values read, written back, read again the same");
    return 0;
}
