#include "services/transfer/ctf_transfer.hpp"

#include "ctf/ctf_writer.hpp"
#include "store/pupils.hpp"
#include "store/statutory.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <set>

namespace waymark::services {

namespace {

std::string utc_date_time_now() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &parts);
    return text;
}

}  // namespace

ctf_import_result import_ctf(store::database &db, const store::school &school, const std::filesystem::path &file,
                             const connectors::ctf::result_codes &codes, const connectors::ctf::ctf_read_options &options) {
    connectors::ctf::ctf_document document;
    try {
        document = connectors::ctf::read_ctf_file(file, codes, options);
    } catch (const connectors::ctf::ctf_error &error) {
        throw ctf_transfer_error(error.what());
    }
    ctf_import_result result;
    result.header = document.header;
    for (auto &pupil : document.pupils)
        if (pupil.postcode.empty()) {
            pupil.postcode = school.postcode;
            ++result.postcodes_defaulted;
        }
    db.transaction("importing the pupils of " + file.filename().string(), [&](soci::session &session) {
        const auto existing = store::pupil_ids_by_upn(session, school.id);
        for (std::size_t i = 0; i < document.pupils.size(); ++i)
            if (existing.contains(document.pupils[i].upn))
                throw ctf_transfer_error(file.string() + ": pupil " + std::to_string(i + 1) + " (" + document.pupils[i].forename +
                                         " " + document.pupils[i].surname + ", UPN " + document.pupils[i].upn +
                                         ") is already a pupil of " + school.name + " in Waymark; nothing was imported.");
        store::insert_pupils(session, school.id, document.pupils);
        store::write_statutory_results(session, school.id, document.results);
    });
    result.pupils_added = document.pupils.size();
    result.results_stored = document.results.size();
    result.unmapped = std::move(document.unmapped);
    return result;
}

ctf_export_result export_ctf(store::database &db, const store::school &school, const ctf_selection &selection,
                             const std::filesystem::path &out, const connectors::ctf::result_codes &codes) {
    connectors::ctf::ctf_document document;
    document.header.date_time = utc_date_time_now();
    document.header.qualifier = selection.upns.empty() && !selection.nc_year ? "full" : "partial";
    document.header.source = {school.la_number, school.establishment_number, school.urn, school.name};
    document.header.academic_year = school.current_year;
    document.header.destination_la_number = selection.destination_la_number;
    document.header.destination_establishment_number = selection.destination_establishment_number;

    const std::set<std::string, std::less<>> wanted(selection.upns.begin(), selection.upns.end());
    std::set<std::string, std::less<>> found;
    for (auto &stored : store::load_pupils(db.session(), school.id, store::which_pupils::on_roll)) {
        const domain::pupil &pupil = stored.pupil;
        if (!wanted.empty() && !wanted.contains(pupil.upn)) continue;
        if (selection.nc_year &&
            domain::nc_year(pupil.date_of_birth, school.current_year, pupil.year_override) != *selection.nc_year)
            continue;
        found.insert(pupil.upn);
        document.pupils.push_back(std::move(stored.pupil));
    }
    for (const auto &upn : wanted)
        if (!found.contains(upn) && !selection.nc_year)
            throw ctf_transfer_error("The UPN " + upn + " is not a pupil on roll at " + school.name + "; nothing was written.");
    if (document.pupils.empty())
        throw ctf_transfer_error("No pupil on roll at " + school.name + " matches; nothing was written.");
    for (auto &stored : store::load_statutory_results(db.session(), school.id))
        if (found.contains(stored.upn) && stored.kind != domain::statutory_kind::eyfsp_gld)
            document.results.push_back(std::move(stored));

    const std::filesystem::path partial = out.string() + ".partial";
    connectors::ctf::ctf_write_summary summary;
    {
        std::ofstream stream(partial, std::ios::binary | std::ios::trunc);
        if (!stream) throw ctf_transfer_error("Cannot write " + out.string() + "; check the folder exists and is writable.");
        summary = connectors::ctf::write_ctf(stream, document, codes);
        stream.flush();
        if (!stream) {
            std::filesystem::remove(partial);
            throw ctf_transfer_error("Writing " + out.string() + " failed part-way (disk full?); nothing was written.");
        }
    }
    std::filesystem::rename(partial, out);
    return {summary.pupils, summary.results};
}

}  // namespace waymark::services
