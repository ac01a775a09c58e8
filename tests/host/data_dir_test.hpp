// A command-line test with its own empty data folder (the embedded SQLite database lives there),
// removed afterwards; words() adds --data-dir, and a fixed --as-of where the command takes one, to a
// command line.
#pragma once

#include "command.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
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
        command.insert(command.end(), {"--data-dir", folder_.string()});
        const auto commands = cli::all_commands();
        const auto named = std::ranges::find(commands, command.front(), &cli::command::name);
        if (named != commands.end() && std::ranges::find(named->options, "as-of") != named->options.end())
            command.insert(command.end(), {"--as-of", "2026-11-22"});
        return command;
    }
    const std::filesystem::path &folder() const { return folder_; }

private:
    std::filesystem::path folder_;
};

}  // namespace waymark::testing
