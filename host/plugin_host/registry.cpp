#include "plugin_host/registry.hpp"

#include <boost/dll/runtime_symbol_info.hpp>

#include <algorithm>
#include <cstdlib>
#include <sstream>

namespace waymark::plugins {

namespace {

std::filesystem::path canonical_or_same(const std::filesystem::path &file) {
    std::error_code ec;
    auto canonical = std::filesystem::weakly_canonical(file, ec);
    return ec ? file : canonical;
}

std::vector<std::filesystem::path> environment_folders() {
    std::vector<std::filesystem::path> folders;
    const char *value = std::getenv("WAYMARK_PLUGIN_PATH");
    if (value == nullptr) return folders;
    std::stringstream list{std::string(value)};
    for (std::string folder; std::getline(list, folder, ':');) {
        if (!folder.empty()) folders.emplace_back(folder);
    }
    return folders;
}

}  // namespace

std::vector<std::filesystem::path> default_plugin_folders() {
    std::vector<std::filesystem::path> folders;
    boost::dll::fs::error_code ec;
    const std::filesystem::path executable = boost::dll::program_location(ec);
    if (!ec) {
        const auto bin = executable.parent_path();
        folders.push_back(bin / "plugins");
        folders.push_back((bin / ".." / "lib" / "waymark" / "plugins").lexically_normal());
    }
    for (auto &folder : environment_folders()) folders.push_back(std::move(folder));
    return folders;
}

registry::registry(logger &log) : log_(&log) {}

registry::~registry() = default;

load_report registry::load_file(const std::filesystem::path &file) {
    const auto canonical = canonical_or_same(file);
    const auto seen = std::find(canonical_paths_.begin(), canonical_paths_.end(), canonical);
    if (seen != canonical_paths_.end()) return reports_[static_cast<std::size_t>(seen - canonical_paths_.begin())];
    load_report report{file, false, {}, {}};
    try {
        auto library = loaded_library::load(file, *log_);
        if (auto problem = duplicate_id_problem(*library)) throw load_refused(*problem);
        report.loaded = true;
        report.descriptors = library->descriptors();
        libraries_.push_back(std::move(library));
        for (const auto &d : report.descriptors) {
            log_->write(WAYMARK_LOG_DEBUG, "plugins", "loaded " + d.id + " " + d.version + " from " + file.string());
        }
    } catch (const load_refused &e) {
        report.message = e.what();
        log_->write(WAYMARK_LOG_WARNING, "plugins", report.message);
    }
    reports_.push_back(report);
    canonical_paths_.push_back(canonical);
    return report;
}

void registry::load_folder(const std::filesystem::path &folder) {
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto &entry : std::filesystem::directory_iterator(folder, ec)) {
        if (entry.path().extension() == ".so") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto &file : files) load_file(file);
}

void registry::load_default_folders() {
    const auto from_environment = environment_folders();
    for (const auto &folder : default_plugin_folders()) {
        std::error_code ec;
        const bool named_by_user =
            std::find(from_environment.begin(), from_environment.end(), folder) != from_environment.end();
        if (named_by_user && !std::filesystem::is_directory(folder, ec)) {
            load_report report{folder, false,
                               "The plugin folder '" + folder.string() +
                                   "' named in WAYMARK_PLUGIN_PATH does not exist or is not a folder.",
                               {}};
            log_->write(WAYMARK_LOG_WARNING, "plugins", report.message);
            reports_.push_back(std::move(report));
            canonical_paths_.push_back(canonical_or_same(folder));
            continue;
        }
        load_folder(folder);
    }
}

std::optional<std::string> registry::duplicate_id_problem(const loaded_library &library) const {
    for (const auto &d : library.descriptors()) {
        if (const library_ptr *other = library_of(d.id)) {
            return "The plugin file '" + library.file().string() + "' was refused: its plugin id '" + d.id +
                   "' is already loaded from '" + (*other)->file().string() + "'.";
        }
    }
    return std::nullopt;
}

const registry::library_ptr *registry::library_of(std::string_view id) const {
    const auto it = std::find_if(libraries_.begin(), libraries_.end(),
                                 [&](const library_ptr &l) { return l->find(id) != nullptr; });
    return it == libraries_.end() ? nullptr : &*it;
}

std::vector<plugin_listing> registry::plugins() const {
    std::vector<plugin_listing> all;
    for (const auto &l : libraries_) {
        for (const auto &d : l->descriptors()) all.push_back(plugin_listing{d, l->file()});
    }
    return all;
}

std::vector<plugin_listing> registry::plugins_of_kind(std::string_view kind) const {
    auto all = plugins();
    std::erase_if(all, [&](const plugin_listing &p) { return p.descriptor.kind != kind; });
    return all;
}

std::optional<plugin_listing> registry::find(std::string_view id) const {
    const library_ptr *l = library_of(id);
    if (l == nullptr) return std::nullopt;
    return plugin_listing{*(*l)->find(id), (*l)->file()};
}

instance registry::create(std::string_view id, std::string_view config) const {
    const library_ptr *l = library_of(id);
    if (l == nullptr) {
        throw plugin_error(WAYMARK_ERROR_NOT_FOUND, "No loaded plugin has the id '" + std::string(id) +
                                                        "'; `waymark plugins list` shows the loaded ones.");
    }
    const descriptor_info &descriptor = *(*l)->find(id);
    return instance(*l, descriptor, (*l)->create(id, config));
}

scheme registry::create_scheme(std::string_view id, std::string_view config) const {
    return scheme(create(id, config));
}

}  // namespace waymark::plugins
