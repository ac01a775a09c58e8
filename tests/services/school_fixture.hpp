// A migrated database (both real databases, tests/store/database_fixture.hpp) holding one school,
// Brookside Primary (801/2000, PR1 8XJ, 2025/2026), for the import and export tests.
#pragma once

#include "database_fixture.hpp"
#include "store/pupils.hpp"
#include "store/schools.hpp"

#include <fstream>
#include <string>
#include <vector>

namespace waymark::testing {

class school_test : public database_test {
protected:
    void SetUp() override {
        database_test::SetUp();
        if (IsSkipped()) return;
        migrated_db();
        school_ = add_school({0, "801", "2000", "", "Brookside Primary", "PR1 8XJ", {2025}});
    }

    store::school add_school(const store::school &details) {
        return db().transaction("adding a test school",
                                [&](soci::session &session) { return store::find_or_create_school(session, details); });
    }

    // Writes `text` to a file in the test's scratch folder and returns its path.
    std::filesystem::path write_file(const std::string &name, const std::string &text) {
        const auto path = scratch_folder() / name;
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }

    std::vector<domain::pupil> pupils_of(const store::school &which) {
        std::vector<domain::pupil> result;
        for (auto &stored : store::load_pupils(db().session(), which.id)) result.push_back(std::move(stored.pupil));
        return result;
    }

    store::school school_;
};

}  // namespace waymark::testing
