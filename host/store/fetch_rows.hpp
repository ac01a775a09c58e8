// Reads a prepared SELECT in batches into typed column vectors: the one way of reading rows that
// behaves alike on sqliteodbc and psqlODBC (a soci::row reports integer columns as a string on one
// and a number on the other). Select nullable columns through COALESCE and CAST text to VARCHAR(n).
#pragma once

#include <soci/soci.h>

#include <cstddef>
#include <vector>

namespace waymark::store {

inline constexpr std::size_t fetch_batch = 512;

// Sizes the column vectors for one batch; SOCI refuses to prepare into an empty vector, so call this
// before preparing the statement.
template <class... Columns>
void size_for_fetch(std::vector<Columns> &...columns) {
    (columns.resize(fetch_batch), ...);
}

// `statement` must be prepared with soci::into(columns)... (sized by size_for_fetch) in the same
// order; each(i) is called for every row i of each batch.
template <class Each, class First, class... Rest>
void fetch_rows(soci::statement &statement, Each &&each, std::vector<First> &first, std::vector<Rest> &...rest) {
    constexpr std::size_t batch = fetch_batch;
    statement.execute();
    while (statement.fetch()) {
        for (std::size_t i = 0; i < first.size(); ++i) each(i);
        first.resize(batch);
        (rest.resize(batch), ...);
    }
}

}  // namespace waymark::store
