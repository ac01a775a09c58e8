// The pupil upload (connectors/csv/pupil_csv.hpp) on arbitrary bytes. Invariants:
//   - an accepted file, written back in the template's column order with RFC 4180 quoting and read
//     again, gives the same pupils (so nothing the reader accepted depends on how the file was laid out);
//   - a refused file yields no pupils, and each problem is a sentence that names a line of the file
//     (or is about the file as a whole), and a column when it names one that the template or the
//     header has.
#include "csv/pupil_csv.hpp"
#include "domain/calendar.hpp"
#include "fuzz_check.hpp"
#include "fuzz_csv.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using waymark::connectors::csv::pupil_upload;
using waymark::connectors::csv::read_pupil_upload;
using waymark::connectors::csv::upload_options;
using waymark::fuzz::quoted_cell;
using waymark::fuzz::require;

// The upload again, as the template lays it out: every cell quoted, LF line ends.
std::string template_csv(const pupil_upload &upload, std::string_view school_postcode) {
    std::string text;
    for (const auto name : waymark::connectors::csv::pupil_upload_columns()) text += std::string(name) + ",";
    text.back() = '\n';
    for (const auto &pupil : upload.pupils) {
        const std::string cells[] = {pupil.upn,
                                     pupil.surname,
                                     pupil.forename,
                                     waymark::domain::format_uk_date(pupil.date_of_birth),
                                     std::string(1, pupil.gender),
                                     pupil.postcode == school_postcode ? "UNKNOWN" : pupil.postcode,
                                     pupil.fsm ? "Y" : "N",
                                     pupil.ethnicity,
                                     pupil.eal ? "Y" : "N",
                                     std::string(1, pupil.sen),
                                     pupil.la_reference};
        for (const auto &cell : cells) text += quoted_cell(cell) + ",";
        text.back() = '\n';
    }
    return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const upload_options options{"PR1 8XJ", waymark::domain::academic_year{2025}};
    const pupil_upload upload = read_pupil_upload(text, options);

    if (!upload.ok()) {
        require(upload.pupils.empty() && upload.lines.empty(), "a refused upload yields no pupils");
        for (const auto &problem : upload.problems)
            waymark::fuzz::require_upload_problem(problem, text, waymark::connectors::csv::pupil_upload_columns());
        return 0;
    }

    require(!upload.pupils.empty() && upload.pupils.size() == upload.lines.size(), "an accepted upload has pupils, each with its line");
    require(std::ranges::is_sorted(upload.lines) && upload.lines.front() >= 2, "pupils come in file order, after the header");
    const std::string again_text = template_csv(upload, options.school_postcode);
    const pupil_upload again = read_pupil_upload(again_text, options);
    require(again.ok(), "the upload written back in template order is accepted");
    require(again.pupils == upload.pupils, "the upload written back in template order re-reads to the same pupils");
    return 0;
}
