// Brookside Primary (school_fixture.hpp) with a Year 4 class of pupils, the built scheme plugins
// loaded from WAYMARK_PLUGIN_DIR and one assessment, for the assessment, judgement and grid tests.
#pragma once

#include "school_fixture.hpp"
#include "domain/upn.hpp"
#include "plugin_host/registry.hpp"
#include "services/tracking/assessments.hpp"

#include <memory>
#include <string>
#include <vector>

namespace waymark::testing {

inline const std::string four_band = "org.waymark.lancashire-four-band";
inline const std::string lep_points = "org.waymark.lep-points";

inline std::string test_upn(int serial) {
    std::string digits = std::to_string(serial);
    const std::string body = "8012000" + std::string(5 - digits.size(), '0') + digits;
    return domain::upn_check_letter(body) + body;
}

// Year 4 in 2025/2026: born September 2016 to August 2017.
inline domain::pupil year4_pupil(int serial, const std::string &class_name) {
    domain::pupil p;
    p.upn = test_upn(serial);
    p.surname = "Pupil" + std::string(serial < 10 ? "0" : "") + std::to_string(serial);
    p.forename = "Sam";
    p.date_of_birth = domain::date{std::chrono::year{2016}, std::chrono::month{10}, std::chrono::day{3}};
    p.gender = serial % 2 == 0 ? 'F' : 'M';
    p.postcode = "PR1 1AA";
    p.class_name = class_name;
    return p;
}

// A Year 4 assessment on 10 February 2026 (Spring 2025/2026), its subjects to be chosen.
inline services::assessment year4_spring_spec(const std::string &name) {
    services::assessment spec;
    spec.name = name;
    spec.assessed_on = domain::date{std::chrono::year{2026}, std::chrono::month{2}, std::chrono::day{10}};
    spec.year = {2025};
    spec.term = domain::term::spring;
    spec.year_groups = {4};
    return spec;
}

class tracking_test : public school_test {
protected:
    static plugins::registry &loaded_plugins() {
        static plugins::registry *loaded = [] {
            auto *made = new plugins::registry();
            made->load_folder(WAYMARK_PLUGIN_DIR);
            return made;
        }();
        return *loaded;
    }

    // The built schemes, created once for every test as a server creates them once for every request.
    static const plugins::scheme_catalog &loaded_schemes() {
        static const auto *catalog = new plugins::scheme_catalog(loaded_plugins(), [](std::string_view) { return std::string(); });
        return *catalog;
    }

    void SetUp() override {
        school_test::SetUp();
        if (IsSkipped()) return;
        schemes_ = std::make_unique<services::scheme_library>(loaded_schemes());
    }

    // `count` Year 4 pupils in class `class_name`, UPN serials from `first`.
    void add_year4(int first, int count, const std::string &class_name) {
        std::vector<domain::pupil> pupils;
        for (int i = first; i < first + count; ++i) pupils.push_back(year4_pupil(i, class_name));
        db().transaction("adding test pupils", [&](soci::session &session) { store::insert_pupils(session, school_.id, pupils); });
    }

    services::assessment spring_spec(const std::string &name = "Spring 1") { return year4_spring_spec(name); }

    services::assessment create(services::assessment spec, const std::string &default_scheme = four_band) {
        return services::create_assessment(db(), school_, std::move(spec), *schemes_, default_scheme);
    }

    // Classes 4A (UPN serials 1-3) and 4B (10-11), and "Spring 1" with every kind of column: science
    // judged in LEP points, a standardised maths test, a formative column and phonics.
    services::assessment add_classes_and_assessment() {
        add_year4(1, 3, "4A");
        add_year4(10, 2, "4B");
        auto spec = spring_spec();
        spec.subjects = {{"science", lep_points, {}}, {"maths", "", services::test_score_kind::standardised}};
        spec.test_scores_title = "NFER";
        spec.formative_title = "KLIPS";
        spec.phonics = true;
        return create(spec);
    }

    // Every record ever written, cleared ones and superseded ones included.
    std::size_t record_count() {
        long long count = 0;
        db().session() << "SELECT COUNT(*) FROM wm_assessment_records", soci::into(count);
        return static_cast<std::size_t>(count);
    }

    std::unique_ptr<services::scheme_library> schemes_;
};

}  // namespace waymark::testing
