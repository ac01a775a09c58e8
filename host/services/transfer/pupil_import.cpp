#include "services/transfer/pupil_import.hpp"

#include "store/pupils.hpp"

namespace waymark::services {

pupil_import_result import_pupil_csv(store::database &db, const store::school &school, const std::filesystem::path &file) {
    pupil_import_result result;
    auto upload = connectors::csv::read_pupil_upload_file(file, {school.postcode, school.current_year});
    if (!upload.ok()) {
        result.problems = std::move(upload.problems);
        return result;
    }
    // The check and the insert share one transaction, so no other writer can add one of these UPNs
    // in between (and the UNIQUE constraint would roll everything back if one did).
    db.transaction("adding the uploaded pupils", [&](soci::session &session) {
        const auto existing = store::pupil_ids_by_upn(session, school.id);
        for (std::size_t i = 0; i < upload.pupils.size(); ++i)
            if (existing.contains(upload.pupils[i].upn))
                result.problems.push_back({upload.lines[i], "UPN",
                                           "The UPN " + upload.pupils[i].upn + " already belongs to a pupil of " + school.name +
                                               " in Waymark (archived pupils included); remove the row."});
        if (!result.problems.empty()) return;
        store::insert_pupils(session, school.id, upload.pupils);
        result.added = upload.pupils.size();
    });
    return result;
}

}  // namespace waymark::services
