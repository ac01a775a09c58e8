#include "plugin_host/elf_probe.hpp"

#include "fixture_plugins.hpp"

#include <elf.h>
#include <gtest/gtest.h>

#include <fstream>

namespace {

using waymark::plugins::shared_library_problem;
using waymark::testing::fixture_plugin;
using waymark::testing::scratch_folder;

#if defined(__x86_64__)
constexpr uint16_t foreign_machine = EM_AARCH64;
constexpr uint16_t own_machine = EM_X86_64;
#else
constexpr uint16_t foreign_machine = EM_X86_64;
constexpr uint16_t own_machine = EM_AARCH64;
#endif

// A 64-byte little-endian ELF64 header with the given type and machine, and nothing else.
void write_elf_header(const std::filesystem::path &file, uint16_t type, uint16_t machine) {
    unsigned char header[64] = {0x7F, 'E', 'L', 'F', ELFCLASS64, ELFDATA2LSB, EV_CURRENT};
    header[16] = static_cast<unsigned char>(type & 0xFF);
    header[17] = static_cast<unsigned char>(type >> 8);
    header[18] = static_cast<unsigned char>(machine & 0xFF);
    header[19] = static_cast<unsigned char>(machine >> 8);
    std::ofstream(file, std::ios::binary).write(reinterpret_cast<const char *>(header), sizeof header);
}

TEST(elf_probe, accepts_a_real_shared_library) {
    EXPECT_EQ(shared_library_problem(fixture_plugin("fixture_hello")), std::nullopt);
}

TEST(elf_probe, says_a_missing_file_does_not_exist) {
    scratch_folder dir;
    EXPECT_EQ(shared_library_problem(dir / "nowhere.so"), "the file does not exist");
}

TEST(elf_probe, refuses_a_folder) {
    scratch_folder dir;
    EXPECT_EQ(shared_library_problem(dir.path()), "it is a folder, not a shared library");
}

TEST(elf_probe, refuses_text_and_files_shorter_than_a_header) {
    scratch_folder dir;
    std::ofstream(dir / "notes.so") << "This is a text file that someone named notes.so by mistake.\n";
    std::ofstream(dir / "empty.so");
    EXPECT_EQ(shared_library_problem(dir / "notes.so"), "it is not a shared library (it has no ELF header)");
    EXPECT_EQ(shared_library_problem(dir / "empty.so"), "it is not a shared library (it has no ELF header)");
}

TEST(elf_probe, names_both_architectures_when_they_differ) {
    scratch_folder dir;
    write_elf_header(dir / "foreign.so", ET_DYN, foreign_machine);
    const auto problem = shared_library_problem(dir / "foreign.so");
    ASSERT_TRUE(problem);
    EXPECT_NE(problem->find("wrong architecture"), std::string::npos) << *problem;
    EXPECT_NE(problem->find(waymark::plugins::machine_name(foreign_machine)), std::string::npos) << *problem;
    EXPECT_NE(problem->find("this host runs on " + waymark::plugins::machine_name(own_machine)), std::string::npos)
        << *problem;
}

TEST(elf_probe, refuses_an_elf_file_that_is_not_a_shared_library) {
    scratch_folder dir;
    write_elf_header(dir / "object.so", ET_REL, own_machine);
    EXPECT_EQ(shared_library_problem(dir / "object.so"), "it is an ELF file but not a shared library");
}

TEST(elf_probe, names_machines_people_know) {
    EXPECT_EQ(waymark::plugins::machine_name(EM_X86_64), "x86-64");
    EXPECT_EQ(waymark::plugins::machine_name(EM_AARCH64), "AArch64");
    EXPECT_EQ(waymark::plugins::machine_name(9999), "ELF machine 9999");
}

}  // namespace
