// Renderers run in a worker process (plugin_host/plugin_worker.hpp): the same bytes as in this
// process, and a renderer that crashes, aborts, spins, hangs or eats memory refused with one sentence
// naming it and what stopped it, while the process that asked carries on and renders again.
#include "plugin_host/plugin_worker.hpp"

#include "plugin_host/registry.hpp"
#include "plugin_host/renderer.hpp"

#include "fixture_plugins.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
using waymark::plugins::find_renderer;
using waymark::plugins::plugin_error;
using waymark::plugins::plugin_worker;
using waymark::plugins::worker_limits;
using waymark::testing::fixture_document;
using waymark::testing::message_of;

// `seconds` of wall-clock and processor time, 512 MB.
worker_limits limits_of(int seconds) {
    worker_limits limits;
    limits.wall_time = limits.processor_time = std::chrono::seconds(seconds);
    limits.memory_megabytes = 512;
    return limits;
}

class plugin_worker_test : public waymark::testing::built_in_plugins_test {
protected:
    void SetUp() override {
        built_in_plugins_test::SetUp();
        plugins.load_folder(std::string(WAYMARK_FIXTURE_DIR) + "/misbehaving");
    }

    std::string rendered_by(const std::string &format, const plugin_worker *in) const {
        std::ostringstream out;
        find_renderer(plugins, format, "", in).render(fixture_document(), out);
        return out.str();
    }

    // Time enough on a busy machine for what finishes; a short wait for what never does.
    const plugin_worker worker{WAYMARK_BIN, limits_of(60)};
    const plugin_worker impatient{WAYMARK_BIN, limits_of(2)};
};

TEST_F(plugin_worker_test, a_report_rendered_in_the_worker_is_the_one_rendered_here) {
    EXPECT_EQ(rendered_by("csv", &worker), rendered_by("csv", nullptr));
    EXPECT_THAT(rendered_by("pdf", &worker), StartsWith("%PDF-"));
}

TEST_F(plugin_worker_test, a_malformed_document_is_refused_before_any_worker_starts) {
    std::string broken = fixture_document();
    broken.replace(broken.find("\"orientation\": \"landscape\""), 26, "\"orientation\": \"wide\"");
    std::ostringstream out;
    EXPECT_THAT(message_of([&] { find_renderer(plugins, "csv", "", &worker).render(broken, out); }),
                HasSubstr("The report document is not valid at $.orientation"));
}

TEST_F(plugin_worker_test, each_misbehaviour_is_refused_with_what_stopped_it_and_the_next_report_renders) {
    const auto refusal = [&](const std::string &how, const plugin_worker &in) {
        std::ostringstream out;
        try {
            find_renderer(plugins, how, "", &in).render(fixture_document(), out);
        } catch (const plugin_error &refused) {
            return std::string(refused.what());
        }
        return std::string("rendered: ") + out.str();
    };
    const std::string who = "Plugin 'org.waymark.fixture.renderer-";
    const std::string nothing = " while rendering the report; nothing was produced, and the server carries on.";
    EXPECT_THAT(refusal("segfault", worker), HasSubstr(who + "segfault' (fixture_renderer_segfault.so) crashed (SIGSEGV, Segmentation fault)" + nothing));
    EXPECT_THAT(refusal("abort", worker), HasSubstr("crashed (SIGABRT, Aborted)" + nothing));
    EXPECT_THAT(refusal("hang", impatient), HasSubstr("renderer-hang' (fixture_renderer_hang.so) did not finish within 2 s and was stopped" + nothing));
    EXPECT_THAT(refusal("spin", impatient), HasSubstr(" and was stopped" + nothing));
#ifndef __SANITIZE_ADDRESS__  // the sanitizer keeps the address space the memory limit would bound
    EXPECT_THAT(refusal("allocate", worker), HasSubstr("could not render the report: The plugin ran out of memory."));
#endif
    EXPECT_EQ(rendered_by("csv", &worker), rendered_by("csv", nullptr));
}

TEST_F(plugin_worker_test, a_worker_that_cannot_start_says_so) {
    const plugin_worker nowhere{"/nonexistent/waymark", limits_of(60)};
    std::ostringstream out;
    EXPECT_THAT(message_of([&] { find_renderer(plugins, "csv", "", &nowhere).render(fixture_document(), out); }),
                HasSubstr("Plugin 'org.waymark.renderer.csv' (renderer-csv.so) stopped with exit status"));
}

}  // namespace
