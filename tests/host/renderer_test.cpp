// The host's renderer handle: format lookup, refusing what is not a renderer, the document checked
// before any plugin sees it, and files written whole or not at all.
#include "plugin_host/renderer.hpp"

#include "plugin_host/registry.hpp"
#include "reports/document.hpp"
#include "reports/document_json.hpp"

#include "fixture_plugins.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

namespace {

using ::testing::HasSubstr;
using waymark::plugins::find_renderer;
using waymark::plugins::plugin_error;
using waymark::plugins::registry;
using waymark::testing::fixture_document;
using waymark::testing::message_of;
using waymark::testing::scratch_folder;

class renderer_test : public waymark::testing::built_in_plugins_test {};

TEST_F(renderer_test, finds_each_built_in_format_whatever_its_case) {
    for (const char *format : {"pdf", "XLSX", "Csv"}) {
        const auto found = find_renderer(plugins, format);
        EXPECT_EQ(found.plugin().descriptor().id, "org.waymark.renderer." + std::string(found.format()));
    }
    EXPECT_EQ(find_renderer(plugins, "csv").file_extension(), ".csv");
}

TEST_F(renderer_test, an_unknown_format_lists_the_formats_on_offer) {
    EXPECT_EQ(message_of([&] { find_renderer(plugins, "docx"); }),
              "No loaded renderer writes 'docx'; the formats on offer are csv, html, pdf, xlsx.");
    registry none{captured.log};
    EXPECT_EQ(message_of([&] { find_renderer(none, "pdf"); }), "No loaded renderer writes 'pdf'; no renderer plugin is loaded.");
}

TEST_F(renderer_test, a_scheme_plugin_is_not_a_renderer) {
    registry schemes{captured.log};
    schemes.load_folder(WAYMARK_FIXTURE_DIR);
    EXPECT_THAT(message_of([&] { waymark::plugins::renderer(schemes.create("org.waymark.test.c-scheme")); }),
                HasSubstr("cannot be used as a renderer: it is a waymark.scheme/1 plugin."));
}

TEST_F(renderer_test, a_malformed_document_is_refused_before_the_plugin_and_keeps_the_earlier_file) {
    scratch_folder folder;
    const auto file = folder / "matrix.csv";
    std::ofstream(file) << "earlier";
    std::string broken = fixture_document();
    broken.replace(broken.find("\"orientation\": \"landscape\""), 26, "\"orientation\": \"wide\"");
    try {
        find_renderer(plugins, "csv").render_to_file(broken, file);
        FAIL() << "rendered a malformed document";
    } catch (const waymark::reports::document_error &e) {
        EXPECT_EQ(e.path(), "$.orientation");
    }
    std::ifstream in(file);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "earlier");
    EXPECT_FALSE(std::filesystem::exists(folder / "matrix.csv.partial"));
}

TEST_F(renderer_test, render_to_file_replaces_the_file_whole) {
    scratch_folder folder;
    const auto file = folder / "matrix.csv";
    std::ofstream(file) << "earlier";
    find_renderer(plugins, "csv").render_to_file(fixture_document(), file);
    std::ifstream in(file, std::ios::binary);
    const std::string written(std::istreambuf_iterator<char>(in), {});
    EXPECT_EQ(written.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_THAT(written, HasSubstr("KS1 reading against Autumn 2026 reading"));
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(folder.path()), {}), 1);
}

// A document the host built goes to the plugin as to_json() writes it: the same file as its JSON gives.
TEST_F(renderer_test, a_built_document_renders_as_its_json_does) {
    const waymark::reports::document document = waymark::reports::parse_document(fixture_document());
    scratch_folder folder;
    const auto renderer = find_renderer(plugins, "csv");
    renderer.render_to_file(document, folder / "built.csv");
    renderer.render_to_file(waymark::reports::to_json(document), folder / "json.csv");
    const auto text_of = [](const std::filesystem::path &file) {
        std::ifstream in(file, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    EXPECT_THAT(text_of(folder / "built.csv"), HasSubstr("KS1 reading against Autumn 2026 reading"));
    EXPECT_EQ(text_of(folder / "built.csv"), text_of(folder / "json.csv"));
}

TEST_F(renderer_test, a_stream_that_stops_accepting_bytes_is_a_clear_failure) {
    std::ostringstream out;
    out.setstate(std::ios::badbit);
    EXPECT_EQ(message_of([&] { find_renderer(plugins, "pdf").render(fixture_document(), out); }),
              "The pdf output could not be written (disk full or closed?).");
}

}  // namespace
