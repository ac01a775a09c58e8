// The plugins this host has: which files were loaded or refused and why, which plugins they offer,
// and instances of them. Loading is single-threaded (at start-up); everything const is thread-safe.
#pragma once

#include "plugin_host/instance.hpp"
#include "plugin_host/library.hpp"
#include "plugin_host/logger.hpp"
#include "plugin_host/scheme.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::plugins {

// What happened to one file (or one folder named in WAYMARK_PLUGIN_PATH that does not exist).
struct load_report {
    std::filesystem::path path;
    bool loaded = false;
    std::string message;  // the refusal sentence when not loaded
    std::vector<descriptor_info> descriptors;
};

struct plugin_listing {
    descriptor_info descriptor;
    std::filesystem::path file;
};

// <folder of the running executable>/plugins, <exe folder>/../lib/waymark/plugins, then every
// folder of WAYMARK_PLUGIN_PATH (colon-separated), in that order.
std::vector<std::filesystem::path> default_plugin_folders();

class registry {
public:
    explicit registry(logger &log = logger::standard_error());
    registry(const registry &) = delete;
    registry &operator=(const registry &) = delete;
    ~registry();

    // Loads one file. A refusal is logged and reported, never thrown; loading a file already
    // loaded (same canonical path) returns its first report and loads nothing.
    load_report load_file(const std::filesystem::path &file);
    // Loads every *.so in `folder`, in name order. A missing folder loads nothing.
    void load_folder(const std::filesystem::path &folder);
    // Loads default_plugin_folders(); a WAYMARK_PLUGIN_PATH folder that does not exist is reported.
    void load_default_folders();

    const std::vector<load_report> &reports() const { return reports_; }
    std::vector<plugin_listing> plugins() const;
    std::vector<plugin_listing> plugins_of_kind(std::string_view kind) const;
    std::optional<plugin_listing> find(std::string_view id) const;

    // A new instance of plugin `id` with its configuration text. Throws plugin_error naming the id
    // when no loaded plugin has it, or with the plugin's sentence when creation fails. Thread-safe.
    instance create(std::string_view id, std::string_view config = "") const;
    scheme create_scheme(std::string_view id, std::string_view config = "") const;

private:
    using library_ptr = std::shared_ptr<const loaded_library>;
    const library_ptr *library_of(std::string_view id) const;
    std::optional<std::string> duplicate_id_problem(const loaded_library &library) const;

    logger *log_;
    std::vector<library_ptr> libraries_;
    std::vector<std::filesystem::path> canonical_paths_;  // of reports_, to load each file once
    std::vector<load_report> reports_;
};

}  // namespace waymark::plugins
