#include "store/settings.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Util/IniFileConfiguration.h>

#include <cstdlib>
#include <vector>

namespace waymark::store {
namespace {

// What a settings file says: the connection, if any, and each plugin's config.
struct file_settings {
    std::optional<std::string> connection;
    std::map<std::string, std::string, std::less<>> plugin_configs;
};

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
        if (ini->hasProperty("database.connection") && !ini->getRawString("database.connection").empty()) {
            found.connection = ini->getRawString("database.connection");
        }
        constexpr std::string_view section = "plugin ";
        constexpr std::string_view key = ".config";
        std::vector<std::string> keys;
        collect_keys(*ini, "", keys);
        for (const auto &full : keys) {
            if (full.size() <= section.size() + key.size() || !full.starts_with(section) || !full.ends_with(key)) continue;
            const std::string id = full.substr(section.size(), full.size() - section.size() - key.size());
            found.plugin_configs[id] = ini->getRawString(full);
        }
        return found;
    } catch (const Poco::Exception &e) {
        throw settings_error("The settings file " + file.string() + " could not be read (" + e.displayText() +
                             "); check that it exists and is an INI file with a [database] section.");
    }
}

}  // namespace

std::string embedded_connection(const std::filesystem::path &data_dir) {
    return "DRIVER=SQLite3;Database=" + (data_dir / "waymark.db").string() + ";";
}

settings resolve_settings(std::optional<std::string> db, std::optional<std::string> data_dir,
                          std::optional<std::string> config_file) {
    settings result;
    if (data_dir) {
        result.data_dir = *data_dir;
    } else if (const char *from_environment = std::getenv("WAYMARK_DATA_DIR");
               from_environment != nullptr && *from_environment != '\0') {
        result.data_dir = from_environment;
    } else {
        result.data_dir = "waymark-data";
    }
    result.data_dir = std::filesystem::absolute(result.data_dir).lexically_normal();

    file_settings from_file;
    if (config_file) {
        if (!std::filesystem::is_regular_file(*config_file)) {
            throw settings_error("The settings file " + *config_file +
                                 " given with --config does not exist; check the path.");
        }
        from_file = read_settings_file(*config_file);
    } else if (const auto default_file = result.data_dir / "waymark.ini"; std::filesystem::is_regular_file(default_file)) {
        from_file = read_settings_file(default_file);
    }

    if (db && !db->empty()) {
        result.connection = *db;
    } else if (from_file.connection) {
        result.connection = *from_file.connection;
    } else {
        result.connection = embedded_connection(result.data_dir);
    }
    result.plugin_configs = std::move(from_file.plugin_configs);
    return result;
}

std::string settings::plugin_config(std::string_view plugin_id) const {
    const auto found = plugin_configs.find(plugin_id);
    return found == plugin_configs.end() ? std::string() : found->second;
}

}  // namespace waymark::store
