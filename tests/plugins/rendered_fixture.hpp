// Renders the sample documents of tests/reports/fixtures through the host's registry and the built
// renderer modules in WAYMARK_PLUGIN_DIR, exactly as `waymark` would.
#pragma once

#include "plugin_host/registry.hpp"
#include "plugin_host/renderer.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <unistd.h>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

namespace waymark::testing {

inline std::string read_text_file(const std::filesystem::path &file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline std::string fixture_document(const std::string &name) {
    return read_text_file(std::filesystem::path(WAYMARK_SOURCE_DIR) / "tests/reports/fixtures" / name);
}

// The output of a command line (stdout and stderr), and whether it exited with 0.
struct command_result {
    bool succeeded = false;
    std::string output;
};

inline command_result run_command(const std::string &command) {
    command_result result;
    FILE *pipe = popen((command + " 2>&1").c_str(), "r");
    if (pipe == nullptr) return result;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
    result.succeeded = pclose(pipe) == 0;
    return result;
}

// A folder of its own under the build tree for one test's output files, emptied first.
// ctest runs each test case in its own process, several at once: each process gets its own folder,
// or one would empty the folder another is reading.
inline std::filesystem::path output_folder(const std::string &name) {
    const auto folder =
        std::filesystem::path(WAYMARK_BINARY_DIR) / "test-output" / (name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    return folder;
}

class renderer_test : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        plugins_ = std::make_unique<plugins::registry>();
        plugins_->load_folder(WAYMARK_PLUGIN_DIR);
    }
    static void TearDownTestSuite() { plugins_.reset(); }

    static plugins::renderer renderer_for(const std::string &format) { return plugins::find_renderer(*plugins_, format); }

    static std::string render(const std::string &format, const std::string &document) {
        std::ostringstream out;
        renderer_for(format).render(document, out);
        return out.str();
    }

    inline static std::unique_ptr<plugins::registry> plugins_;
};

}  // namespace waymark::testing
