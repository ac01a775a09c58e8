// Many rows in few statements. sqliteodbc parses a vector-bound statement again for every row and
// psqlODBC sends one statement per row, so a row each cost 27 s for an authority's 1.4 million
// statutory results on SQLite and most of a class flood-fill's time; a statement of 64 VALUES tuples
// of bound vectors is parsed once and sent once per 64 rows.
#pragma once

#include <soci/soci.h>

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace waymark::store {

// One parameter of the VALUES tuple, a value per row; `present` is empty when never NULL.
struct row_column {
    std::string name;
    std::variant<std::vector<long long>, std::vector<int>, std::vector<std::string>> values;
    std::vector<soci::indicator> present;
};

// Runs `head` VALUES (...), (...) `tail` (an ON CONFLICT clause, or "") over every row of `columns`,
// which all hold `rows` values, in the caller's transaction.
void insert_rows(soci::session &session, const std::string &head, const std::string &tail,
                 const std::vector<row_column> &columns, std::size_t rows);

}  // namespace waymark::store
