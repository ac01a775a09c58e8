#include "store/settings.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Util/IniFileConfiguration.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <vector>

namespace waymark::store {
namespace {

// What a settings file says: the connection, if any, and each plugin's config.
struct file_settings {
    std::optional<std::string> connection;
    std::optional<std::string> replica;
    std::optional<std::string> data_folder;
    std::map<std::string, std::string, std::less<>> plugin_configs;
    std::map<std::string, std::string, std::less<>> server;
    std::vector<std::string> unknown_keys;
};

constexpr std::array<std::string_view, 7> server_keys = {"bind",          "port",           "threads",         "idle_minutes",
                                                          "trusted_proxy", "plugin_seconds", "plugin_memory_mb"};

std::optional<std::string> non_empty(const Poco::Util::AbstractConfiguration &ini, const std::string &key) {
    if (!ini.hasProperty(key)) return std::nullopt;
    std::string value = ini.getRawString(key);
    if (value.empty()) return std::nullopt;
    return value;
}

// Every full key under `prefix`. Poco splits keys at dots, and plugin ids contain dots
// ("plugin org.waymark.school-bands.config"), so sections are found by walking the whole tree.
void collect_keys(const Poco::Util::AbstractConfiguration &ini, const std::string &prefix, std::vector<std::string> &out) {
    Poco::Util::AbstractConfiguration::Keys children;
    ini.keys(prefix, children);
    for (const auto &child : children) {
        const std::string key = prefix.empty() ? child : prefix + "." + child;
        if (ini.hasProperty(key)) out.push_back(key);
        collect_keys(ini, key, out);
    }
}

file_settings read_settings_file(const std::filesystem::path &file) {
    try {
        const Poco::AutoPtr<Poco::Util::IniFileConfiguration> ini(new Poco::Util::IniFileConfiguration(file.string()));
        file_settings found;
        found.connection = non_empty(*ini, "database.connection");
        found.replica = non_empty(*ini, "database.replica");
        found.data_folder = non_empty(*ini, "data.folder");
        constexpr std::string_view plugin_section = "plugin ";
        constexpr std::string_view plugin_key = ".config";
        constexpr std::string_view server_section = "server.";
        std::vector<std::string> keys;
        collect_keys(*ini, "", keys);
        for (const auto &full : keys) {
            if (full == "database.connection" || full == "database.replica" || full == "data.folder") continue;
            if (full.size() > plugin_section.size() + plugin_key.size() && full.starts_with(plugin_section) &&
                full.ends_with(plugin_key)) {
                const std::string id =
                    full.substr(plugin_section.size(), full.size() - plugin_section.size() - plugin_key.size());
                found.plugin_configs[id] = ini->getRawString(full);
            } else if (const std::string_view key = std::string_view(full).substr(std::min(full.size(), server_section.size()));
                       full.starts_with(server_section) &&
                       std::find(server_keys.begin(), server_keys.end(), key) != server_keys.end()) {
                found.server[std::string(key)] = ini->getRawString(full);
            } else {
                found.unknown_keys.push_back(full);
            }
        }
        std::sort(found.unknown_keys.begin(), found.unknown_keys.end());
        return found;
    } catch (const Poco::Exception &e) {
        throw settings_error("The settings file " + file.string() + " could not be read (" + e.displayText() +
                             "); check that it exists and is an INI file with a [database] section.");
    }
}

std::optional<std::string> environment(const char *name) {
    const char *value = std::getenv(name);
    if (value == nullptr || *value == '\0') return std::nullopt;
    return std::string(value);
}

// Which settings file applies, if any (see resolve_settings).
std::optional<std::filesystem::path> settings_file_for(const std::optional<std::string> &config_file,
                                                       const std::optional<std::string> &named_data_dir,
                                                       const std::filesystem::path &default_data_dir,
                                                       const std::filesystem::path &system_file) {
    const auto must_exist = [](const std::string &file, std::string_view given_by) {
        if (!std::filesystem::is_regular_file(file)) {
            throw settings_error("The settings file " + file + " given with " + std::string(given_by) +
                                 " does not exist; check the path.");
        }
        return std::filesystem::path(file);
    };
    if (config_file) return must_exist(*config_file, "--config");
    if (const auto from_environment = environment("WAYMARK_CONFIG")) return must_exist(*from_environment, "WAYMARK_CONFIG");
    if (const auto in_data_dir = default_data_dir / "waymark.ini"; std::filesystem::is_regular_file(in_data_dir)) {
        return in_data_dir;
    }
    if (!named_data_dir && std::filesystem::is_regular_file(system_file)) return system_file;
    return std::nullopt;
}

}  // namespace

std::string embedded_connection(const std::filesystem::path &data_dir) {
    return "DRIVER=SQLite3;Database=" + (data_dir / "waymark.db").string() + ";";
}

settings resolve_settings(std::optional<std::string> db, std::optional<std::string> data_dir,
                          std::optional<std::string> config_file, const std::filesystem::path &system_file) {
    settings result;
    const std::optional<std::string> named_data_dir = data_dir ? data_dir : environment("WAYMARK_DATA_DIR");
    const auto absolute = [](const std::filesystem::path &folder) {
        return std::filesystem::absolute(folder).lexically_normal();
    };
    result.data_dir = absolute(named_data_dir.value_or("waymark-data"));
    result.file = settings_file_for(config_file, named_data_dir, result.data_dir, system_file);
    file_settings from_file;
    if (result.file) from_file = read_settings_file(*result.file);
    if (!named_data_dir && from_file.data_folder) result.data_dir = absolute(*from_file.data_folder);

    if (db && !db->empty()) {
        result.connection = *db;
    } else if (from_file.connection) {
        result.connection = *from_file.connection;
    } else {
        result.connection = embedded_connection(result.data_dir);
    }
    result.replica = from_file.replica.value_or("");
    result.plugin_configs = std::move(from_file.plugin_configs);
    result.server = std::move(from_file.server);
    result.unknown_keys = std::move(from_file.unknown_keys);
    return result;
}

std::string settings::plugin_config(std::string_view plugin_id) const {
    const auto found = plugin_configs.find(plugin_id);
    return found == plugin_configs.end() ? std::string() : found->second;
}

}  // namespace waymark::store
