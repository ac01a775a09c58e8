// A store test (tests/store/database_fixture.hpp) that also builds a demo MIS in the test's database:
// on PostgreSQL in a schema of its own (dropped afterwards), so cases run in parallel; on SQLite
// unqualified, as Waymark keeps it there.
#pragma once

#include "database_fixture.hpp"
#include "demo/demo_mis.hpp"

#include <chrono>

namespace waymark::testing {

// The day every demo in the tests stands at: a Sunday in the autumn term of 2026/2027.
inline constexpr std::chrono::year_month_day demo_day{std::chrono::year{2026}, std::chrono::November, std::chrono::day{22}};

class mis_test : public database_test {
protected:
    void TearDown() override {
        if (!mis_schema_.empty()) admin().session() << "DROP SCHEMA IF EXISTS " + mis_schema_ + " CASCADE";
        database_test::TearDown();
    }

    const std::string &mis_schema() {
        if (on_postgresql() && mis_schema_.empty()) mis_schema_ = unique_test_name() + "_mis";
        return mis_schema_;
    }

    connectors::demo::demo_summary build_demo(std::uint64_t seed = 7, int schools = 1, int pupils_per_school = 420) {
        connectors::demo::demo_options options;
        options.seed = seed;
        options.schools = schools;
        options.pupils_per_school = pupils_per_school;
        options.as_of = demo_day;
        return connectors::demo::build_demo_mis(db().session(), mis_schema(), options);
    }

private:
    std::string mis_schema_;
};

}  // namespace waymark::testing
