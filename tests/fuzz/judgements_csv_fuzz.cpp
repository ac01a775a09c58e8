// The judgements CSV import's reading of a file (host/services/tracking/judgement_import.hpp
// read_judgement_csv: everything the import checks before it asks the database). Invariants:
//   - the cells read come in file order, after the header, each with a value;
//   - the cells read, written back with every column (kind and against spelled out) and RFC 4180
//     quoting and read again, are the same cells, with no problem;
//   - each problem is a sentence on a line the file has, naming a column of the import or none.
#include "fuzz_check.hpp"
#include "fuzz_csv.hpp"
#include "services/tracking/judgement_import.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace {

using waymark::fuzz::require;
using waymark::services::cell_change;

constexpr std::array<std::string_view, 5> columns{"UPN", "subject", "value", "kind", "against"};

// A change's cells in the order of `columns`, kind and against spelled out.
std::vector<std::string> cells_of(const cell_change &change) {
    return {change.cell.upn, change.cell.subject, change.value, std::string(waymark::services::cell_kind_name(change.cell.kind)),
            change.judged_year ? std::to_string(*change.judged_year) : ""};
}

auto fields(const cell_change &change) {
    return std::tie(change.cell.upn, change.cell.subject, change.cell.kind, change.value, change.judged_year);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    waymark::fuzz::require_import_reading({reinterpret_cast<const char *>(data), size}, waymark::services::read_judgement_csv,
                                          columns, cells_of, fields, [](const std::vector<cell_change> &changes) {
                                              for (const auto &change : changes)
                                                  require(!change.value.empty(), "every cell read has a value");
                                          });
    return 0;
}
