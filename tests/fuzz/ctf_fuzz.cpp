// The CTF reader (connectors/ctf/ctf_reader.hpp) on arbitrary bytes. Invariants:
//   - a CTF accepted, written by the CTF writer and read again, gives the same header, the same
//     pupils and the same results (every result it mapped is one the writer can write back);
//   - a refused one is one sentence that starts with the file's name.
#include "ctf/ctf_reader.hpp"
#include "ctf/ctf_writer.hpp"
#include "fuzz_check.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace {

using waymark::connectors::ctf::ctf_document;
using waymark::connectors::ctf::result_codes;
using waymark::fuzz::require;

const result_codes &shipped_codes() {
    static const auto codes = result_codes::load(WAYMARK_SOURCE_DIR "/connectors/ctf/result_codes.csv");
    return codes;
}

// The writer groups a pupil's results by stage, so only the set of results is kept, not the order.
std::vector<waymark::domain::statutory_result> in_order(std::vector<waymark::domain::statutory_result> results) {
    std::ranges::sort(results, [](const auto &a, const auto &b) {
        return std::tie(a.upn, a.kind, a.subject, a.value, a.year.start_year) < std::tie(b.upn, b.kind, b.subject, b.value, b.year.start_year);
    });
    return results;
}

constexpr std::string_view source_name = "fuzz.xml";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const std::string_view xml(reinterpret_cast<const char *>(data), size);
    ctf_document document;
    try {
        document = read_ctf(xml, shipped_codes(), source_name);
    } catch (const waymark::connectors::ctf::ctf_error &refused) {
        const std::string_view message = refused.what();
        require(waymark::fuzz::is_sentence(message), "a refused CTF gets a sentence");
        require(message.starts_with(source_name), "a refused CTF's sentence names the file");
        return 0;
    }

    std::ostringstream written;
    const auto summary = write_ctf(written, document, shipped_codes());
    require(summary.pupils == document.pupils.size(), "the writer writes every pupil read");
    require(summary.results_not_written == 0, "every result the reader mapped can be written back");
    ctf_document again;
    try {
        again = read_ctf(written.str(), shipped_codes(), source_name);
    } catch (const waymark::connectors::ctf::ctf_error &refused) {
        std::fprintf(stderr, "%s\n", refused.what());
        require(false, "what the CTF writer writes from an accepted CTF is accepted");
    }
    require(again.header == document.header, "the header survives a write and re-read");
    require(again.pupils == document.pupils, "the pupils survive a write and re-read");
    require(in_order(again.results) == in_order(document.results), "the results survive a write and re-read");
    return 0;
}
