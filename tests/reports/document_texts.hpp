// What the report builders' tests compare: the texts of a document's table rows.
#pragma once

#include "reports/document.hpp"

#include <string>
#include <vector>

namespace waymark::testing {

// Each cell's text, a row per vector.
inline std::vector<std::vector<std::string>> texts(const std::vector<reports::row> &rows) {
    std::vector<std::vector<std::string>> out;
    for (const auto &r : rows) {
        out.emplace_back();
        for (const auto &c : r) out.back().push_back(c.text);
    }
    return out;
}

}  // namespace waymark::testing
