#include "pupil_list.hpp"
#include "print_json.hpp"

#include "text_table.hpp"

#include "services/pupils/pupil_list_json.hpp"

#include <ostream>

namespace waymark::cli {

services::pupil_filter filter_of(const invocation &args) {
    try {
        return services::parse_pupil_filter([&](std::string_view name) { return args.option(name); });
    } catch (const services::filter_error &error) {
        throw usage_error(error.what());
    }
}

void print_pupils(std::ostream &out, const std::vector<services::filtered_pupil> &pupils, const std::string &filter,
                  bool json) {
    int excluded = 0;
    for (const auto &pupil : pupils) excluded += pupil.included ? 0 : 1;
    if (json) {
        print_json(out, services::pupil_list_json(pupils, filter, excluded));
        return;
    }
    text_table table({"UPN", "Surname", "Forename", "Year", "Class", "In data"});
    for (const auto &pupil : pupils) {
        table.add_row({pupil.upn, pupil.surname, pupil.forename, pupil.nc_year == 0 ? "R" : std::to_string(pupil.nc_year),
                       pupil.class_name, pupil.included ? "yes" : "no"});
    }
    table.print(out);
    out << pupils.size() << (pupils.size() == 1 ? " pupil" : " pupils") << " (" << filter << ")";
    if (excluded > 0) out << "; " << excluded << " excluded from data";
    out << ".\n";
}

}  // namespace waymark::cli
