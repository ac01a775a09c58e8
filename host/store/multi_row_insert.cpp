#include "store/multi_row_insert.hpp"

#include <type_traits>

namespace waymark::store {
namespace {

// VALUES tuples per statement; a dozen parameters a tuple stays far below either database's limit.
constexpr std::size_t rows_per_statement = 64;

// Rows [first, first + count) in executions of `per_statement` tuples: tuple j of each execution takes
// rows first + j, first + j + per_statement ..., so every parameter is still one bound vector.
void insert_tuples(soci::session &session, const std::string &head, const std::string &tail,
                   const std::vector<row_column> &columns, std::size_t first, std::size_t count,
                   std::size_t per_statement) {
    std::vector<row_column> dealt;  // per tuple, per column: that tuple's values
    dealt.reserve(per_statement * columns.size());
    std::string sql = head + " VALUES ";
    for (std::size_t j = 0; j < per_statement; ++j) {
        sql += j == 0 ? "(" : ", (";
        for (const auto &column : columns) {
            row_column &part = dealt.emplace_back();
            part.name = column.name + "_" + std::to_string(j);
            sql += (&column == &columns.front() ? ":" : ", :") + part.name;
            std::visit([&](const auto &values) {
                std::remove_cvref_t<decltype(values)> mine;
                for (std::size_t row = first + j; row < first + count; row += per_statement) {
                    mine.push_back(values[row]);
                    if (!column.present.empty()) part.present.push_back(column.present[row]);
                }
                part.values = std::move(mine);
            }, column.values);
        }
        sql += ")";
    }
    auto query = (session.prepare << sql + " " + tail);
    for (auto &part : dealt) {
        std::visit([&](auto &values) {
            if (part.present.empty()) query, soci::use(values, part.name);
            else query, soci::use(values, part.present, part.name);
        }, part.values);
    }
    soci::statement(query).execute(true);
}

}  // namespace

void insert_rows(soci::session &session, const std::string &head, const std::string &tail,
                 const std::vector<row_column> &columns, std::size_t rows) {
    const std::size_t whole = rows - rows % rows_per_statement;
    if (whole > 0) insert_tuples(session, head, tail, columns, 0, whole, rows_per_statement);
    if (whole < rows) insert_tuples(session, head, tail, columns, whole, rows - whole, rows - whole);
}

}  // namespace waymark::store
