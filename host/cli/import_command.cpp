#include "command.hpp"
#include "open_database.hpp"

#include "services/transfer/ctf_transfer.hpp"
#include "services/transfer/pupil_import.hpp"
#include "services/pupils/school_choice.hpp"
#include "tracking_session.hpp"

#include <ostream>

namespace waymark::cli {
namespace {

int import_pupils(const invocation &args, io streams) {
    const std::string &file = args.positional(1, "the CSV file to import (waymark import pupils FILE.csv)");
    store::database database = open_database(args);
    const auto school = services::choose_school(database.session(), args.option("school"));
    const auto result = services::import_pupil_csv(database, school, file);
    if (!result.ok()) {
        for (const auto &problem : result.problems) streams.err << file << ": " << connectors::csv::describe(problem) << '\n';
        streams.err << "Nothing was imported: " << result.problems.size()
                    << (result.problems.size() == 1 ? " problem" : " problems") << " to fix, then run the import again.\n";
        return 1;
    }
    streams.out << "Added " << result.added << (result.added == 1 ? " pupil" : " pupils") << " to " << school.name << ".\n";
    return 0;
}

int import_ctf(const invocation &args, io streams) {
    const std::string &file = args.positional(1, "the CTF file to import (waymark import ctf FILE.xml)");
    const auto codes = connectors::ctf::result_codes::load(connectors::ctf::default_result_codes_file());
    store::database database = open_database(args);
    const auto school = services::choose_school(database.session(), args.option("school"));
    const auto result = services::import_ctf(database, school, file, codes);
    streams.out << "Added " << result.pupils_added << (result.pupils_added == 1 ? " pupil" : " pupils") << " to "
                << school.name << " from " << (result.header.source.name.empty() ? "an unnamed school" : result.header.source.name)
                << ".\n";
    if (result.postcodes_defaulted > 0)
        streams.out << result.postcodes_defaulted << " had no postcode in the file and were given the school's own.\n";
    streams.out << "Stored " << result.results_stored << " statutory results.\n";
    if (!result.unmapped.empty()) {
        streams.out << result.unmapped.size() << " results are not in the result-code table and were kept aside:\n";
        for (const auto &raw : result.unmapped)
            streams.out << "  " << raw.upn << "  " << raw.stage << ' ' << raw.subject << ' ' << raw.method << ' '
                        << raw.component << ' ' << raw.result_qualifier << " = " << raw.result << " (" << raw.year << ")\n";
    }
    return 0;
}

int run_import(const invocation &args, io streams) {
    const std::string &what = args.positional(0, "what to import: pupils, ctf or judgements");
    try {
        if (what == "pupils") return import_pupils(args, streams);
        if (what == "ctf") return import_ctf(args, streams);
        if (what == "judgements") return import_judgements(args, streams);
    } catch (const services::school_choice_error &error) {
        throw usage_error(error.what());
    }
    throw usage_error("waymark import takes pupils, ctf or judgements, not '" + what + "'.");
}

}  // namespace

extern const command import_command{
    "import",
    "import pupils FILE.csv [--school LAESTAB] | import ctf FILE.xml [--school LAESTAB] | "
    "import judgements FILE.csv --assessment NAME [--as NAME]",
    "Add pupils from the CSV upload template or from a Common Transfer File.",
    "import pupils: the CSV template (UPN, Surname, Forename, DOB dd/mm/yyyy, Gender M/F, Postcode, FSM\n"
    "Y/N/blank, Ethnic code, EAL Y/N/blank, SEN, LA reference) with a header row; columns in any order,\n"
    "names in any case. UPN, postcode and ethnic code are mandatory; write UNKNOWN as the postcode to\n"
    "use the school's own. Every row is checked and every problem listed with its line and column;\n"
    "any problem (a UPN Waymark already has included) means nothing is imported.\n"
    "import ctf: a CTF's pupils are added in one transaction; a pupil Waymark already has refuses the\n"
    "whole file. Files with a DOCTYPE, over 50 MB or not UTF-8 are refused. Results the result-code\n"
    "table (share/waymark/ctf/result_codes.csv, or $WAYMARK_CTF_RESULT_CODES) does not map are listed.\n"
    "import judgements: header UPN, subject, value (any order), optionally kind (judgement, test,\n"
    "formative, phonics) and against (NC year judged against); values checked by the subject's scheme;\n"
    "every problem listed with its line and nothing recorded while any remains.\n"
    "--school picks the school when the database holds several.",
    {},
    {"school", "assessment", "as"},
    run_import};

}  // namespace waymark::cli
