// Which pupils a list or a statistic covers (issue 4, item 6): academic year, year group, key stage,
// class, stored group and each characteristic of shared/domain.md section 2, combined with AND. An
// empty filter is the whole school. The filter compiles to a parameterised SQL condition over
// `wm_pupils p`; derived characteristics (NC year, key stage, summer born, disadvantaged,
// intervention) are computed in SQL that SQLite and PostgreSQL both run, so statistics over an
// authority's pupils never pull rows into C++ to filter them.
#pragma once

#include "domain/calendar.hpp"
#include "store/schools.hpp"

#include <soci/soci.h>

#include <array>
#include <functional>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace waymark::services {

// A filter that cannot be applied (bad option value, unknown class or group): one sentence naming
// the option and what it takes.
class filter_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct nc_year_range {
    int first = 0;
    int last = 0;
    bool operator==(const nc_year_range &) const = default;
};

struct pupil_filter {
    std::optional<domain::academic_year> academic_year;  // the year NC years are taken in; default the school's current
    std::optional<int> year_group;                       // NC year, 0 = Reception
    std::optional<std::string> key_stage;                // "EYFS", "KS1", "KS2", "LKS2", "UKS2", "KS3", "KS4"
    std::optional<std::string> class_name;
    std::optional<std::string> group;      // a stored group's name (services/pupils/pupil_groups.hpp)
    std::optional<char> gender;            // 'M' or 'F'
    std::optional<bool> summer_born;
    std::optional<char> sen;               // 'N', 'K', 'E', historic 'A', 'P', 'S'
    std::optional<std::string> ethnicity;  // a main code matches its extended codes too
    std::optional<bool> pupil_premium;
    std::optional<bool> fsm;
    std::optional<bool> ever6_fsm;
    std::optional<bool> disadvantaged;     // Ever 6 FSM or looked after or previously looked after
    std::optional<bool> eal;
    std::optional<bool> intervention;      // has an intervention in the academic year
    std::array<std::optional<bool>, 6> custom_flags{};

    bool whole_school() const;  // nothing but (perhaps) the academic year chosen
    // "Year 4, class Oak, SEN K, FSM yes", or "Whole school": the label reports print.
    std::string describe() const;
    bool operator==(const pupil_filter &) const = default;
};

// The NC years of a key stage name (case-insensitive), or nothing.
std::optional<nc_year_range> key_stage_years(std::string_view name);

// The option names a filter is read from, in help order: CLI options (--year 4) and API query
// parameters (?year=4) alike.
std::span<const std::string_view> pupil_filter_options();

// Reads a filter from named values; `value(name)` gives an option's text or nothing when it was not
// given. Throws filter_error naming the option ("--sen takes N, K, E, A, P or S, not X").
pupil_filter parse_pupil_filter(const std::function<std::optional<std::string>(std::string_view)> &value);

enum class inclusion { included, excluded, all };  // "include in data" = yes, no, either

// A compiled filter: `where()` is a condition over `wm_pupils p` (school, on roll, inclusion and the
// filter) whose values are bound by name (`:pf0`, `:pf1`, ...), so a caller may mix in named
// parameters of its own. The condition object must outlive the statements it is bound to.
class pupil_condition {
public:
    // Checks that the class and group named exist at the school (filter_error listing the ones there
    // are otherwise).
    pupil_condition(soci::session &session, const store::school &school, const pupil_filter &filter,
                    inclusion which = inclusion::included);

    // Narrows the condition to these UPNs (none given: no narrowing).
    void only_upns(std::span<const std::string> upns);
    const std::string &where() const { return where_; }
    // The pupil's NC year in the filter's academic year, as an SQL expression over `p` (no parameters).
    const std::string &nc_year_sql() const { return nc_year_sql_; }
    domain::academic_year year() const { return year_; }

    void bind(soci::statement &statement) const;
    void bind(soci::details::prepare_temp_type &statement) const;

private:
    std::string placeholder(std::variant<long long, std::string> value);
    void add(const std::string &condition) { where_ += " AND " + condition; }

    domain::academic_year year_{};
    std::string nc_year_sql_;
    std::string where_;
    std::vector<std::variant<long long, std::string>> values_;
    std::vector<std::string> names_;
};

struct filtered_pupil {
    long long id = 0;
    std::string upn;
    std::string surname;
    std::string forename;
    std::string class_name;  // "" when unassigned
    int nc_year = 0;
    bool included = true;
    bool operator==(const filtered_pupil &) const = default;
};

// The matching pupils on roll, ordered by surname, forename, UPN, narrowed to `upns` when any are
// given. One query.
std::vector<filtered_pupil> filtered_pupils(soci::session &session, const store::school &school, const pupil_filter &filter,
                                            inclusion which = inclusion::all, std::span<const std::string> upns = {});

// How many pupils on roll match the filter but are excluded from data: the figure every statistic
// reports as `excluded_pupils`.
int excluded_pupils(soci::session &session, const store::school &school, const pupil_filter &filter);

// The ids of these pupils on roll at the school, in the order given (repeats kept once). A UPN the
// school has no pupil on roll for is a filter_error naming every such UPN.
std::vector<long long> on_roll_pupil_ids(soci::session &session, const store::school &school,
                                         std::span<const std::string> upns);

}  // namespace waymark::services
