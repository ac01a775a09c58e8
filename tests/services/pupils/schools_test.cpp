#include "services/pupils/schools.hpp"

#include "database_fixture.hpp"
#include "store/schools.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace waymark {
namespace {

using ::testing::HasSubstr;
using ::testing::ThrowsMessage;

const domain::date autumn_day{std::chrono::year{2026}, std::chrono::month{10}, std::chrono::day{5}};

class schools_test : public testing::database_test {
protected:
    void SetUp() override {
        database_test::SetUp();
        if (IsSkipped()) return;
        migrated_db();
    }

    std::size_t schools() { return store::all_schools(db().session()).size(); }
};

TEST_P(schools_test, a_school_no_mis_brings_is_added_in_the_academic_year_of_the_day) {
    const auto added = services::add_school(db(), {"8012000", "Brookside Primary", "pr1 8xj", "119234"}, autumn_day);
    EXPECT_EQ(store::laestab(added), "8012000");
    EXPECT_EQ(added.postcode, "PR1 8XJ");
    const auto stored = store::find_school(db().session(), "801", "2000");
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(*stored, added);
    std::ostringstream json;
    services::school_json(added).stringify(json);
    EXPECT_EQ(json.str(), R"({"school":"8012000","name":"Brookside Primary","urn":"119234","postcode":"PR1 8XJ",)"
                          R"("current_year":"2026/2027"})");
}

// What is written with the school (an authority user's grant of it) shares its transaction: when
// that fails, the school is not stored either.
TEST_P(schools_test, what_is_written_with_the_school_is_in_its_transaction) {
    long long seen_id = 0;
    services::add_school(db(), {"8012000", "Brookside Primary", "", ""}, autumn_day,
                         [&](soci::session &, const store::school &added) { seen_id = added.id; });
    EXPECT_NE(seen_id, 0);
    EXPECT_THROW(services::add_school(db(), {"8013000", "Hillside Primary", "", ""}, autumn_day,
                                      [](soci::session &, const store::school &) { throw std::runtime_error("the grant failed"); }),
                 std::runtime_error);
    EXPECT_FALSE(store::find_school(db().session(), "801", "3000").has_value());
    EXPECT_EQ(schools(), 1U);
}

TEST_P(schools_test, postcode_and_urn_may_be_left_out) {
    const auto added = services::add_school(db(), {"8012001", "Ribble Vale Primary", "", ""}, autumn_day);
    EXPECT_EQ(added.postcode, "");
    EXPECT_EQ(added.urn, "");
}

TEST_P(schools_test, each_wrong_detail_is_named_and_nothing_is_stored) {
    const auto refused = [&](services::new_school details, const std::string &field, const std::string &sentence) {
        try {
            services::add_school(db(), details, autumn_day);
            ADD_FAILURE() << "accepted " << details.laestab;
        } catch (const services::school_details_error &error) {
            EXPECT_EQ(error.field(), field);
            EXPECT_THAT(error.what(), HasSubstr(sentence));
        }
    };
    refused({"801200", "A", "", ""}, "laestab", "seven digits such as 8012000, not '801200'");
    refused({"801-200", "A", "", ""}, "laestab", "not '801-200'");
    refused({"8012000", "  ", "", ""}, "name", "Give the school's name");
    refused({"8012000", std::string(201, 'x'), "", ""}, "name", "1 to 200 characters");
    refused({"8012000", "A", "nowhere", ""}, "postcode", "'nowhere' is not a UK postcode");
    refused({"8012000", "A", "", "12345"}, "urn", "A URN is six digits");
    EXPECT_EQ(schools(), 0u);
}

TEST_P(schools_test, a_number_the_database_holds_is_refused_and_the_school_kept_as_it_was) {
    const auto first = services::add_school(db(), {"8012000", "Brookside Primary", "PR1 8XJ", ""}, autumn_day);
    EXPECT_THAT([&] { services::add_school(db(), {"8012000", "Another Name", "LA1 1AA", ""}, autumn_day); },
                ThrowsMessage<services::school_exists_error>(
                    HasSubstr("already holds school 8012000 (Brookside Primary); nothing was added")));
    EXPECT_EQ(schools(), 1u);
    EXPECT_EQ(*store::find_school(db().session(), "801", "2000"), first);
}

WAYMARK_ON_EVERY_DATABASE(schools_test);

}  // namespace
}  // namespace waymark
