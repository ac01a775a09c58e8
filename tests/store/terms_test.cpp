#include "database_fixture.hpp"
#include "sample_pupils.hpp"
#include "store/terms.hpp"

#include <gmock/gmock.h>

namespace {

using namespace waymark;
using namespace std::chrono;

class terms_test : public waymark::testing::database_test {
protected:
    void save(const std::vector<store::term_dates> &terms, int year = 2025) {
        const long long school = waymark::testing::add_sample_school(migrated_db(), {}).id;
        db().transaction("saving terms", [&](soci::session &session) { store::save_terms(session, school, {year}, terms); });
    }
    std::vector<store::term_dates> load(int year = 2025) {
        return store::load_terms(db().session(), waymark::testing::add_sample_school(db(), {}).id, {year});
    }
    static store::term_dates term(std::string name, domain::date from, domain::date to) { return {std::move(name), from, to}; }
};

TEST_P(terms_test, a_schools_terms_round_trip_in_order_and_replace_the_years_old_ones) {
    const std::vector three{term("Autumn", 2025y / September / 3, 2025y / December / 19),
                            term("Spring", 2026y / January / 5, 2026y / March / 27),
                            term("Summer", 2026y / April / 13, 2026y / July / 22)};
    save(three);
    EXPECT_EQ(load(), three);
    const std::vector two{term("Autumn 1", 2025y / September / 3, 2025y / October / 24),
                          term("Autumn 2", 2025y / November / 3, 2025y / December / 19)};
    save(two);
    EXPECT_EQ(load(), two);
    EXPECT_TRUE(load(2026).empty());
}

TEST_P(terms_test, overlapping_or_out_of_year_terms_are_refused_naming_the_term) {
    migrated_db();
    EXPECT_THAT([&] { save({term("Autumn", 2025y / September / 3, 2025y / December / 19),
                            term("Spring", 2025y / December / 1, 2026y / March / 27)}); },
                ::testing::ThrowsMessage<std::invalid_argument>(::testing::HasSubstr("The term 'Spring' (2025-12-01 to "
                                                                                     "2026-03-27) starts before 'Autumn' ends.")));
    EXPECT_THAT([&] { save({term("Summer", 2026y / April / 13, 2026y / September / 2)}); },
                ::testing::ThrowsMessage<std::invalid_argument>(::testing::HasSubstr("is not within 2025/2026")));
    EXPECT_TRUE(load().empty());
}

WAYMARK_ON_EVERY_DATABASE(terms_test);

}  // namespace
