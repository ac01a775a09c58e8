// GET /api/v1/plugins: the same document as `waymark plugins list --json`.
#include "served_api.hpp"

#include "plugin_host/plugin_listing_json.hpp"

#include <sstream>

namespace {

using waymark::testing::served_api;

TEST_F(served_api, plugins_lists_what_the_host_loaded_and_refused) {
    registry.load_file("/nonexistent/missing-plugin.so");  // refused: the listing says why
    const auto reply = client->get("/api/v1/plugins");
    ASSERT_EQ(reply.status, 200);
    std::ostringstream expected;
    waymark::plugins::plugins_json(registry).stringify(expected);
    EXPECT_EQ(reply.body, expected.str());
    const auto plugins = reply.json()->getArray("plugins");
    ASSERT_EQ(plugins->size(), 4u);
    EXPECT_EQ(plugins->getObject(0)->getValue<std::string>("kind"), "waymark.scheme/1");
    const auto refused = reply.json()->getArray("refused");
    ASSERT_EQ(refused->size(), 1u);
    EXPECT_EQ(refused->getObject(0)->getValue<std::string>("file"), "/nonexistent/missing-plugin.so");
    EXPECT_FALSE(refused->getObject(0)->getValue<std::string>("message").empty());
}

}  // namespace
