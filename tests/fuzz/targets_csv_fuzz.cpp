// The targets CSV import's reading of a file (host/services/targets/target_import.hpp
// read_target_csv: everything the import checks before it asks the database). Invariants:
//   - the targets read come in file order, after the header, each with a grade and no two for one
//     pupil, subject and horizon;
//   - the targets read, written back with every column (the horizon spelled out) and RFC 4180
//     quoting and read again, are the same targets, with no problem;
//   - each problem is a sentence on a line the file has, naming a column of the import or none.
#include "fuzz_check.hpp"
#include "fuzz_csv.hpp"
#include "services/targets/target_import.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace {

using waymark::fuzz::require;
using waymark::services::target_change;

constexpr std::array<std::string_view, 5> columns{"UPN", "subject", "horizon", "grade", "scheme"};

// A change's cells in the order of `columns`, the horizon spelled out.
std::vector<std::string> cells_of(const target_change &change) {
    return {change.target.upn, change.target.subject, std::string(waymark::services::target_horizon_name(change.target.horizon)),
            change.grade, change.scheme_id};
}

auto fields(const target_change &change) {
    return std::tie(change.target.upn, change.target.subject, change.target.horizon, change.grade, change.scheme_id);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    waymark::fuzz::require_import_reading(
        {reinterpret_cast<const char *>(data), size}, waymark::services::read_target_csv, columns, cells_of, fields,
        [](const std::vector<target_change> &changes) {
            std::set<std::tuple<std::string, std::string, waymark::services::target_horizon>> seen;
            for (const auto &change : changes) {
                require(!change.grade.empty(), "every target read has a grade");
                require(seen.insert({change.target.upn, change.target.subject, change.target.horizon}).second,
                        "no two targets read are for one pupil, subject and horizon");
            }
        });
    return 0;
}
