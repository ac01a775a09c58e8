// /api/v1/schools/{school}/targets, /trajectories, /target-flags and /predictions: round trips through
// a real server, and every refusal (malformed JSON, wrong types, an unknown grade, horizon or pupil) a
// clear 4xx that writes nothing.
#include "tracking_api.hpp"

#include <gmock/gmock.h>

namespace {

using ::testing::HasSubstr;

class targets_routes : public waymark::testing::tracking_api {
protected:
    // Without them the routes that need a plugin answer 503; the server of `waymark serve` loads them all.
    void load_target_plugins() {
        for (const char *module : {"straight-line-trajectory", "history-predictor", "target-validator"})
            registry.load_file(std::string(WAYMARK_PLUGIN_DIR) + "/" + module + ".so");
    }

    const std::string targets_path = school_path + "/targets";
    std::string target_body(int serial, const std::string &grade, const std::string &extra = "") {
        return R"({"targets": [{"upn": ")" + upn(serial) + R"(", "subject": "reading", "grade": ")" + grade + "\"" + extra + "}]}";
    }
};

TEST_F(targets_routes, a_target_is_set_revised_and_listed_with_its_history) {
    const auto set = put(targets_path, target_body(1, "on track"));
    ASSERT_EQ(set.status, 200) << set.body;
    EXPECT_THAT(set.body, HasSubstr(R"("upn":")" + upn(1) + R"(","subject":"reading","horizon":"end_of_key_stage")"));
    EXPECT_THAT(set.body, HasSubstr(R"("grade":"OT")"));
    EXPECT_THAT(set.body, HasSubstr(R"("set_by":"tester")"));
    ASSERT_EQ(put(targets_path, target_body(1, "D")).status, 200);
    const auto now = client->get(targets_path + "?upn=" + upn(1));
    ASSERT_EQ(now.status, 200);
    EXPECT_THAT(now.body, HasSubstr(R"("grade":"D")"));
    EXPECT_EQ(now.body.find(R"("grade":"OT")"), std::string::npos);
    EXPECT_THAT(client->get(targets_path + "?history=yes").body, HasSubstr(R"("grade":"OT")"));
    EXPECT_EQ(rows_in("wm_targets"), 2);
}

TEST_F(targets_routes, refusals_are_clear_and_write_nothing) {
    EXPECT_EQ(put(targets_path, R"({"targets": [)").status, 400);
    EXPECT_EQ(put(targets_path, R"({"targets": "OT"})").status, 422);
    const auto grade = put(targets_path, target_body(1, "brilliant"));
    EXPECT_EQ(grade.status, 422);
    EXPECT_THAT(grade.body, HasSubstr("brilliant"));
    EXPECT_EQ(put(targets_path, target_body(1, "OT", R"(, "horizon": "next week")")).error_fields(),
              "invalid|targets[0].horizon|horizon must be end_of_year or end_of_key_stage, not \"next week\".");
    EXPECT_EQ(put(targets_path, target_body(9, "OT")).status, 422);
    EXPECT_EQ(put("/api/v1/schools/9999999/targets", target_body(1, "OT")).status, 404);
    EXPECT_EQ(rows_in("wm_targets"), 0);
}

TEST_F(targets_routes, flags_trajectories_and_predictions_are_served_apart_from_targets) {
    EXPECT_EQ(client->get(school_path + "/trajectories").error_fields(),
              "unavailable|null|No waymark.trajectory/1 plugin is loaded; `waymark plugins list` shows what is.");
    load_target_plugins();
    ASSERT_EQ(put(targets_path, target_body(1, "OT")).status, 200);
    const auto flags = client->get(school_path + "/target-flags?upn=" + upn(1));
    EXPECT_EQ(flags.status, 200) << flags.body;
    const auto lines = client->get(school_path + "/trajectories");
    EXPECT_EQ(lines.status, 200) << lines.body;
    const auto predictions = client->get(school_path + "/predictions");
    EXPECT_EQ(predictions.status, 200) << predictions.body;
    EXPECT_EQ(predictions.body, "[]");
    const auto made = client->post(school_path + "/predictions", R"({"subject": "reading", "history": "authority"})");
    EXPECT_EQ(made.status, 201) << made.body;
    EXPECT_EQ(client->post(school_path + "/predictions", R"({"subject": "reading", "history": "everywhere"})").error_fields(),
              "invalid|history|history must be school or authority, not \"everywhere\".");
    EXPECT_EQ(rows_in("wm_targets"), 1) << "predictions never become targets";
}

}  // namespace
