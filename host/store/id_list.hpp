// Row ids written into a query as an IN list. Ids come from the database as integers, never from a
// user's text, so writing them in is safe, and one statement covers any number of them.
#pragma once

#include <string>

namespace waymark::store {

// "1,2,3" ("" for none).
template <class Ids>
std::string id_list(const Ids &ids) {
    std::string sql;
    for (const long long id : ids) sql += (sql.empty() ? "" : ",") + std::to_string(id);
    return sql;
}

}  // namespace waymark::store
