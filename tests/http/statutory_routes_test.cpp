// /api/v1/schools/{school}/statutory: a year group's statutory data, values recorded all or nothing,
// submission and unlock, and every refusal leaving the data as it was.
#include "served_api.hpp"
#include "statutory_cohort.hpp"

#include <gmock/gmock.h>

namespace {

using ::testing::HasSubstr;
using waymark::testing::served_api_with_database;

const std::string statutory = "/api/v1/schools/8012000/statutory";

class statutory_routes : public served_api_with_database {
protected:
    statutory_routes() {
        const auto database = pool->acquire();
        database->transaction("adding the school and its pupils", [&](soci::session &session) {
            const auto school = waymark::store::find_or_create_school(session, waymark::testing::sample_school());
            waymark::store::insert_pupils(session, school.id, cohort.pupils);
        });
    }

    waymark::testing::api_reply put(const std::string &body) { return client->send("PUT", statutory, body); }
    std::string phonics(const std::string &upn, const std::string &value) {
        return R"({"upn":")" + upn + R"(","measure":"phonics","value":)" + value + "}";
    }
    // Year 1's pupils as the API shows them.
    Poco::JSON::Array::Ptr year1() {
        const auto reply = client->get(statutory + "?year=1");
        EXPECT_EQ(reply.status, 200) << reply.body;
        return reply.json()->getArray("pupils");
    }
    bool nothing_recorded() {
        const auto pupils = year1();
        for (std::size_t i = 0; i < pupils->size(); ++i)
            if (!pupils->getObject(static_cast<unsigned>(i))->isNull("phonics_year1")) return false;
        return true;
    }
    const std::string &upn(const char *forename) const { return cohort.upns.at(forename); }

    waymark::testing::statutory_cohort cohort;
};

TEST_F(statutory_routes, values_put_are_shown_for_the_year_group) {
    const auto reply = put(R"({"values":[)" + phonics(upn("Yusuf"), "37") + "," + phonics(upn("Yara"), R"("A")") +
                           R"(,{"upn":")" + upn("Tom") + R"(","measure":"ks1_ta","subject":"reading","value":"EXS"}]})");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.body, R"({"academic_year":"2025/2026","changed":3})");

    const auto got = client->get(statutory + "?year=1");
    ASSERT_EQ(got.status, 200);
    EXPECT_THAT(got.body, HasSubstr(R"("academic_year":"2025/2026","year_group":1,"pupils":[)"));
    EXPECT_THAT(got.body, HasSubstr(R"("upn":")" + upn("Yusuf") + R"(","surname":"Statutory","forename":"Yusuf","gld":null,"elg":{},)"
                                    R"("phonics_year1":{"academic_year":"2025/2026","mark":37,"outcome":"Wa"},"phonics_year2":null)"));
    EXPECT_THAT(got.body, HasSubstr(R"("phonics_year1":{"academic_year":"2025/2026","mark":null,"outcome":"A"})"));
    EXPECT_THAT(client->get(statutory + "?year=2").body, HasSubstr(R"("ks1_ta":{"reading":"EXS"})"));
}

TEST_F(statutory_routes, malformed_json_and_wrong_types_are_refused_and_nothing_is_written) {
    const auto malformed = put(R"({"values":[)" + phonics(upn("Yusuf"), "37"));
    EXPECT_EQ(malformed.status, 400);
    EXPECT_EQ(malformed.json()->getValue<std::string>("error"), "bad_request");

    const auto wrong_value = put(R"({"values":[)" + phonics(upn("Yusuf"), "37") + "," + phonics(upn("Yara"), "true") + "]}");
    EXPECT_EQ(wrong_value.status, 422);
    EXPECT_EQ(wrong_value.error_fields(), "invalid|values[1].value|values[1].value must be a string or a whole number, not true or false.");

    const auto wrong_upn = put(R"({"values":[{"upn":42,"measure":"phonics","value":"30"}]})");
    EXPECT_EQ(wrong_upn.status, 422);
    EXPECT_EQ(wrong_upn.json()->getValue<std::string>("field"), "values[0].upn");

    const auto wrong_measure = put(R"({"values":[{"upn":")" + upn("Yusuf") + R"(","measure":"sats","value":"30"}]})");
    EXPECT_EQ(wrong_measure.error_fields(), "invalid|values[0].measure|measure must be elg, phonics, ks1_ta, ks1_scaled, ks2_ta or "
                                            "ks2_scaled, not \"sats\".");
    EXPECT_EQ(put(R"({"academic_year":"2025","values":[)" + phonics(upn("Yusuf"), "30") + "]}").json()->getValue<std::string>("field"),
              "academic_year");
    EXPECT_TRUE(nothing_recorded());
}

