// Where Waymark keeps its data and which database it talks to, resolved once from the command line,
// the environment and the settings file.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::store {

struct settings {
    std::filesystem::path data_dir;  // --data-dir, else $WAYMARK_DATA_DIR, else [data] folder= in the
                                     // settings file, else ./waymark-data
    std::string connection;          // --db, else [database] connection= in the settings file,
                                     // else the embedded SQLite file <data_dir>/waymark.db
    // `waymark serve --replica`, else [database] replica= in the settings file, else "" (none): the
    // ODBC connection string of a PostgreSQL streaming-replication standby that reports and
    // summaries read from.
    std::string replica;
    // Plugin id -> its config string, from `[plugin <id>]` sections' `config =` lines in the settings
    // file, e.g. [plugin org.waymark.school-bands] config = /path/file.bands. Passed to the plugin as
    // written (what it means is the plugin's business).
    std::map<std::string, std::string, std::less<>> plugin_configs;
    // The [server] section's keys (bind, port, threads, idle_minutes, trusted_proxy) as written, for
    // `waymark serve`, whose flags win over them.
    std::map<std::string, std::string, std::less<>> server;
    // The settings file these came from, none when no file was read.
    std::optional<std::filesystem::path> file;
    // "section.key" of every key the file holds that Waymark does not read, so a misspelt key is
    // reported (`waymark serve --check-config`) rather than silently ignored.
    std::vector<std::string> unknown_keys;

    // The config string for `plugin_id`, "" when the settings file gives none.
    std::string plugin_config(std::string_view plugin_id) const;
};

// A settings file that cannot be used (named, with what to fix).
class settings_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The settings file of an installed system (the Debian package's conffile).
inline constexpr std::string_view system_settings_file = "/etc/waymark/waymark.ini";

// The settings file is `config_file` when given (it must exist), else $WAYMARK_CONFIG when set (it must
// exist), else <data_dir>/waymark.ini when it exists, else, when no data folder was named at all,
// the installed system's /etc/waymark/waymark.ini when it exists. Throws settings_error when a file is
// given but missing or unreadable.
settings resolve_settings(std::optional<std::string> db, std::optional<std::string> data_dir,
                          std::optional<std::string> config_file,
                          const std::filesystem::path &system_file = system_settings_file);

// The embedded database's connection string for a data folder.
std::string embedded_connection(const std::filesystem::path &data_dir);

}  // namespace waymark::store
