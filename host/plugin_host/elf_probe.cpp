#include "plugin_host/elf_probe.hpp"

#include <elf.h>

#include <array>
#include <cstring>
#include <fstream>

namespace waymark::plugins {

namespace {

struct elf_identity {
    unsigned char elf_class = 0;  // ELFCLASS32 / ELFCLASS64
    unsigned char data = 0;       // ELFDATA2LSB / ELFDATA2MSB
    uint16_t type = 0;            // ET_DYN for shared libraries (and PIE executables)
    uint16_t machine = 0;
};

// The first bytes of an ELF file, or nothing when the file is not ELF.
std::optional<elf_identity> read_identity(const std::filesystem::path &file) {
    std::array<unsigned char, 20> header{};
    std::ifstream in(file, std::ios::binary);
    in.read(reinterpret_cast<char *>(header.data()), header.size());
    if (in.gcount() < static_cast<std::streamsize>(header.size())) return std::nullopt;
    if (std::memcmp(header.data(), ELFMAG, SELFMAG) != 0) return std::nullopt;
    elf_identity id;
    id.elf_class = header[EI_CLASS];
    id.data = header[EI_DATA];
    const bool little = id.data == ELFDATA2LSB;
    const auto half = [&](std::size_t at) {
        return static_cast<uint16_t>(little ? header[at] | (header[at + 1] << 8) : (header[at] << 8) | header[at + 1]);
    };
    id.type = half(16);
    id.machine = half(18);
    return id;
}

const elf_identity &this_process() {
    static const elf_identity identity = read_identity("/proc/self/exe").value_or(elf_identity{});
    return identity;
}

}  // namespace

std::string machine_name(uint16_t machine) {
    switch (machine) {
        case EM_X86_64: return "x86-64";
        case EM_386: return "x86 (32-bit)";
        case EM_AARCH64: return "AArch64";
        case EM_ARM: return "ARM (32-bit)";
        case EM_RISCV: return "RISC-V";
        case EM_PPC64: return "PowerPC 64";
        case EM_S390: return "IBM Z";
        default: return "ELF machine " + std::to_string(machine);
    }
}

std::optional<std::string> shared_library_problem(const std::filesystem::path &file) {
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (!std::filesystem::exists(status)) return "the file does not exist";
    if (std::filesystem::is_directory(status)) return "it is a folder, not a shared library";
    std::ifstream probe(file, std::ios::binary);
    if (!probe) return "the file cannot be read (check its permissions)";
    const auto identity = read_identity(file);
    if (!identity) return "it is not a shared library (it has no ELF header)";
    const elf_identity &host = this_process();
    if (identity->machine != host.machine || identity->elf_class != host.elf_class || identity->data != host.data) {
        const auto describe = [](const elf_identity &id) {
            return machine_name(id.machine) + (id.elf_class == ELFCLASS32 ? " 32-bit" : " 64-bit");
        };
        return "it is a shared library for the wrong architecture (" + describe(*identity) +
               ", but this host runs on " + describe(host) + ")";
    }
    if (identity->type != ET_DYN) return "it is an ELF file but not a shared library";
    return std::nullopt;
}

}  // namespace waymark::plugins