TEST_F(statutory_routes, an_unknown_pupil_is_404_and_a_bad_value_422_with_nothing_written) {
    const std::string stranger = waymark::testing::sample_upn(99);
    const auto unknown = put(R"({"values":[)" + phonics(upn("Yusuf"), "37") + "," + phonics(stranger, "30") + "]}");
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.error_fields(), "not_found|values[1].upn|Value 2 (UPN " + stranger + "): no pupil on roll at St Zoë's Primary "
                                      "has this UPN; check it (pupils who have left are archived). Nothing was saved.");

    const auto out_of_range = put(R"({"values":[)" + phonics(upn("Yusuf"), "37") + "," + phonics(upn("Yara"), "41") + "]}");
    EXPECT_EQ(out_of_range.status, 422);
    EXPECT_EQ(out_of_range.json()->getValue<std::string>("field"), "values[1]");
    EXPECT_THAT(out_of_range.json()->getValue<std::string>("message"), HasSubstr("should be a whole number from 0 to 40"));
    EXPECT_TRUE(nothing_recorded());
}

TEST_F(statutory_routes, a_submission_locks_the_values_until_an_unlock_is_recorded) {
    ASSERT_EQ(put(R"({"values":[)" + phonics(upn("Yusuf"), "37") + "," + phonics(upn("Yara"), "20") + "]}").status, 200);
    const auto unsigned_submission = client->post(statutory + "/submissions", R"({"kind":"phonics-y1"})");
    EXPECT_EQ(unsigned_submission.error_fields(), "invalid|declaration|declaration is required.");

    const auto submitted = client->post(statutory + "/submissions", R"({"kind":"phonics-y1","declaration":"Checked by the head."})");
    ASSERT_EQ(submitted.status, 201) << submitted.body;
    EXPECT_EQ(submitted.json()->getValue<std::string>("submitted_by"), "tester");
    EXPECT_TRUE(submitted.json()->getValue<bool>("locked"));

    const auto locked = put(R"({"values":[)" + phonics(upn("Yara"), "25") + "]}");
    EXPECT_EQ(locked.status, 409);
    EXPECT_EQ(locked.json()->getValue<std::string>("field"), "values[0]");
    EXPECT_THAT(locked.json()->getValue<std::string>("message"), HasSubstr("were submitted by tester on"));
    EXPECT_EQ(client->post(statutory + "/submissions", R"({"kind":"phonics-y1","declaration":"Again."})").status, 409);

    const auto unlocked = client->post(statutory + "/unlocks", R"({"kind":"phonics-y1","reason":"Yara's mark was mistyped."})");
    ASSERT_EQ(unlocked.status, 201) << unlocked.body;
    EXPECT_EQ(unlocked.json()->getValue<std::string>("unlocked_by"), "tester");
    EXPECT_FALSE(unlocked.json()->getValue<bool>("locked"));
    EXPECT_EQ(client->post(statutory + "/unlocks", R"({"kind":"phonics-y1","reason":"Twice."})").status, 409);

    EXPECT_EQ(put(R"({"values":[)" + phonics(upn("Yara"), "25") + "]}").status, 200);
    const auto history = client->get(statutory + "/submissions");
    ASSERT_EQ(history.status, 200);
    EXPECT_THAT(history.body, HasSubstr(R"("declaration":"Checked by the head.","pupils":2,"locked":false,"unlocked_by":"tester")"));
    EXPECT_THAT(history.body, HasSubstr(R"("unlock_reason":"Yara's mark was mistyped.")"));
}

TEST_F(statutory_routes, a_year_group_is_required_and_an_unknown_school_is_404) {
    EXPECT_EQ(client->get(statutory).error_fields(), "invalid|year|The query parameter year is required.");
    EXPECT_EQ(client->get(statutory + "?year=7").status, 422);
    EXPECT_EQ(client->get("/api/v1/schools/9999999/statutory?year=1").status, 404);
}

}  // namespace
