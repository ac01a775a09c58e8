#include "command.hpp"
#include "open_database.hpp"

#include "domain/whole_number.hpp"
#include "services/transfer/ctf_transfer.hpp"
#include "services/pupils/school_choice.hpp"

#include <cstdint>
#include <optional>
#include <ostream>

namespace waymark::cli {
namespace {

std::vector<std::string> comma_separated(const std::string &text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = std::min(text.find(',', start), text.size());
        if (comma > start) items.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return items;
}

int export_ctf(const invocation &args, io streams) {
    services::ctf_selection selection;
    if (const auto year = args.option("year")) {
        const auto value = *year == "R" ? std::optional<std::int64_t>(0) : domain::parse_whole_number(*year, 0, 11);
        if (!value) throw usage_error("--year takes a year group: R or 1 to 11, not '" + *year + "'.");
        selection.nc_year = static_cast<int>(*value);
    }
    if (const auto upns = args.option("upn")) selection.upns = comma_separated(*upns);
    if (const auto destination = args.option("to")) {
        if (destination->size() != 7) throw usage_error("--to takes the LA and establishment numbers together, e.g. 8012001.");
        selection.destination_la_number = destination->substr(0, 3);
        selection.destination_establishment_number = destination->substr(3);
    }
    const std::string &out = args.required_option("out");
    const auto codes = connectors::ctf::result_codes::load(connectors::ctf::default_result_codes_file());
    store::database database = open_database(args);
    services::ctf_export_result result;
    store::school school;
    try {
        school = services::choose_school(database.session(), args.option("school"));
        result = services::export_ctf(database, school, selection, out, codes);
    } catch (const services::school_choice_error &error) {
        throw usage_error(error.what());
    }
    streams.out << "Wrote " << result.pupils << (result.pupils == 1 ? " pupil" : " pupils") << " of " << school.name
                << " with " << result.results << " statutory results to " << out << ".\n";
    return 0;
}

int run_export(const invocation &args, io streams) {
    const std::string &what = args.positional(0, "what to export: ctf");
    if (what == "ctf") return export_ctf(args, streams);
    throw usage_error("waymark export takes ctf, not '" + what + "'.");
}

}  // namespace

extern const command export_command{
    "export",
    "export ctf --out FILE [--year R|1..11] [--upn UPN,UPN...] [--to LAESTAB] [--school LAESTAB]",
    "Write pupils on roll to a Common Transfer File for their next school.",
    "Every pupil on roll, or those of one year group this academic year (--year), or the named UPNs\n"
    "(--upn, comma-separated). --to names the destination school (LA and establishment numbers\n"
    "together); without it the destination is written as unknown (MMM/MMMM). The file appears only\n"
    "when complete.",
    {},
    {"school", "out", "to", "upn", "year"},
    run_export};

}  // namespace waymark::cli
