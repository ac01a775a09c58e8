// The one place that knows how a domain::pupil maps onto a wm_pupils row. Rows travel column by column
// (one vector per column) so SOCI binds them in bulk: a whole school is one prepared statement, never
// a statement per pupil.
#pragma once

#include "domain/pupil.hpp"

#include <soci/soci.h>

#include <map>
#include <string>
#include <vector>

namespace waymark::store {

class pupil_rows {
public:
    std::size_t size() const { return row_ids_.size(); }
    void clear();
    void reserve(std::size_t rows);

    // The school's classes by name (store::ensure_classes), to write a pupil's class as class_id.
    using class_ids = std::map<std::string, long long, std::less<>>;
    void append(long long row_id, const domain::pupil &pupil, const class_ids &classes);
    domain::pupil pupil(std::size_t index) const;
    long long row_id(std::size_t index) const { return row_ids_[index]; }

    enum class with_row_id { no, yes };
    // Every written column as `use(vector, "column")` (class_id included) and, when asked, "row_id";
    // every name ends in `suffix` (a multi-row INSERT binds one set of rows per VALUES tuple). The
    // vectors must outlive the statement.
    void use_all(soci::details::prepare_temp_type &statement, with_row_id row_id, const std::string &suffix = {});
    // Every column in select_list() order; call resize(batch) before each fetch.
    void into_all(soci::details::prepare_temp_type &statement);
    void resize(std::size_t rows);

    // "p.id, p.upn, ..., the class name" for FROM wm_pupils p LEFT JOIN wm_classes c ON c.id = p.class_id.
    static std::string select_list();
    // "upn, ..., class_id" and ":upn<suffix>, ..., :class_id<suffix>" for an INSERT (school_id not
    // included).
    static std::string insert_columns();
    static std::string insert_values(const std::string &suffix = {});
    // "upn = :upn, ..., class_id = :class_id" for an UPDATE.
    static std::string update_assignments();

private:
    std::vector<long long> row_ids_;
    std::vector<std::vector<std::string>> texts_;  // one per text column, in text_columns order
    std::vector<std::vector<int>> flags_;          // one per yes/no column, in flag_columns order
    std::vector<std::string> class_names_;  // read
    std::vector<long long> class_ids_;       // written
    std::vector<soci::indicator> class_id_present_;
    std::vector<int> year_overrides_;
    std::vector<soci::indicator> year_override_present_;
    std::vector<std::string> date_joined_;
    std::vector<soci::indicator> date_joined_present_;
    std::vector<std::string> date_left_;
    std::vector<soci::indicator> date_left_present_;
};

}  // namespace waymark::store
