// What the commands that choose and list pupils share: the filter options (services/pupils/pupil_filter.hpp
// reads them; a bad value is a usage_error) and one way of printing a list of pupils.
#pragma once

#include "command.hpp"

#include "services/pupils/pupil_filter.hpp"

#include <iosfwd>
#include <vector>

namespace waymark::cli {

// --year, --class, --sen ... (services::pupil_filter_options()) read from the command line.
services::pupil_filter filter_of(const invocation &args);

// A table (UPN, name, year, class, in data) and a count line naming the filter, or with `json` an
// object {filter, pupils: [...], count, excluded_pupils}.
void print_pupils(std::ostream &out, const std::vector<services::filtered_pupil> &pupils, const std::string &filter,
                  bool json);

}  // namespace waymark::cli
