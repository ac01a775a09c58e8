// A renderer plugin that crashes, aborts or hangs inside `waymark serve` costs the report it was
// asked for and nothing else: a real server process, real HTTP on loopback, the misbehaving fixture
// renderers of tests/sdk on its plugin path. The refused report answers one sentence naming the
// plugin and what stopped it; the report asked for at the same time in another format, the next
// report and the health check are answered as ever, and the server stops cleanly afterwards.
#include "concurrent_editors.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <future>

namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
using namespace waymark;
using namespace waymark::testing;
using namespace waymark::testing::crowd;

class isolated_renderers : public database_test {
protected:
    void SetUp() override {
        database_test::SetUp();
        ::setenv("WAYMARK_PLUGIN_PATH", WAYMARK_FIXTURE_DIR "/misbehaving", 1);
    }
    void TearDown() override {
        ::setenv("WAYMARK_PLUGIN_PATH", "", 1);
        database_test::TearDown();
    }
};

TEST_P(isolated_renderers, a_crashing_or_hanging_renderer_refuses_its_report_and_the_server_carries_on) {
    auto &db = migrated_db();
    const std::vector<domain::pupil> pupils{year4_pupil(1, "4A"), year4_pupil(2, "4A")};
    const auto school = db.transaction("adding Brookside", [&](soci::session &session) {
        auto made = store::find_or_create_school(session, {0, "801", "2000", "", "Brookside Primary", "PR1 8XJ", {2025}});
        store::insert_pupils(session, made.id, pupils);
        return made;
    });
    plugins::registry registry;
    registry.load_folder(WAYMARK_PLUGIN_DIR);
    const plugins::scheme_catalog catalog(registry, [](std::string_view) { return std::string(); });
    auto spec = year4_spring_spec("Spring 1");
    spec.subjects.push_back({"reading", "", {}});
    const auto spring = services::create_assessment(db, school, spec, services::scheme_library(catalog), four_band);
    signed_in_teacher head{
        services::add_user(db, {"head", "", domain::user_role::leader, "8012000", {}, {}}, store::utc_timestamp_now()), nullptr};
    const auto folder = std::filesystem::temp_directory_path() / unique_test_name();
    std::filesystem::create_directories(folder);
    {
        served_process server(db.connection(), folder, {"--plugin-seconds", "2"});
        const uint16_t port = server.port();
        ASSERT_NE(port, 0) << (server.printed().empty() ? "" : server.printed().front());
        head.client = std::make_unique<api_client>(port);
        ASSERT_EQ(sign_in(head), "");
        const std::string report = "/api/v1/schools/8012000/reports/full?assessment=" + std::to_string(spring.id) + "&format=";
        const auto refusal = [&](const std::string &format) {
            api_client own(port);
            own.always_sent = head.client->always_sent;
            const auto answer = own.get(report + format);
            return std::to_string(answer.status) + " " + answer.body;
        };

        // A hang and a PDF asked for at once: the PDF does not wait for the hung renderer.
        auto hung = std::async(std::launch::async, refusal, "hang");
        const auto pdf_meanwhile = head.client->get(report + "pdf");
        EXPECT_EQ(pdf_meanwhile.status, 200);
        EXPECT_THAT(pdf_meanwhile.body, StartsWith("%PDF-"));
        EXPECT_THAT(hung.get(), HasSubstr("fixture_renderer_hang.so) did not finish within 2 s and was stopped while "
                                          "rendering the report; nothing was produced, and the server carries on."));

        EXPECT_THAT(refusal("segfault"), HasSubstr("fixture_renderer_segfault.so) crashed (SIGSEGV, Segmentation fault)"));
        EXPECT_THAT(refusal("abort"), HasSubstr("crashed (SIGABRT, Aborted)"));
        EXPECT_THAT(refusal("segfault"), StartsWith("500 "));

        EXPECT_EQ(head.client->get("/api/v1/health").status, 200);
        const auto csv_after = head.client->get(report + "csv");
        EXPECT_EQ(csv_after.status, 200);
        EXPECT_THAT(csv_after.body, HasSubstr("Brookside Primary"));
        EXPECT_EQ(server.stop(), 0);
    }
    std::filesystem::remove_all(folder);
}

WAYMARK_ON_EVERY_DATABASE(isolated_renderers);

}  // namespace
