#include "named_queries.hpp"

#include <stdexcept>

namespace waymark::connectors {

std::string_view default_mis_schema(bool database_has_schemas) { return database_has_schemas ? "sims" : ""; }

std::string qualify_mis_tables(std::string_view sql, std::string_view mis_schema) {
    static constexpr std::string_view marker = "{mis}";
    const std::string schema_prefix = mis_schema.empty() ? std::string() : std::string(mis_schema) + ".";
    std::string out;
    out.reserve(sql.size());
    std::size_t from = 0;
    for (auto at = sql.find(marker); at != std::string_view::npos; at = sql.find(marker, from)) {
        out.append(sql.substr(from, at - from)).append(schema_prefix);
        from = at + marker.size();
    }
    out.append(sql.substr(from));
    return out;
}

named_queries::named_queries(std::string_view text, std::string_view origin, std::string_view mis_schema)
    : origin_(origin) {
    static constexpr std::string_view header = "-- name:";
    std::string *current = nullptr;
    std::size_t line_number = 0;
    while (!text.empty()) {
        const auto end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        ++line_number;
        const auto where = origin_ + ", line " + std::to_string(line_number);
        if (line.starts_with(header)) {
            std::string_view name = line.substr(header.size());
            while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.remove_prefix(1);
            while (!name.empty() && (name.back() == ' ' || name.back() == '\r')) name.remove_suffix(1);
            if (name.empty()) throw std::invalid_argument(where + ": `-- name:` needs the query's name after it.");
            const auto [it, added] = queries_.try_emplace(std::string(name));
            if (!added) throw std::invalid_argument(where + ": the query '" + std::string(name) + "' is named twice.");
            current = &it->second;
        } else if (current != nullptr && !line.starts_with("--")) {
            current->append(qualify_mis_tables(line, mis_schema)).push_back('\n');
        } else if (current == nullptr && !line.empty() && !line.starts_with("--")) {
            throw std::invalid_argument(where + ": SQL before the first `-- name:` line belongs to no query.");
        }
    }
}

const std::string &named_queries::operator[](std::string_view name) const {
    const auto it = queries_.find(name);
    if (it == queries_.end())
        throw std::out_of_range(origin_ + " has no query named '" + std::string(name) + "'; add a `-- name: " +
                                std::string(name) + "` block.");
    return it->second;
}

}  // namespace waymark::connectors
