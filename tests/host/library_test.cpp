#include "plugin_host/library.hpp"
#include "plugin_host/plugin_error.hpp"

#include "fixture_plugins.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace {

using waymark::plugins::load_refused;
using waymark::plugins::loaded_library;
using waymark::testing::fixture_plugin;
using waymark::testing::scratch_folder;

class library_test : public ::testing::Test {
protected:
    // The sentence the host gives for `file`; fails the test when the file loads.
    std::string refusal_of(const std::filesystem::path &file) {
        try {
            loaded_library::load(file, captured.log);
        } catch (const load_refused &e) {
            return e.what();
        }
        ADD_FAILURE() << file << " loaded, but it should have been refused";
        return {};
    }

    // The host's sentence refusing `file` for `reason`.
    static std::string refused(const std::filesystem::path &file, const std::string &reason) {
        return "The plugin file '" + file.string() + "' was refused: " + reason;
    }

    waymark::testing::captured_log captured;
};

TEST_F(library_test, loads_a_c_plugin_and_reads_its_descriptor) {
    const auto library = loaded_library::load(fixture_plugin("fixture_c_scheme"), captured.log);
    ASSERT_EQ(library->descriptors().size(), 1u);
    const auto &d = library->descriptors()[0];
    EXPECT_EQ(d.id, "org.waymark.test.c-scheme");
    EXPECT_EQ(d.kind, WAYMARK_KIND_SCHEME);
    EXPECT_EQ(d.name, "C test scheme");
    EXPECT_EQ(d.vendor, "Waymark tests");
    EXPECT_EQ(d.version, "1.0.0");
    EXPECT_EQ(library->sdk_version().major, 1u);
    EXPECT_NE(library->find("org.waymark.test.c-scheme"), nullptr);
    EXPECT_EQ(library->find("org.waymark.other"), nullptr);
    // The plugin's init logged through the host, and the line names its file.
    EXPECT_TRUE(captured.contains("info: fixture_c_scheme.so: C test scheme ready")) << captured.text.str();
}

TEST_F(library_test, loads_a_plugin_built_with_the_cpp_wrapper) {
    const auto library = loaded_library::load(fixture_plugin("fixture_hello"), captured.log);
    ASSERT_EQ(library->descriptors().size(), 1u);
    EXPECT_EQ(library->descriptors()[0].id, "org.example.hello-scheme");
}

TEST_F(library_test, refuses_a_missing_file) {
    scratch_folder dir;
    EXPECT_EQ(refusal_of(dir / "gone.so"), refused(dir / "gone.so", "the file does not exist."));
}

TEST_F(library_test, refuses_a_file_that_is_not_a_library) {
    scratch_folder dir;
    std::ofstream(dir / "readme.so") << "not a library\n";
    EXPECT_EQ(refusal_of(dir / "readme.so"),
              refused(dir / "readme.so", "it is not a shared library (it has no ELF header)."));
}

TEST_F(library_test, refuses_another_sdk_major_version_naming_both_versions) {
    const auto file = fixture_plugin("fixture_major_two");
    EXPECT_EQ(refusal_of(file), refused(file, "it was built with Waymark SDK 2.0.0, but this host uses SDK 1.0.0 and "
                                              "accepts only plugins built with SDK 1.x."));
    // It was refused before anything of it ran.
    EXPECT_FALSE(captured.contains("C test scheme ready"));
}

TEST_F(library_test, refuses_a_factory_without_create_and_still_runs_deinit) {
    const std::string sentence = refusal_of(fixture_plugin("fixture_null_create"));
    EXPECT_NE(sentence.find("its factory lacks one of the functions count, descriptor and create"), std::string::npos)
        << sentence;
    // init had run, so the refusal ran deinit before unloading.
    EXPECT_TRUE(captured.contains("fixture_null_create.so: deinit")) << captured.text.str();
}

TEST_F(library_test, shows_the_plugins_own_message_when_init_fails) {
    const auto file = fixture_plugin("fixture_init_fails");
    EXPECT_EQ(refusal_of(file),
              refused(file, "its init failed (invalid input): The licence file /etc/acme/licence.key is missing."));
    // A failed init is not followed by deinit.
    EXPECT_FALSE(captured.contains("deinit"));
}

TEST_F(library_test, reports_a_create_failure_with_the_plugins_sentence) {
    const auto library = loaded_library::load(fixture_plugin("fixture_throwing"), captured.log);
    try {
        library->create("org.waymark.test.throwing", "throw in constructor");
        FAIL() << "create should have failed";
    } catch (const waymark::plugins::plugin_error &e) {
        EXPECT_EQ(e.status(), WAYMARK_ERROR_INTERNAL);
        EXPECT_STREQ(e.what(), "Plugin 'org.waymark.test.throwing' (fixture_throwing.so) could not be created: "
                               "The bands file could not be read.");
    }
}

// Fixtures refused for one reason each, and a part of the sentence that names the reason.
struct refusal_case {
    const char *fixture;
    std::string reason;
};

void PrintTo(const refusal_case &c, std::ostream *out) { *out << c.fixture; }

class library_refusal : public library_test, public ::testing::WithParamInterface<refusal_case> {};

TEST_P(library_refusal, is_one_sentence_naming_the_file_and_the_reason) {
    const auto file = fixture_plugin(GetParam().fixture);
    const std::string sentence = refusal_of(file);
    EXPECT_EQ(sentence.rfind("The plugin file '" + file.string() + "' was refused: ", 0), 0u) << sentence;
    EXPECT_NE(sentence.find(GetParam().reason), std::string::npos) << sentence;
    EXPECT_EQ(sentence.back(), '.');
}

INSTANTIATE_TEST_SUITE_P(
    fixtures, library_refusal,
    ::testing::Values(
        refusal_case{"fixture_unresolved",
                     "the system could not load it: " WAYMARK_FIXTURE_DIR
                     "/fixture_unresolved.so: undefined symbol: waymark_fixture_missing_function"},
        refusal_case{"fixture_no_entry", "it does not export the symbol waymark_plugin_entry"},
        refusal_case{"fixture_short_entry", "its waymark_plugin_entry declares 16 bytes, fewer than the " +
                                                std::to_string(sizeof(waymark_entry)) + " bytes of SDK 1.0."},
        refusal_case{"fixture_unknown_kind",
                     "its plugin 'org.waymark.test.c-scheme' has the unknown kind 'waymark.teleporter/1'"},
        refusal_case{"fixture_no_name", "its descriptor 0 has no name."}),
    [](const auto &test) { return std::string(test.param.fixture); });

TEST(version_text, prints_major_minor_patch) {
    EXPECT_EQ(waymark::plugins::version_text({1, 4, 2}), "1.4.2");
}

}  // namespace
