#include "store/settings.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Util/IniFileConfiguration.h>

#include <cstdlib>

namespace waymark::store {
namespace {

std::optional<std::string> connection_in(const std::filesystem::path &file) {
    try {
        const Poco::AutoPtr<Poco::Util::IniFileConfiguration> ini(new Poco::Util::IniFileConfiguration(file.string()));
        if (!ini->hasProperty("database.connection")) return std::nullopt;
        std::string value = ini->getRawString("database.connection");
        if (value.empty()) return std::nullopt;
        return value;
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

    std::optional<std::string> from_file;
    if (config_file) {
        if (!std::filesystem::is_regular_file(*config_file)) {
            throw settings_error("The settings file " + *config_file +
                                 " given with --config does not exist; check the path.");
        }
        from_file = connection_in(*config_file);
    } else if (const auto default_file = result.data_dir / "waymark.ini"; std::filesystem::is_regular_file(default_file)) {
        from_file = connection_in(default_file);
    }

    if (db && !db->empty()) {
        result.connection = *db;
    } else if (from_file) {
        result.connection = *from_file;
    } else {
        result.connection = embedded_connection(result.data_dir);
    }
    return result;
}

}  // namespace waymark::store
