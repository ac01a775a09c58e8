// One plugin library, loaded and checked before anything of it is used. Shared by the registry and
// by every instance it created, so the code stays mapped while any of them lives; deinit() runs
// and the library is unloaded only when the last of them is gone.
#pragma once

#include "plugin_host/logger.hpp"

#include <waymark/plugin.h>

#include <boost/dll/shared_library.hpp>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::plugins {

// What a library says about one of its plugins, copied out of the library.
struct descriptor_info {
    std::string id;
    std::string kind;  // a WAYMARK_KIND_* string
    std::string name;
    std::string vendor;
    std::string version;
    std::string description;

    bool operator==(const descriptor_info &) const = default;
};

// A library the host will not use; what() is one sentence naming the file and the reason.
class load_refused : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Where a library's waymark_host::log writes: the host's logger, naming the library's file.
struct library_log_context {
    logger *log;
    std::string source;
};

// The SDK version this host was built with, as "1.0.0".
std::string version_text(const waymark_version &version);

class loaded_library {
public:
    // Loads `file`, runs its init and checks its entry, factory and descriptors. Throws load_refused.
    static std::shared_ptr<const loaded_library> load(const std::filesystem::path &file, logger &log);

    loaded_library(const loaded_library &) = delete;
    loaded_library &operator=(const loaded_library &) = delete;
    ~loaded_library();

    const std::filesystem::path &file() const { return file_; }
    const waymark_version &sdk_version() const { return sdk_version_; }
    const std::vector<descriptor_info> &descriptors() const { return descriptors_; }

    // The descriptor of plugin `id` in this library, or nullptr.
    const descriptor_info *find(std::string_view id) const;

    // Asks the factory for a new instance of plugin `id`; throws plugin_error with the plugin's
    // sentence. The caller owns the result (instance does that). Thread-safe.
    const waymark_plugin *create(std::string_view id, std::string_view config) const;

private:
    loaded_library(const std::filesystem::path &file, logger &log);
    void run_init();
    void read_factory();
    std::string refusal(std::string_view reason) const;

    std::filesystem::path file_;
    library_log_context context_;
    waymark_host host_{};
    boost::dll::shared_library library_;
    waymark_entry entry_{};
    const waymark_plugin_factory *factory_table_ = nullptr;  // the plugin's own, passed back to it
    waymark_plugin_factory factory_{};                       // the prefix the host reads
    waymark_version sdk_version_{};
    std::vector<descriptor_info> descriptors_;
    bool initialised_ = false;
};

}  // namespace waymark::plugins
