// An MIS profile's SQL, kept as data: one text of `-- name: NAME` blocks (see sims/queries.sql), so
// another MIS is added by writing its own file, not by touching the host.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace waymark::connectors {

// The MIS tables live in a schema on servers (`sims.stud_student`) but SQLite has none, so the SQL
// writes `{mis}stud_student` and the profile replaces `{mis}` with "<mis_schema>." or, when
// `mis_schema` is empty, with nothing. On SQLite the MIS tables then sit unqualified beside Waymark's
// own, which the `wm_` prefix keeps apart.
std::string qualify_mis_tables(std::string_view sql, std::string_view mis_schema);

// "sims" where the database has schemas (PostgreSQL, SQL Server), "" on SQLite.
std::string_view default_mis_schema(bool database_has_schemas);

class named_queries {
public:
    // `origin` names the text in messages ("connectors/sims/queries.sql"). Throws std::invalid_argument
    // naming the line of a block without a name or a name given twice.
    named_queries(std::string_view text, std::string_view origin, std::string_view mis_schema);

    // The query's SQL with the MIS tables qualified; throws std::out_of_range naming the query and file.
    const std::string &operator[](std::string_view name) const;
    std::size_t size() const { return queries_.size(); }

private:
    std::string origin_;
    std::map<std::string, std::string, std::less<>> queries_;
};

}  // namespace waymark::connectors
