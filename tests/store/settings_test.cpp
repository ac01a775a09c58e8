#include "database_fixture.hpp"
#include "store/settings.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

namespace {

using waymark::store::resolve_settings;
using waymark::store::settings_error;

class settings_test : public ::testing::Test {
protected:
    void SetUp() override {
        folder_ = std::filesystem::temp_directory_path() / waymark::testing::unique_test_name();
        std::filesystem::create_directories(folder_);
        ::unsetenv("WAYMARK_DATA_DIR");
        ::unsetenv("WAYMARK_CONFIG");
    }
    void TearDown() override {
        ::unsetenv("WAYMARK_CONFIG");
        std::filesystem::remove_all(folder_);
    }

    std::filesystem::path write_ini(const std::string &name, const std::string &text) {
        const auto path = folder_ / name;
        std::ofstream(path) << text;
        return path;
    }

    std::filesystem::path folder_;
};

TEST_F(settings_test, defaults_to_the_embedded_file_in_the_data_folder) {
    const auto resolved = resolve_settings(std::nullopt, folder_.string(), std::nullopt);
    EXPECT_EQ(resolved.data_dir, folder_);
    EXPECT_EQ(resolved.connection, "DRIVER=SQLite3;Database=" + (folder_ / "waymark.db").string() + ";");
}

TEST_F(settings_test, data_folder_comes_from_the_environment_then_the_working_folder) {
    // Neither an installed /etc/waymark/waymark.ini nor a waymark-data folder where ctest runs may
    // decide the answer: the system file named here is absent and the working folder is our own.
    const auto no_system_file = folder_ / "absent-system.ini";
    const auto working_folder = std::filesystem::current_path();
    std::filesystem::current_path(folder_);
    ::setenv("WAYMARK_DATA_DIR", (folder_ / "from-environment").c_str(), 1);
    EXPECT_EQ(resolve_settings(std::nullopt, std::nullopt, std::nullopt, no_system_file).data_dir,
              folder_ / "from-environment");
    ::unsetenv("WAYMARK_DATA_DIR");
    EXPECT_EQ(resolve_settings(std::nullopt, std::nullopt, std::nullopt, no_system_file).data_dir,
              folder_ / "waymark-data");
    EXPECT_EQ(resolve_settings(std::nullopt, (folder_ / "other").string(), std::nullopt, no_system_file).data_dir,
              folder_ / "other");
    std::filesystem::current_path(working_folder);
}

TEST_F(settings_test, the_ini_in_the_data_folder_names_the_database) {
    write_ini("waymark.ini", "[database]\nconnection = DRIVER={PostgreSQL Unicode};Server=db;Port=5432;\n");
    EXPECT_EQ(resolve_settings(std::nullopt, folder_.string(), std::nullopt).connection,
              "DRIVER={PostgreSQL Unicode};Server=db;Port=5432;");
}

TEST_F(settings_test, the_db_flag_wins_over_the_ini_and_config_over_the_default_ini) {
    write_ini("waymark.ini", "[database]\nconnection = DRIVER=SQLite3;Database=/from/ini.db\n");
    const auto other = write_ini("other.ini", "[database]\nconnection = DSN=from_config\n");
    EXPECT_EQ(resolve_settings(std::string("DSN=flag"), folder_.string(), other.string()).connection, "DSN=flag");
    EXPECT_EQ(resolve_settings(std::nullopt, folder_.string(), other.string()).connection, "DSN=from_config");
}

TEST_F(settings_test, an_ini_without_a_connection_keeps_the_embedded_file) {
    write_ini("waymark.ini", "[server]\nport = 8080\n");
    EXPECT_EQ(resolve_settings(std::nullopt, folder_.string(), std::nullopt).connection,
              waymark::store::embedded_connection(folder_));
}

TEST_F(settings_test, plugin_sections_give_each_plugin_its_config_string) {
    write_ini("waymark.ini", "[database]\nconnection = DSN=x\n"
                             "[plugin org.waymark.school-bands]\nconfig = /schools/bands file.bands\n"
                             "[plugin org.example.other]\nconfig = inline; text=1\ncolour = red\n"
                             "[pluginless]\nconfig = not a plugin\n");
    const auto resolved = resolve_settings(std::nullopt, folder_.string(), std::nullopt);
    EXPECT_EQ(resolved.plugin_config("org.waymark.school-bands"), "/schools/bands file.bands");
    EXPECT_EQ(resolved.plugin_config("org.example.other"), "inline; text=1");
    EXPECT_EQ(resolved.plugin_config("org.waymark.absent"), "");
    EXPECT_EQ(resolved.plugin_configs.size(), 2U);
    const auto other = write_ini("other.ini", "[plugin org.waymark.school-bands]\nconfig = /other.bands\n");
    EXPECT_EQ(resolve_settings(std::nullopt, folder_.string(), other.string()).plugin_config("org.waymark.school-bands"),
              "/other.bands");
}

TEST_F(settings_test, a_missing_config_file_is_named) {
    try {
        resolve_settings(std::nullopt, folder_.string(), (folder_ / "absent.ini").string());
        FAIL() << "a missing --config file was accepted";
    } catch (const settings_error &e) {
        EXPECT_NE(std::string(e.what()).find("absent.ini given with --config does not exist"), std::string::npos)
            << e.what();
    }
}

TEST_F(settings_test, waymark_config_names_the_file_when_no_flag_does) {
    const auto named = write_ini("named.ini", "[database]\nconnection = DSN=from_environment\n");
    ::setenv("WAYMARK_CONFIG", named.c_str(), 1);
    const auto resolved = resolve_settings(std::nullopt, folder_.string(), std::nullopt);
    EXPECT_EQ(resolved.connection, "DSN=from_environment");
    EXPECT_EQ(resolved.file, named);
    ::setenv("WAYMARK_CONFIG", (folder_ / "absent.ini").c_str(), 1);
    EXPECT_THROW(resolve_settings(std::nullopt, folder_.string(), std::nullopt), settings_error);
}

TEST_F(settings_test, the_system_file_applies_only_when_no_data_folder_is_named_and_can_name_one) {
    const auto system_file = write_ini("system.ini", "[data]\nfolder = " + (folder_ / "var").string() + "\n");
    const auto installed = resolve_settings(std::nullopt, std::nullopt, std::nullopt, system_file);
    EXPECT_EQ(installed.file, system_file);
    EXPECT_EQ(installed.data_dir, folder_ / "var");
    EXPECT_EQ(installed.connection, waymark::store::embedded_connection(folder_ / "var"));

    const auto named = resolve_settings(std::nullopt, (folder_ / "own").string(), std::nullopt, system_file);
    EXPECT_EQ(named.file, std::nullopt);
    EXPECT_EQ(named.data_dir, folder_ / "own");
}

TEST_F(settings_test, the_server_section_is_kept_for_serve_and_unknown_keys_are_listed) {
    write_ini("waymark.ini", "[server]\nport = 8443\ntrusted_proxy = 127.0.0.1\nprot = 1\n"
                             "[database]\nconection = DSN=typo\n[plugin org.example.x]\ncolour = red\n");
    const auto resolved = resolve_settings(std::nullopt, folder_.string(), std::nullopt);
    EXPECT_EQ(resolved.server.at("port"), "8443");
    EXPECT_EQ(resolved.server.at("trusted_proxy"), "127.0.0.1");
    EXPECT_EQ(resolved.server.size(), 2U);
    EXPECT_EQ(resolved.unknown_keys,
              (std::vector<std::string>{"database.conection", "plugin org.example.x.colour", "server.prot"}));
}

TEST_F(settings_test, the_database_section_can_name_a_read_replica_and_none_is_the_default) {
    EXPECT_EQ(resolve_settings(std::nullopt, folder_.string(), std::nullopt).replica, "");
    write_ini("waymark.ini", "[database]\nconnection = DSN=primary\nreplica = DSN=standby\n");
    const auto resolved = resolve_settings(std::nullopt, folder_.string(), std::nullopt);
    EXPECT_EQ(resolved.connection, "DSN=primary");
    EXPECT_EQ(resolved.replica, "DSN=standby");
    EXPECT_TRUE(resolved.unknown_keys.empty());
}

}  // namespace
