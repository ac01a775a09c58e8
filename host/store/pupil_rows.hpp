// The one place that knows how a domain::pupil maps onto a wm_pupils row. Rows travel column by column
// (one vector per column) so SOCI binds them in bulk: a whole school is one prepared statement, never
// a statement per pupil.
#pragma once

#include "domain/pupil.hpp"

#include <soci/soci.h>

#include <string>
#include <vector>

namespace waymark::store {

class pupil_rows {
public:
    std::size_t size() const { return row_ids_.size(); }
    void clear();
    void reserve(std::size_t rows);

    void append(long long row_id, const domain::pupil &pupil);
    domain::pupil pupil(std::size_t index) const;
    long long row_id(std::size_t index) const { return row_ids_[index]; }

    enum class with_row_id { no, yes };
    // Every pupil column as `use(vector, "column")`, plus "class_name" (the class by name; the SQL turns
    // it into class_id) and, when asked, "row_id". The vectors must outlive the statement.
    void use_all(soci::details::prepare_temp_type &statement, with_row_id row_id);
    // Every column in select_list() order; call resize(batch) before each fetch.
    void into_all(soci::details::prepare_temp_type &statement);
    void resize(std::size_t rows);

    // "p.id, p.upn, ..., the class name" for FROM wm_pupils p LEFT JOIN wm_classes c ON c.id = p.class_id.
    static std::string select_list();
    // "upn, former_upn, ..." and ":upn, :former_upn, ..." for an INSERT (class_id and school_id not included).
    static std::string insert_columns();
    static std::string insert_values();
    // "upn = :upn, former_upn = :former_upn, ..." for an UPDATE (class_id not included).
    static std::string update_assignments();

private:
    std::vector<long long> row_ids_;
    std::vector<std::vector<std::string>> texts_;  // one per text column, in text_columns order
    std::vector<std::vector<int>> flags_;          // one per yes/no column, in flag_columns order
    std::vector<std::string> class_names_;
    std::vector<int> year_overrides_;
    std::vector<soci::indicator> year_override_present_;
    std::vector<std::string> date_joined_;
    std::vector<soci::indicator> date_joined_present_;
    std::vector<std::string> date_left_;
    std::vector<soci::indicator> date_left_present_;
};

}  // namespace waymark::store
