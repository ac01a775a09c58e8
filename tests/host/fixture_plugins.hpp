// Where the test plugins of tests/sdk/fixtures are built, the built-in plugins loaded for a test, and a
// scratch folder per test.
#pragma once

#include "plugin_host/logger.hpp"
#include "plugin_host/registry.hpp"

#include <gtest/gtest.h>
#include <waymark/plugin.h>

#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <functional>
#include <sstream>
#include <string>

#include <unistd.h>

namespace waymark::testing {

inline std::filesystem::path fixture_plugin(const std::string &name) {
    return std::filesystem::path(WAYMARK_FIXTURE_DIR) / (name + ".so");
}

// A report document of the model (reports/DOCUMENT_MODEL.md), the landscape matrix fixture, as JSON.
inline std::string fixture_document() {
    std::ifstream in(std::string(WAYMARK_SOURCE_DIR) + "/tests/reports/fixtures/matrix_landscape.json", std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// What `call` threw, or "no error": a refusal's sentence is part of what a test checks.
inline std::string message_of(const std::function<void()> &call) {
    try {
        call();
    } catch (const std::exception &e) {
        return e.what();
    }
    return "no error";
}

// A host log kept in memory, every level, so a test can read what plugins and the host said.
struct captured_log {
    std::ostringstream text;
    waymark::plugins::logger log{text, WAYMARK_LOG_DEBUG};

    bool contains(const std::string &part) const { return text.str().find(part) != std::string::npos; }
};

// The built-in plugins of bin/plugins loaded, before each test, into a registry of its own that
// logs into `captured`.
class built_in_plugins_test : public ::testing::Test {
protected:
    void SetUp() override { plugins.load_folder(WAYMARK_PLUGIN_DIR); }

    captured_log captured;
    waymark::plugins::registry plugins{captured.log};
};

// A fresh, empty folder, removed when the object goes.
class scratch_folder {
public:
    scratch_folder() {
        std::string pattern = (std::filesystem::temp_directory_path() / "waymark-test-XXXXXX").string();
        path_ = ::mkdtemp(pattern.data());
    }
    ~scratch_folder() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    scratch_folder(const scratch_folder &) = delete;
    scratch_folder &operator=(const scratch_folder &) = delete;

    const std::filesystem::path &path() const { return path_; }
    std::filesystem::path operator/(const std::string &name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

}  // namespace waymark::testing
