// Says why a file cannot be a plugin for this host before dlopen() is asked: dlopen's own answers
// for a missing file or a foreign file are not fit to show a user.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace waymark::plugins {

// The reason, as the end of a sentence ("the file does not exist", "it is a shared library for
// AArch64, but this host runs on x86-64"), or nothing when the file looks like a shared library
// this process can load.
std::optional<std::string> shared_library_problem(const std::filesystem::path &file);

// "x86-64", "AArch64", ... for an ELF e_machine value.
std::string machine_name(uint16_t machine);

}  // namespace waymark::plugins
