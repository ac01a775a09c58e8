// A command-line test with its own empty data folder (the embedded SQLite database lives there),
// removed afterwards; words() adds --data-dir and a fixed --as-of to a command line.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

namespace waymark::testing {

class data_dir_test : public ::testing::Test {
protected:
    void SetUp() override {
        folder_ = std::filesystem::temp_directory_path() /
                  ("wm_cli_" + std::to_string(::getpid()) + "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(folder_);
    }
    void TearDown() override { std::filesystem::remove_all(folder_); }

    std::vector<std::string> words(std::vector<std::string> command) const {
        command.insert(command.end(), {"--data-dir", folder_.string(), "--as-of", "2026-11-22"});
        return command;
    }
    const std::filesystem::path &folder() const { return folder_; }

private:
    std::filesystem::path folder_;
};

}  // namespace waymark::testing
